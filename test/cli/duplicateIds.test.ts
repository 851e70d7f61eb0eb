/** `duplicate-incident-id` from the built CLI: a run over both files reports the shared ID on each (issue 15). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { md } from '../helpers';
import { runCli } from './run';

/** A clean postmortem with the given incident ID. */
function postmortem(id: string, title: string): string {
  return md('---', `id: ${id}`, 'severity: SEV2', '---', `# ${title}`, '', '## Summary', '', 'From 10:00 to 10:20 UTC 5% of uploads failed.', '', '## Timeline', '', '- 10:00 UTC: deploy starts', '- 10:05 UTC: alert fires', '- 10:20 UTC: uploads recover, incident resolved', '', '## Root Cause', '', 'A bad deploy.', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', '- [ ] Add a canary @dana');
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-dup-'));
  mkdirSync(join(dir, 'postmortems'));
  writeFileSync(join(dir, 'postmortems', 'upload-errors.md'), postmortem('INC-042', 'Upload errors'));
  writeFileSync(join(dir, 'postmortems', 'search-outage.md'), postmortem('INC-042', 'Search outage'));
  writeFileSync(join(dir, 'postmortems', 'login-errors.md'), postmortem('INC-043', 'Login errors'));
  return dir;
}

type JsonFile = { file: string; diagnostics: Array<{ rule: string; line: number; column: number; endColumn: number; message: string; severity: string }> };

describe('postmortem-lint: duplicate incident IDs', () => {
  it('reports the ID on both files of a run that covers them, and exits 1', () => {
    const { code, stdout } = runCli(['--format', 'json', 'postmortems'], folder());
    assert.equal(code, 1);
    const files = JSON.parse(stdout) as JsonFile[];
    const found = files.map((f) => [f.file, f.diagnostics.filter((d) => d.rule === 'duplicate-incident-id').map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.severity} ${d.message.split(':')[0]}`)]);
    assert.deepEqual(found, [
      [join('postmortems', 'login-errors.md'), []],
      [join('postmortems', 'search-outage.md'), ['2:5-12 error The incident ID "INC-042" is also the ID of "postmortems/upload-errors.md"']],
      [join('postmortems', 'upload-errors.md'), ['2:5-12 error The incident ID "INC-042" is also the ID of "postmortems/search-outage.md"']],
    ]);
  });

  it('says nothing of a file linted alone, and counts the finding in the report', () => {
    const dir = folder();
    const alone = runCli([join('postmortems', 'upload-errors.md')], dir);
    assert.equal(alone.code, 0, alone.stdout);
    const report = JSON.parse(runCli(['report', 'postmortems', '--format', 'json'], dir).stdout) as { documents: Array<{ id: string; problems: { errors: number } }> };
    assert.deepEqual(report.documents.map((d) => [d.id, d.problems.errors]).sort(), [['INC-042', 1], ['INC-042', 1], ['INC-043', 0]]);
  });
});
