/** `postmortem-lint actions FILE`, `--today` and `severityByStatus`, run from the built CLI (dist/cli.js) as a user runs it. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from './run';

const DOC = [
  '---',
  'id: QUE-9',
  'date: 2024-03-02',
  'status: draft',
  '---',
  '# Queue backlog',
  '',
  '## Summary',
  '',
  'On 2024-03-02 from 08:00 UTC to 08:30 UTC, 10% of messages were delayed because a consumer crashed on a bad payload.',
  '',
  '## Timeline',
  '',
  '- 08:00 UTC: Consumer crashes; backlog begins',
  '- 08:10 UTC: Backlog alert fires',
  '- 08:30 UTC: Consumer patched; backlog drained, incident resolved',
  '',
  '## Root Cause',
  '',
  'The consumer did not skip payloads it could not parse.',
  '',
  '## Resolution',
  '',
  'The consumer was patched to park bad payloads.',
  '',
  '## Action Items',
  '',
  '- [ ] Park unparseable payloads in a dead-letter queue — @ana, due 2024-03-15, QUE-12',
  '- [x] Add a backlog alert — @bo, Due: Mar 4 (https://github.com/acme/queue/issues/31)',
  '',
  '| Action | Owner | Due | Status |',
  '|---|---|---|---|',
  '| Fuzz the payload parser | @cy | Apr 30 | In progress |',
  '| Write the runbook | | | Open |',
  '',
].join('\n');

function workspace(rc?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-actions-'));
  writeFileSync(join(dir, 'queue-postmortem.md'), DOC);
  if (rc) writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify(rc));
  return dir;
}

describe('postmortem-lint actions', () => {
  it('lists each action item as JSON: owner, due date, state, tracking reference, overdue', () => {
    const { code, stdout, stderr } = run(['actions', 'queue-postmortem.md', '--format', 'json', '--today', '2024-04-01'], workspace());
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout);
    assert.deepEqual(Object.keys(out), ['file', 'today', 'items']);
    assert.equal(out.today, '2024-04-01');
    assert.deepEqual(
      out.items.map((i: Record<string, unknown>) => [i.line, i.owner, i.due, i.dueText, i.state, i.tracking, i.overdue]),
      [
        [28, '@ana', '2024-03-15', '2024-03-15', 'open', 'QUE-12', true],
        [29, '@bo', '2024-03-04', 'Mar 4', 'done', 'https://github.com/acme/queue/issues/31', false],
        [33, '@cy', '2024-04-30', 'Apr 30', 'in-progress', null, false],
        [34, '', null, null, 'open', null, false],
      ],
    );
    assert.equal(out.items[0].text, 'Park unparseable payloads in a dead-letter queue — @ana, due 2024-03-15, QUE-12');
  });

  it('prints a readable list by default, counting states and overdue items', () => {
    const { code, stdout } = run(['actions', 'queue-postmortem.md', '--today', '2024-04-01'], workspace());
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'queue-postmortem.md');
    assert.equal(lines[1], '  4 action items: 1 done, 1 in progress, 2 open · 1 overdue (today 2024-04-01)');
    assert.match(stdout, /^ {2}28\s+open\s+2024-03-15\s+@ana\s+QUE-12\s+Park unparseable payloads/m);
    assert.match(stdout, /^ {2}34\s+open\s+—\s+—\s+—\s+Write the runbook$/m);
  });

  it('refuses a --today that is not a date, and a second file', () => {
    const dir = workspace();
    const bad = run(['actions', 'queue-postmortem.md', '--today', '2024-02-30'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--today takes a date written YYYY-MM-DD/);
    assert.equal(run(['actions', 'queue-postmortem.md', 'other.md'], dir).code, 2);
    assert.equal(run(['actions', 'missing.md'], dir).code, 2);
  });
});

describe('postmortem-lint --today and severityByStatus', () => {
  const rules = { rules: { 'action-item-due': 'warning', 'action-item-overdue': 'error' } };

  it('reports overdue items counted from --today, and due dates left open', () => {
    const dir = workspace(rules);
    const early = JSON.parse(run(['--format', 'json', '--today', '2024-03-10', 'queue-postmortem.md'], dir).stdout)[0];
    assert.deepEqual(early.diagnostics.map((d: { line: number; rule: string }) => `${d.line} ${d.rule}`), ['34 action-item-owner', '34 action-item-due']);
    const late = run(['--format', 'json', '--today', '2024-05-01', 'queue-postmortem.md'], dir);
    assert.equal(late.code, 1, 'an overdue item is an error here');
    const found = JSON.parse(late.stdout)[0].diagnostics.filter((d: { rule: string }) => d.rule === 'action-item-overdue');
    assert.deepEqual(found.map((d: { line: number; message: string }) => [d.line, /today is 2024-05-01/.test(d.message)]), [[28, true], [33, true]]);
  });

  it('caps a draft’s findings, says so in the summary and the JSON, and holds a published one to full severity', () => {
    const dir = workspace({ ...rules, severityByStatus: { draft: 'warning' } });
    const draft = run(['--today', '2024-05-01', 'queue-postmortem.md'], dir);
    assert.equal(draft.code, 0, draft.stdout);
    assert.match(draft.stdout, /^ {2}draft: errors shown as warnings \(severityByStatus\)$/m);
    assert.match(draft.stdout, /draft: errors shown as warnings: severityByStatus lowered the findings of 1 file/);
    const json = JSON.parse(run(['--format', 'json', '--today', '2024-05-01', 'queue-postmortem.md'], dir).stdout)[0];
    assert.deepEqual(json.severityCap, { status: 'draft', severity: 'warning', lowered: 2 });

    writeFileSync(join(dir, 'queue-postmortem.md'), DOC.replace('status: draft', 'status: published'));
    const published = run(['--today', '2024-05-01', 'queue-postmortem.md'], dir);
    assert.equal(published.code, 1);
    assert.doesNotMatch(published.stdout, /severityByStatus/);
  });
});
