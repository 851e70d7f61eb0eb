/** The config file's `ignores` and `overrides`, as the built CLI applies them to a folder. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const cli = resolve(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, files: JSON.parse(result.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string; severity: string }> }>, stderr: result.stderr };
}

/** A postmortem without Action Items (`missing-section`, an error by default) and with a blameful word. */
const INCOMPLETE = '# Outage\n\n## Summary\n\nCheckout failed for 3,200 users (12% of orders) for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC: errors\n- 10:20 UTC: fixed\n\n## Root Cause\n\nA bad deploy.\n\n## Resolution\n\nRolled back.\n';

function repo(config: unknown, files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-scopes-'));
  writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify(config));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), INCOMPLETE);
  }
  return root;
}

const rulesOf = (files: ReturnType<typeof run>['files'], file: string) => files.find((f) => f.file === file)?.diagnostics.map((d) => `${d.rule}:${d.severity}`);

describe('postmortem-lint: ignores and overrides', () => {
  it('never lints what "ignores" matches, relative to the config file, and says so for a named file', () => {
    const root = repo({ ignores: ['incidents/archive/**', '**/draft-*.md'] }, ['incidents/a.md', 'incidents/archive/2019/old.md', 'incidents/draft-b.md', 'other/incidents/archive/c.md']);
    const folder = run(['incidents', 'other'], root);
    assert.deepEqual(folder.files.map((f) => f.file).sort(), ['incidents/a.md', 'other/incidents/archive/c.md']);
    assert.equal(folder.stderr, '');
    // From a subfolder the globs still count from the config file's folder.
    const nested = run(['.'], join(root, 'incidents'));
    assert.deepEqual(nested.files.map((f) => f.file), ['a.md']);
    const named = run(['incidents/archive/2019/old.md'], root);
    assert.deepEqual(named.files, []);
    assert.match(named.stderr, /incidents\/archive\/2019\/old\.md: not linted: "ignores" in \.postmortemrc\.json matches it/);
    assert.equal(named.code, 0);
  });

  it('applies each matching "overrides" entry over "rules", later entries winning, per file', () => {
    const root = repo(
      {
        rules: { 'missing-section': 'warning' },
        overrides: [
          { files: 'incidents/legacy/**', rules: { 'missing-section': 'off', 'timeline-gap': 'error' } },
          { files: ['incidents/legacy/keep/*.md'], rules: { 'missing-section': 'info' } },
        ],
      },
      ['incidents/new.md', 'incidents/legacy/old.md', 'incidents/legacy/keep/kept.md'],
    );
    const { files, code } = run(['incidents'], root);
    assert.deepEqual(rulesOf(files, 'incidents/new.md'), ['missing-section:warning']);
    assert.deepEqual(rulesOf(files, 'incidents/legacy/old.md'), []);
    assert.deepEqual(rulesOf(files, 'incidents/legacy/keep/kept.md'), ['missing-section:info']);
    assert.equal(code, 0);
  });

  it('names a bad "overrides" entry by its index, keeps the good ones, and exits 2', () => {
    const root = repo({ overrides: [{ rules: { 'missing-section': 'off' } }, { files: 'incidents/**', rules: { 'missing-section': 'hint', 'no-such-rule': 'off' } }] }, ['incidents/a.md']);
    const { files, stderr, code } = run(['incidents'], root);
    assert.match(stderr, /"overrides\[0\]" needs "files"/);
    assert.match(stderr, /"overrides\[1\]\.rules\.no-such-rule" names no rule/);
    assert.deepEqual(rulesOf(files, 'incidents/a.md'), ['missing-section:hint']);
    assert.equal(code, 2);
  });
});
