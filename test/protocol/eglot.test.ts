/**
 * Emacs 28 + eglot (Debian's emacs-nox and elpa-eglot) against the built server, driven by
 * eglot-verify.el with the setup docs/editors.md gives: diagnostics, a quick fix applied
 * through eglot's code actions, and the symbols imenu lists.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const server = resolve(__dirname, '..', '..', 'dist', 'server.js');
const script = join(__dirname, 'eglot-verify.el');

const POSTMORTEM = [
  '# Checkout outage',
  '',
  '## Summary',
  '',
  'Checkout failed for 3,200 users (12% of orders) for 20 minutes.',
  '',
  '## Timeline',
  '',
  '- 10:00 UTC: errors start',
  '- 10:20 UTC: fixed by a rollback',
  '',
  '## Root Cause',
  '',
  'A bad deploy.',
  '',
  '## Resolution',
  '',
  'Rolled back.',
  '',
].join('\n');

describe('Emacs + eglot', { timeout: 120_000 }, () => {
  it('shows the diagnostics, applies the preferred quick fix, and lists the sections and timeline as symbols', () => {
    const found = spawnSync('emacs', ['--batch', '--eval', "(progn (require 'package) (package-initialize) (require 'eglot) (princ emacs-major-version))"], { encoding: 'utf8' });
    assert.equal(found.status, 0, `Emacs with eglot is not installed: apt-get install -y emacs-nox elpa-eglot (.ci/run installs them). ${found.error?.message ?? found.stderr}`);
    assert.ok(Number(found.stdout) >= 28, `Emacs ${found.stdout}`);

    const dir = mkdtempSync(join(tmpdir(), 'pm-eglot-'));
    mkdirSync(join(dir, 'postmortems'));
    const file = join(dir, 'postmortems', 'checkout.md');
    writeFileSync(file, POSTMORTEM);
    const run = spawnSync('emacs', ['--batch', '-l', script], { encoding: 'utf8', timeout: 100_000, env: { ...process.env, POSTMORTEM_SERVER: server, POSTMORTEM_FILE: file, HOME: dir } });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const lines = run.stdout.trimEnd().split('\n');
    const fixedAt = lines.indexOf('FIXED missing-section');
    assert.ok(fixedAt > 0, run.stdout);
    const before = lines.slice(0, fixedAt);
    const after = lines.slice(fixedAt + 1);

    // A warning, not the default error: the settings in eglot-workspace-configuration apply.
    assert.deepEqual(before.filter((l) => l.startsWith('DIAGNOSTIC')), ['DIAGNOSTIC 1 eglot-warning missing-section Missing section "Action Items". Add it: a postmortem without it leaves readers guessing.']);
    assert.deepEqual(before.filter((l) => l.startsWith('ACTION')), ['ACTION Insert section "Action Items" (preferred)', 'ACTION Ignore missing-section in this file']);
    // After the fix: the section is there, after everything that was, and the server has checked the new text.
    const text = after.filter((l) => l.startsWith('LINE ')).map((l) => l.slice(5)).join('\n');
    assert.ok(text.startsWith(POSTMORTEM), text);
    assert.match(text.slice(POSTMORTEM.length), /^\n## Action Items\n\nTODO: /);
    assert.deepEqual(after.filter((l) => l.startsWith('DIAGNOSTIC')).map((l) => l.split(' ').slice(0, 4).join(' ')), ['DIAGNOSTIC 20 eglot-warning empty-section']);
    assert.equal(readFileSync(file, 'utf8'), POSTMORTEM, 'the edit is in the buffer; the file is the user\'s to save');
    assert.deepEqual(after.filter((l) => l.startsWith('SYMBOL')), [
      'SYMBOL Event/',
      'SYMBOL   Checkout outage::Timeline/',
      'SYMBOL     10:00 UTC errors start',
      'SYMBOL     10:20 UTC fixed by a rollback',
      'SYMBOL String/',
      'SYMBOL   Checkout outage',
      'SYMBOL   Checkout outage/',
      'SYMBOL     Summary',
      'SYMBOL     Timeline',
      'SYMBOL     Root Cause',
      'SYMBOL     Resolution',
      'SYMBOL     Action Items',
    ]);
  });
});
