/** The built CLI (dist/cli.js), run as a user runs it: arguments in, output and exit code out. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const cli = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const fixtures = resolve(__dirname, '..', 'fixtures', 'cli');

function run(args: string[], cwd = fixtures) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFile {
  file: string;
  profile: string;
  isPostmortem: boolean;
  error?: string;
  diagnostics: Array<{ rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }>;
}

const json = (stdout: string) => JSON.parse(stdout) as JsonFile[];
const rules = (file: JsonFile, rule: string) => file.diagnostics.filter((d) => d.rule === rule);

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'pm-cli-'));
}

describe('postmortem-lint', () => {
  it('prints findings grouped by file with a summary, and exits 1 on errors', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'p.md'), '# Outage\n\n## Summary\n\nAll users saw errors.\n\n## Timeline\n\n- 10:00 UTC: errors\n');
    const { code, stdout } = run(['p.md'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^p\.md$/m);
    assert.match(stdout, /1:1\s+error\s+Missing section "Root Cause".*missing-section/);
    assert.match(stdout, /✖ \d+ problems \(3 errors/);
  });

  it('writes SPEC §9 JSON with 1-based positions, for a named file whatever its extension', () => {
    const { code, stdout } = run(['--format', 'json', 'bold-sections.txt']);
    const [file] = json(stdout);
    assert.equal(file.file, 'bold-sections.txt');
    assert.equal(file.profile, 'core');
    assert.equal(file.isPostmortem, true);
    const pseudo = rules(file, 'pseudo-heading');
    assert.deepEqual(pseudo.map((d) => d.line), [1, 5, 11, 15]);
    assert.deepEqual({ ...pseudo[0], message: undefined }, { rule: 'pseudo-heading', severity: 'warning', message: undefined, line: 1, column: 1, endLine: 1, endColumn: 12, fixable: true });
    assert.deepEqual(rules(file, 'missing-section').map((d) => d.message.match(/"([^"]+)"/)![1]), ['Resolution']);
    assert.equal(code, 1);
  });

  it('writes SARIF 2.1.0 that the official schema and the SARIF multitool (with GitHub ingestion rules) accept', () => {
    const { stdout } = run(['--format', 'sarif', 'bold-sections.txt', 'complete.md']);
    type Sarif = { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }>; tool: { driver: { rules: Array<{ id: string; help?: { text: string } }> } } }> };
    const log = JSON.parse(stdout) as Sarif;
    // The OASIS 2.1.0 schema as the SARIF SDK ships it beside its multitool (the platform package installed).
    const multitool: string = require('@microsoft/sarif-multitool');
    const schema = JSON.parse(readFileSync(join(dirname(multitool), 'sarif-2.1.0.json'), 'utf8'));
    assert.match(schema.title, /SARIF\) Version 2\.1\.0 JSON Schema/);
    // strict: false as the schema itself has `required` names its `anyOf` branches leave undefined.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0].results;
    assert.ok(results.length >= 5);
    assert.deepEqual(results[0].locations[0].physicalLocation.artifactLocation, { uri: 'bold-sections.txt', uriBaseId: 'SRCROOT' });
    const missing = log.runs[0].tool.driver.rules.find((r) => r.id === 'missing-section');
    assert.match(missing?.help?.text ?? '', /postmortem-disable-next-line missing-section/);

    // The multitool's own rules, and GitHub code scanning's (GH…), which ask more than the schema.
    const dir = workspace();
    writeFileSync(join(dir, 'out.sarif'), stdout);
    if ((statSync(multitool).mode & 0o100) === 0) chmodSync(multitool, 0o755); // its postinstall, when npm ran no install scripts
    const checked = spawnSync(multitool, ['validate', '--rule-kind', 'Sarif;Gh', '-o', join(dir, 'validation.sarif'), join(dir, 'out.sarif')], { encoding: 'utf8' });
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    const findings = (JSON.parse(readFileSync(join(dir, 'validation.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; level?: string; message: { text?: string } }> }> }).runs[0].results;
    // SARIF2005 asks for the tool's informationUri: the project has no published home to name yet.
    const problems = findings.filter((f) => f.ruleId !== 'SARIF2005' && f.level !== 'note');
    assert.deepEqual(problems.map((f) => `${f.ruleId}: ${f.message.text ?? ''}`), []);
  });

  it('reports an unreadable file, still lints the others, and exits 2', () => {
    const dir = workspace();
    copyFileSync(join(fixtures, 'complete.md'), join(dir, 'good.md'));
    writeFileSync(join(dir, 'locked.md'), '# x');
    chmodSync(join(dir, 'locked.md'), 0o000);
    const locked = process.getuid?.() === 0 ? [] : ['locked.md'];
    const { code, stdout, stderr } = run(['--format', 'json', 'missing.md', ...locked, 'good.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /missing\.md: cannot read the file \(no such file\)/);
    const files = json(stdout);
    assert.equal(files.find((f) => f.file === 'missing.md')?.error, 'cannot read the file (no such file)');
    assert.equal(files.find((f) => f.file === 'good.md')?.isPostmortem, true);
  });

  it('--fix writes the fixes, leaves the rest of the text alone, and is idempotent', () => {
    const dir = workspace();
    copyFileSync(join(fixtures, 'bold-sections.txt'), join(dir, 'pm.txt'));
    const before = readFileSync(join(dir, 'pm.txt'), 'utf8');
    run(['--fix', 'pm.txt'], dir);
    const once = readFileSync(join(dir, 'pm.txt'), 'utf8');
    assert.notEqual(once, before);
    assert.match(once, /^## Summary$/m);
    assert.match(once, /^## Resolution\n\nTODO: /m);
    assert.ok(once.includes('09:00 UTC: index rebuild starts\n09:20 UTC: errors start'));
    const after = json(run(['--format', 'json', 'pm.txt'], dir).stdout)[0];
    assert.deepEqual([...rules(after, 'pseudo-heading'), ...rules(after, 'missing-section')], []);
    run(['--fix', 'pm.txt'], dir);
    assert.equal(readFileSync(join(dir, 'pm.txt'), 'utf8'), once);
  });

  it('filters directories and globs to postmortems', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'docs', 'postmortems'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'README.md'), '# Docs\n\n## Timeline\n\nWe ship in May.\n');
    copyFileSync(join(fixtures, 'complete.md'), join(dir, 'docs', 'postmortems', 'queue.md'));
    copyFileSync(join(fixtures, 'complete.md'), join(dir, 'docs', 'notes.md'));
    const byDir = json(run(['--format', 'json', 'docs'], dir).stdout).map((f) => f.file);
    assert.deepEqual(byDir, [join('docs', 'notes.md'), join('docs', 'postmortems', 'queue.md')]);
    const byGlob = json(run(['--format', 'json', 'docs/**/*.md'], dir).stdout).map((f) => f.file);
    assert.deepEqual(byGlob, byDir);
  });

  it('reads a file without an extension named on the command line as Markdown; a directory walk still leaves it out', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'postmortems'));
    copyFileSync(join(fixtures, 'INCIDENT-2041'), join(dir, 'postmortems', 'INCIDENT-2041'));
    copyFileSync(join(fixtures, 'complete.md'), join(dir, 'postmortems', 'queue.md'));
    const named = join('postmortems', 'INCIDENT-2041');
    const [file] = json(run(['--format', 'json', named], dir).stdout);
    assert.equal(file.file, named);
    assert.equal(file.isPostmortem, true);
    assert.deepEqual(file.diagnostics.map((d) => `${d.line} ${d.rule}`), ['17 pseudo-heading']);
    const timeline = JSON.parse(run(['timeline', '--format', 'json', named], dir).stdout) as { entries: Array<{ time: string }> };
    assert.deepEqual(timeline.entries.map((e) => e.time), ['14:05', '14:20', '14:50']);
    assert.deepEqual(json(run(['--format', 'json', 'postmortems'], dir).stdout).map((f) => f.file), [join('postmortems', 'queue.md')]);
    assert.equal(run(['--fix', named], dir).code, 0);
    assert.match(readFileSync(join(dir, named), 'utf8'), /^## Resolution\n\nThe spooler was restarted/m);
  });

  it('lints many files on several threads with the same results, in order', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'postmortems'));
    const names = Array.from({ length: 120 }, (_, i) => `${String(i).padStart(3, '0')}.md`);
    names.forEach((name, i) => copyFileSync(join(fixtures, i % 2 ? 'complete.md' : 'bold-sections.txt'), join(dir, 'postmortems', name)));
    const files = json(run(['--format', 'json', 'postmortems'], dir).stdout);
    assert.deepEqual(files.map((f) => f.file), names.map((n) => join('postmortems', n)));
    const single = json(run(['--format', 'json', join('postmortems', names[0]), join('postmortems', names[1])], dir).stdout);
    assert.deepEqual(files[0].diagnostics, single[0].diagnostics);
    assert.deepEqual(files[119].diagnostics, single[1].diagnostics);
  });

  it('says when a glob matches nothing and exits 2', () => {
    const { code, stderr } = run(['nothing/**/*.md'], workspace());
    assert.equal(code, 2);
    assert.match(stderr, /no files match "nothing\/\*\*\/\*\.md"/);
  });

  it('--max-warnings and --quiet set the bar', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'p.md'), readFileSync(join(fixtures, 'complete.md'), 'utf8').replace('## Resolution', '**Resolution**'));
    assert.equal(run(['p.md'], dir).code, 0);
    const over = run(['--max-warnings', '0', 'p.md'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /more than --max-warnings 0/);
    const quiet = run(['--quiet', '--format', 'json', 'p.md'], dir);
    assert.deepEqual(json(quiet.stdout)[0].diagnostics, []);
  });

  it('takes the profile from --profile, and rules and profiles from --config', () => {
    const dir = workspace();
    copyFileSync(join(fixtures, 'complete.md'), join(dir, 'p.md'));
    const alx = json(run(['--format', 'json', '--profile', 'alx', 'p.md'], dir).stdout)[0];
    assert.equal(alx.profile, 'alx');
    assert.ok(rules(alx, 'word-count').length === 1);
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ profile: 'alx', rules: { 'word-count': 'off' } }));
    const configured = json(run(['--format', 'json', '--config', 'strict.json', 'p.md'], dir).stdout)[0];
    assert.equal(configured.profile, 'alx');
    assert.deepEqual(rules(configured, 'word-count'), []);
  });

  it('names the bad key of an invalid config, lints with the defaults, and exits 2', () => {
    const dir = workspace();
    copyFileSync(join(fixtures, 'complete.md'), join(dir, 'p.md'));
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ timeline: { maxGap: 'an hour' } }));
    const { code, stdout, stderr } = run(['--format', 'json', 'p.md'], dir);
    assert.match(stderr, /"timeline\.maxGap" must be a number above 0/);
    assert.equal(json(stdout)[0].profile, 'core');
    assert.equal(code, 2);
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "profile": ');
    const broken = run(['--format', 'json', 'p.md'], dir);
    assert.match(broken.stderr, /\.postmortemrc\.json is not valid JSON/);
    assert.equal(json(broken.stdout)[0].isPostmortem, true);
    assert.equal(broken.code, 2);
  });

  it('reports binary files, lints invalid UTF-8 without ever writing it, and keeps a byte order mark', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    const latin1 = Buffer.concat([Buffer.from('**Summary**\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' down for all users.\n\n## Timeline\n\n- 10:00 UTC: x\n')]);
    writeFileSync(join(dir, 'latin1.md'), latin1);
    writeFileSync(join(dir, 'bom.md'), `\uFEFF${readFileSync(join(fixtures, 'bold-sections.txt'), 'utf8')}`);
    const { code, stdout, stderr } = run(['--fix', '--format', 'json', 'image.md', 'latin1.md', 'bom.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /image\.md: is a binary file, not Markdown/);
    assert.match(stderr, /latin1\.md: not valid UTF-8: linted with replacement characters, not fixed/);
    const files = json(stdout);
    assert.ok(rules(files.find((f) => f.file === 'latin1.md')!, 'pseudo-heading').length === 1);
    assert.deepEqual(readFileSync(join(dir, 'latin1.md')), latin1);
    const bom = readFileSync(join(dir, 'bom.md'), 'utf8');
    assert.ok(bom.startsWith('\uFEFF## Summary\n'), JSON.stringify(bom.slice(0, 20)));
  });

  it('honours suppression comments, reports an unknown rule id, and with --report-unused-disable-directives the comments that silence nothing', () => {
    const dir = workspace();
    const text = readFileSync(join(fixtures, 'complete.md'), 'utf8')
      .replace('Retention was set to forever.', 'Retention was set to forever by human error. <!-- postmortem-disable-line blameful-language -->')
      .replace('Extended the disk', 'Extended the disk <!-- postmortem-disable-line timeline-gap, blameful-langauge -->');
    writeFileSync(join(dir, 'p.md'), text);
    const plain = json(run(['--format', 'json', 'p.md'], dir).stdout)[0];
    assert.deepEqual(plain.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.fixable}`), ['18:62 suppression-invalid false']);
    assert.match(plain.diagnostics[0].message, /no rule "blameful-langauge".*did you mean "blameful-language"/);
    const strict = json(run(['--format', 'json', '--report-unused-disable-directives', 'p.md'], dir).stdout)[0];
    assert.deepEqual(strict.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`), ['18:48 suppression-unused', '18:62 suppression-invalid']);
    assert.match(run(['--help']).stdout, /--report-unused-disable-directives/);
    // --fix never writes a suppression comment, and leaves those there alone.
    run(['--fix', 'p.md'], dir);
    assert.equal(readFileSync(join(dir, 'p.md'), 'utf8'), text);
  });

  it('rejects bad usage with exit 2 and the usage text', () => {
    for (const args of [[], ['--format', 'xml', 'a.md'], ['--max-warnings', 'many', 'a.md'], ['--bogus', 'a.md']]) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /Usage: postmortem-lint/);
    }
    assert.equal(run(['--help']).code, 0);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
