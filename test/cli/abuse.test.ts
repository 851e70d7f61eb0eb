/**
 * The built CLI under abuse (issue 8): folders and files it may not read, documents nested
 * too deeply to read in full, very long lines, a broken configuration with --fix. Each is
 * reported with exit 2, the other files are still linted, and --fix never writes a file it
 * could not fully analyse. Permissions do not bite root: when the tests run as root, the
 * CLI is run as the unprivileged user `nobody` (uid 65534) for the permission cases. That run
 * uses a copy of the bundle in a world-readable temporary folder, never the checkout, which may
 * sit inside a folder `nobody` cannot enter (issue 19).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const dist = resolve(__dirname, '..', '..', 'dist');
const cli = join(dist, 'cli.js');
const complete = resolve(__dirname, '..', 'fixtures', 'cli', 'complete.md');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function run(args: string[], cwd: string, asNobody = false) {
  const result = spawnSync(process.execPath, [asNobody ? cliForNobody() : cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // A watchdog, not a measure: a hung CLI is killed and the test fails on its status.
    timeout: 120_000,
    ...(asNobody && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFile {
  file: string;
  isPostmortem: boolean;
  error?: string;
  diagnostics: Array<{ rule: string }>;
}
const json = (stdout: string) => JSON.parse(stdout) as JsonFile[];

/** A fresh folder everyone may enter (the permission cases run the CLI as `nobody` under root). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-abuse-'));
  chmodSync(dir, 0o755);
  return dir;
}

let nobodyCli: string | undefined;

/**
 * The path of a copy of the built CLI that `nobody` can load, checked once by running
 * `--version` as the user the permission cases run as. The bundle needs nothing beside itself:
 * its lint workers load the same file, and the only package it looks for (picomatch, from
 * fdir) is optional and bundled where it is used. Its source map is copied for stack traces.
 */
