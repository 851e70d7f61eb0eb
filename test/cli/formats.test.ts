/** The CI formats of the built CLI (github, junit, markdown) and `--output`, read as the CI systems read them. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from './run';

/** A file name with every character the formats must escape: `%`, `,`, `:`, `<`, `&`, `"` and a line break. */
const ODD = 'odd 100%0A, "a:b" <&>\nname.md';
const POSTMORTEM = '# Outage\n\n## Summary\n\nAll users saw errors.\n\n## Timeline\n\n- 10:00 UTC: errors\n\n## Action Items\n\n- Raise 100% of <alerts> & pages\n';
const CLEAN = '# Outage\n\n## Summary\n\nAll users saw errors for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC: errors start\n- 10:20 UTC: resolved\n\n## Root Cause\n\nA bad deploy.\n\n## Resolution\n\nRolled back.\n\n## Action Items\n\n- [ ] Add a canary (@alice)\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-formats-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** Reads workflow commands as the runner does: `::level k=v,k=v::message`, then undoes the escapes. */
function annotations(stdout: string): Annotation[] {
  const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(m, `not a workflow command: ${line}`);
      const properties = Object.fromEntries(m[2].split(',').map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), unescape(pair.slice(at + 1))];
      }));
      return { level: m[1], properties, message: unescape(m[3]) };
    });
}

describe('--format github', () => {
  it('writes one annotation per finding, with positions, the rule as title, and escaped data', () => {
    const dir = workspace({ [ODD]: POSTMORTEM });
    const { code, stdout } = runCli(['--format', 'github', ODD], dir);
    assert.equal(code, 1);
    const found = annotations(stdout);
    assert.deepEqual(found.map((a) => [a.level, a.properties.title]), [
      ['error', 'missing-section'],
      ['error', 'missing-section'],
      ['notice', 'action-item-owner'],
    ]);
    assert.deepEqual(found[0].properties, { file: ODD, line: '1', col: '1', endLine: '1', endColumn: '9', title: 'missing-section' });
    assert.equal(found[2].properties.line, '13');
    assert.match(found[2].message, /^The action item "Raise 100% of <alerts> & pages" has no owner/);
    // Raw, the `%` of the message and the file name's line break are escaped, the file name's `,` and `:` too.
    assert.match(stdout, /Raise 100%25 of <alerts> & pages/);
    assert.ok(stdout.includes('file=odd 100%250A%2C "a%3Ab" <&>%0Aname.md,'));
    assert.equal(stdout.split('\n').length, 4);
  });

  it('prints nothing for a clean postmortem and exits 0', () => {
    const dir = workspace({ 'clean-postmortem.md': CLEAN });
    assert.deepEqual(runCli(['--format', 'github', 'clean-postmortem.md'], dir), { code: 0, stdout: '', stderr: '' });
  });

  it('annotates an unreadable file as an error and exits 2', () => {
    const dir = workspace({});
    const { code, stdout } = runCli(['--format', 'github', 'gone.md'], dir);
    assert.equal(code, 2);
    assert.deepEqual(annotations(stdout), [{ level: 'error', properties: { file: 'gone.md', title: 'postmortem-lint' }, message: 'cannot read the file (no such file)' }]);
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  type Case = { name: string; classname: string; failure?: { message: string; type: string; '#text': string }; 'system-out'?: string };
  type Suite = { name: string; tests: string; failures: string; testcase: Case[] };

  it('is well-formed XML: a suite per file, a case per finding, errors and warnings failing, text escaped', () => {
    const dir = workspace({ [ODD]: POSTMORTEM, 'clean-postmortem.md': CLEAN });
    const { code, stdout } = runCli(['--format', 'junit', ODD, 'clean-postmortem.md'], dir);
    assert.equal(code, 1);
    assert.equal(XMLValidator.validate(stdout), true);
    assert.doesNotMatch(stdout, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const doc = parser.parse(stdout) as { testsuites: { tests: string; failures: string; testsuite: Suite[] } };
    assert.equal(doc.testsuites.tests, '4');
    assert.equal(doc.testsuites.failures, '2');
    const [odd, clean] = doc.testsuites.testsuite;
    // The attribute keeps the line break (written &#10;), as a parser that decodes character references gives it back.
    assert.equal(odd.name, ODD);
    assert.equal(odd.failures, '2');
    assert.deepEqual(odd.testcase.map((c) => c.name), ['missing-section at 1:1', 'missing-section at 1:1', 'action-item-owner at 13:3']);
    assert.equal(odd.testcase[0].failure?.type, 'error');
    assert.match(odd.testcase[0].failure?.message ?? '', /^Missing section "Root Cause"/);
    assert.equal(odd.testcase[2].failure, undefined);
    assert.match(odd.testcase[2]['system-out'] ?? '', /: info: The action item "Raise 100% of <alerts> & pages"/);
    assert.match(stdout, /Raise 100% of &lt;alerts&gt; &amp; pages/);
    assert.deepEqual(clean.testcase.map((c) => [c.name, c.classname, c.failure]), [['postmortem-lint', 'clean-postmortem.md', undefined]]);
  });

  it('replaces characters XML cannot hold, so one odd byte does not break the report', () => {
    const name = 'ctl\u0001\u001bname.md';
    const dir = workspace({ [name]: POSTMORTEM });
    const { stdout } = runCli(['--format', 'junit', name], dir);
    assert.equal(XMLValidator.validate(stdout), true);
    assert.doesNotMatch(stdout, /[\u0001\u001b]/);
    assert.match(stdout, /testsuite name="ctl\uFFFD\uFFFDname\.md"/);
  });
});

describe('--format gitlab', () => {
  type Issue = { type: string; check_name: string; description: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } };

  it('writes Code Quality issues with the fields GitLab requires, fingerprints that survive a moved line', () => {
    const dir = workspace({ 'db-postmortem.md': POSTMORTEM, 'moved-postmortem.md': `<!-- a comment -->\n\n${POSTMORTEM}` });
    const { code, stdout } = runCli(['--format', 'gitlab', 'db-postmortem.md', 'moved-postmortem.md'], dir);
    assert.equal(code, 1);
    const issues = JSON.parse(stdout) as Issue[];
    const db = issues.filter((i) => i.location.path === 'db-postmortem.md');
    assert.deepEqual(db.map((i) => [i.type, i.check_name, i.severity, i.location.lines.begin]), [
      ['issue', 'missing-section', 'major', 1],
      ['issue', 'missing-section', 'major', 1],
      ['issue', 'action-item-owner', 'info', 13],
    ]);
    assert.match(db[2].description, /"Raise 100% of <alerts> & pages"/);
    // The same findings in another file are other issues.
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.ok(issues.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint)));
    // Stable from run to run, and when the findings move two lines down.
    const again = JSON.parse(runCli(['--format', 'gitlab', 'db-postmortem.md'], dir).stdout) as Issue[];
    assert.deepEqual(again.map((i) => i.fingerprint), db.map((i) => i.fingerprint));
    writeFileSync(join(dir, 'db-postmortem.md'), `<!-- moved -->\n\n${POSTMORTEM}`);
    const moved = JSON.parse(runCli(['--format', 'gitlab', 'db-postmortem.md'], dir).stdout) as Issue[];
    assert.equal(moved.find((i) => i.check_name === 'action-item-owner')?.location.lines.begin, 15);
    assert.deepEqual(moved.map((i) => i.fingerprint), db.map((i) => i.fingerprint));
  });

  it('is an empty list for a clean postmortem', () => {
    const dir = workspace({ 'clean-postmortem.md': CLEAN });
    assert.deepEqual(runCli(['--format', 'gitlab', 'clean-postmortem.md'], dir), { code: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('--format markdown', () => {
  it('writes a headline and a table per file, with document text escaped', () => {
    const dir = workspace({ 'pipe|postmortem.md': POSTMORTEM, 'clean-postmortem.md': CLEAN });
    const { code, stdout } = runCli(['--format', 'markdown', 'pipe|postmortem.md', 'clean-postmortem.md'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^## Postmortem lint\n\n❌ 3 problems \(2 errors, 1 info\): 2 files checked\.\n/);
    assert.match(stdout, /^### pipe\\\|postmortem\.md$/m);
    assert.match(stdout, /^\| 13:3 \| 🔵 info \| The action item "Raise 100% of &lt;alerts&gt; &amp; pages" has no owner.* \| `action-item-owner` \|$/m);
    assert.doesNotMatch(stdout, /clean-postmortem/);
  });

  it('says so when there is nothing to report', () => {
    const dir = workspace({ 'clean-postmortem.md': CLEAN });
    assert.equal(runCli(['--format', 'markdown', 'clean-postmortem.md'], dir).stdout, '## Postmortem lint\n\n✅ No problems: 1 file checked.\n');
  });
});

describe('--output', () => {
  it('writes the format to the file and stylish to the terminal, with the same exit code', () => {
    const dir = workspace({ 'db-postmortem.md': POSTMORTEM });
    const plain = runCli(['db-postmortem.md'], dir);
    const { code, stdout, stderr } = runCli(['--format', 'sarif', '--output', 'out.sarif', 'db-postmortem.md'], dir);
    assert.equal(code, 1);
    assert.equal(code, plain.code);
    assert.equal(stdout, plain.stdout);
    assert.match(stdout, /✖ 3 problems \(2 errors, 1 info\)/);
    assert.equal(stderr, '');
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    assert.equal(log.runs[0].results.length, 3);
  });

  it('keeps exit 0 for a clean file, and writes junit with -o', () => {
    const dir = workspace({ 'clean-postmortem.md': CLEAN });
    const { code, stdout } = runCli(['--format', 'junit', '-o', 'report.xml', 'clean-postmortem.md'], dir);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(readFileSync(join(dir, 'report.xml'), 'utf8'), /<testsuite name="clean-postmortem\.md" tests="1" failures="0"/);
  });

  it('says clearly when the file cannot be written, still shows the findings, and exits 2', () => {
    const dir = workspace({ 'db-postmortem.md': POSTMORTEM });
    mkdirSync(join(dir, 'taken'));
    const missing = runCli(['--format', 'json', '--output', 'no/such/dir/out.json', 'db-postmortem.md'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'postmortem-lint: cannot write --output no/such/dir/out.json (no such folder)\n');
    assert.match(missing.stdout, /✖ 3 problems/);
    assert.match(runCli(['--format', 'json', '--output', 'taken', 'db-postmortem.md'], dir).stderr, /cannot write --output taken \(it is a folder\)/);
  });

  it('is refused for timeline and actions, and --format names every format', () => {
    const dir = workspace({ 'db-postmortem.md': POSTMORTEM });
    assert.match(runCli(['timeline', 'db-postmortem.md', '--output', 'x'], dir).stderr, /--output is not an option of postmortem-lint timeline/);
    const bad = runCli(['--format', 'xml', 'db-postmortem.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be stylish, json, sarif, github, gitlab, junit or markdown, not "xml"/);
  });
});

describe('--only-postmortems', () => {
  it('skips a named file that is not a postmortem, and still lints one that is', () => {
    const dir = workspace({ 'README.md': '# Tools\n\nHow to build this.\n', 'db-postmortem.md': POSTMORTEM });
    assert.equal(runCli(['README.md'], dir).code, 1);
    const { code, stdout } = runCli(['--only-postmortems', '--format', 'json', 'README.md', 'db-postmortem.md'], dir);
    assert.equal(code, 1);
    assert.deepEqual((JSON.parse(stdout) as Array<{ file: string }>).map((f) => f.file), ['db-postmortem.md']);
    assert.deepEqual(runCli(['--only-postmortems', 'README.md'], dir), { code: 0, stdout: '', stderr: '' });
  });
});