function cliForNobody(): string {
  if (nobodyCli) return nobodyCli;
  const bin = workspace();
  for (const name of ['cli.js', 'cli.js.map']) {
    if (!existsSync(join(dist, name))) continue;
    copyFileSync(join(dist, name), join(bin, name));
    chmodSync(join(bin, name), 0o644);
  }
  const copy = join(bin, 'cli.js');
  const probe = spawnSync(process.execPath, [copy, '--version'], {
    encoding: 'utf8',
    timeout: 120_000,
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  const version = (JSON.parse(readFileSync(resolve(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
  assert.ok(
    probe.status === 0 && probe.stdout.trim() === version,
    `the permission cases test nothing: ${isRoot ? 'nobody' : 'this user'} cannot load the CLI copied to ${copy} ` +
      `(\`--version\` exited ${probe.status}). ${isRoot ? 'nobody' : 'It'} must be able to run ${process.execPath} ` +
      `and enter ${tmpdir()} (set TMPDIR to a folder everyone may enter).\n${probe.stderr}${probe.error ?? ''}`,
  );
  nobodyCli = copy;
  return copy;
}

/** Writes a file everyone may read and write. */
function put(path: string, text: string | Buffer): void {
  writeFileSync(path, text);
  chmodSync(path, 0o666);
}

describe('postmortem-lint under abuse', () => {
  it(`reports folders it cannot list, top and nested, lints the rest and exits 2${isRoot ? ' (run as nobody: the tests run as root)' : ''}`, () => {
    const dir = workspace();
    mkdirSync(join(dir, 'docs', 'postmortems', 'locked'), { recursive: true, mode: 0o755 });
    chmodSync(join(dir, 'docs'), 0o755);
    chmodSync(join(dir, 'docs', 'postmortems'), 0o755);
    copyFileSync(complete, join(dir, 'docs', 'postmortems', 'open.md'));
    copyFileSync(complete, join(dir, 'docs', 'postmortems', 'locked', 'hidden.md'));
    chmodSync(join(dir, 'docs', 'postmortems', 'locked'), 0o000);
    mkdirSync(join(dir, 'sealed'), { mode: 0o000 });
    const { code, stdout, stderr } = run(['--format', 'json', 'docs', 'sealed'], dir, true);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /docs\/postmortems\/locked: cannot read the directory \(permission denied\)/);
    assert.match(stderr, /sealed: cannot read the directory \(permission denied\)/);
    assert.deepEqual(json(stdout).map((f) => f.file), [join('docs', 'postmortems', 'open.md')]);
  });

  it(`reports a file it may not read, and fixes the others${isRoot ? ' (run as nobody: the tests run as root)' : ''}`, () => {
    const dir = workspace();
    put(join(dir, 'locked.md'), readFileSync(complete));
    chmodSync(join(dir, 'locked.md'), 0o000);
    put(join(dir, 'fixable.md'), readFileSync(complete, 'utf8').replace('## Resolution', '**Resolution**'));
    const { code, stdout, stderr } = run(['--fix', '--format', 'json', 'locked.md', 'fixable.md'], dir, true);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /locked\.md: cannot read the file \(permission denied\)/);
    assert.equal(json(stdout).find((f) => f.file === 'locked.md')?.error, 'cannot read the file (permission denied)');
    assert.match(readFileSync(join(dir, 'fixable.md'), 'utf8'), /^## Resolution$/m);
  });

  it('checks a document nested too deeply to read in full, says so, and does not fix it; the others are fixed', () => {
    const dir = workspace();
    const deep = `# Outage\n\n**Summary**\n\n${'> '.repeat(5000)}10:00 UTC deep\n\n## Timeline\n\n- 10:00 UTC: start\n`;
    put(join(dir, 'deep-postmortem.md'), deep);
    put(join(dir, 'fixable.md'), readFileSync(complete, 'utf8').replace('## Resolution', '**Resolution**'));
    const { code, stdout, stderr } = run(['--fix', '--format', 'json', 'deep-postmortem.md', 'fixable.md'], dir);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /deep-postmortem\.md: the document nests quotes, lists, emphasis or links too deeply to read in full/);
    assert.match(stderr, /deep-postmortem\.md: not fixed: its analysis was incomplete/);
    assert.equal(readFileSync(join(dir, 'deep-postmortem.md'), 'utf8'), deep);
    const files = json(stdout);
    assert.ok(files.find((f) => f.file === 'deep-postmortem.md')!.diagnostics.some((d) => d.rule === 'pseudo-heading'));
    assert.match(readFileSync(join(dir, 'fixable.md'), 'utf8'), /^## Resolution$/m);
  });

  it('does not fix with a broken configuration: says why and exits 2', () => {
    const dir = workspace();
    const text = readFileSync(complete, 'utf8').replace('## Resolution', '**Resolution**');
    put(join(dir, 'p.md'), text);
    put(join(dir, '.postmortemrc.json'), '{ "rules": { "pseudo-heading": "loud" } }');
    const { code, stderr } = run(['--fix', 'p.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /"rules\.pseudo-heading"|pseudo-heading/);
    assert.match(stderr, /p\.md: not fixed: the configuration has errors/);
    assert.equal(readFileSync(join(dir, 'p.md'), 'utf8'), text);
  });

  it('refuses a workspace config whose include globs would backtrack for minutes, and lints with the defaults', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'postmortems'), { mode: 0o755 });
    copyFileSync(complete, join(dir, 'postmortems', `${'a'.repeat(120)}.md`));
    put(join(dir, '.postmortemrc.json'), JSON.stringify({ include: ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'] }));
    const { code, stdout, stderr } = run(['--format', 'json', 'postmortems'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /"include" has a pattern too complex to match quickly/);
    assert.equal(json(stdout).length, 1);
  });

  it('executes nothing from the workspace: JavaScript config files are never loaded', () => {
    const dir = workspace();
    const marker = join(dir, 'ran');
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: { 'missing-section': 'off' } };`;
    for (const name of ['.postmortemrc.js', '.postmortemrc.cjs', 'postmortem.config.js']) put(join(dir, name), payload);
    put(join(dir, 'p.md'), readFileSync(complete, 'utf8').replace('## Resolution', '## Fixing it'));
    const { code, stdout } = run(['--format', 'json', 'p.md'], dir);
    assert.equal(code, 1);
    assert.ok(!existsSync(marker), 'a workspace file was executed');
    // The defaults apply: the rule the script would have turned off still reports.
    assert.ok(json(stdout)[0].diagnostics.some((d) => d.rule === 'missing-section'));
  });

  it('lints lines of 100,000 digits, colons, spaces and AM, and keeps old-Mac line breaks when fixing', () => {
    const dir = workspace();
    const long = (unit: string) => unit.repeat(100_000 / unit.length);
    const text = ['# Outage', '', '## Summary', '', long('9'), '', '## Timeline', '', `- 10:00 UTC ${long(':')}`, `- ${long(' ')}x`, `| ${long('AM')} | x |`, '|---|---|', '', '## Root Cause', '', long(' AM')].join('\n');
    put(join(dir, 'long-postmortem.md'), text);
    put(join(dir, 'cr-postmortem.md'), '# Outage\r\r**Summary**\r\rAll users saw errors.\r\r## Timeline\r\r- 10:00 UTC: errors\r');
    const { code, stdout, stderr } = run(['--format', 'json', 'long-postmortem.md', 'cr-postmortem.md'], dir);
    assert.equal(code, 1, stderr);
    const [longFile, crFile] = json(stdout);
    assert.ok(longFile.diagnostics.some((d) => d.rule === 'missing-section'));
    assert.ok(!crFile.diagnostics.some((d) => d.rule === 'empty-section'), 'an old-Mac document reads its sections');
    assert.equal(run(['--fix', 'cr-postmortem.md'], dir).code, 0);
    const cr = readFileSync(join(dir, 'cr-postmortem.md'), 'utf8');
    assert.match(cr, /\r## Summary\r/);
    assert.ok(!cr.includes('\n'), JSON.stringify(cr.slice(0, 80)));
  });
});
