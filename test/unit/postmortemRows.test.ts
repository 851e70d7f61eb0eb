/** The Postmortems view's rows and the report webview's links, from a report over a few postmortems (issue 15). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childRows, topRows, type PostmortemRow } from '../../client/src/postmortemRows';
import { openTarget, reportCsp } from '../../client/src/reportLinks';
import { buildReport, reportDocument, type Report } from '../../server/src/report';
import { configOf, lint, md } from '../helpers';

const TODAY = '2024-07-01';

/** A postmortem dated `date` with a 20-minute timeline and the given action items. */
function doc(id: string, date: string | null, severity: string, title: string, ...items: string[]): string {
  return md('---', `id: ${id}`, ...(date ? [`date: ${date}`] : []), `severity: ${severity}`, 'status: published', '---', `# ${title}`, '', '## Summary', '', 'From 10:00 to 10:20 UTC 5% of requests failed.', '', '## Timeline', '', '- 10:00 UTC: impact starts', '- 10:05 UTC: alert fires', '- 10:20 UTC: incident resolved', '', '## Root Cause', '', 'A bad deploy.', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', ...items);
}

function reportOf(docs: Record<string, string>): Report {
  const config = configOf();
  const documents = Object.entries(docs).map(([file, text]) => reportDocument(lint(text), config, { file, uri: `file:///w/${file}` }, TODAY));
  return buildReport(documents, { today: TODAY, severities: config.metadata.severities });
}

const shown = (rows: PostmortemRow[]) => rows.map((r) => [r.label, r.description]);

describe('client: the Postmortems view', () => {
  const report = reportOf({
    'a.md': doc('INC-1', '2023-11-02', 'SEV3', 'Cache misses', '- [x] Warm the cache @li'),
    'b.md': doc('INC-2', '2024-05-14', 'SEV1', 'Webhooks late', '- [ ] Scale consumers @omar due 2024-06-14', '- [ ] Page sooner @li due 2024-08-01'),
    'c.md': doc('INC-3', '2024-02-06', 'SEV2', 'Search stale', '- [ ] Alert on freshness'),
    'd.md': doc('INC-4', null, 'SEV2', 'Undated'),
  });

  it('lists the open action items first, then the years newest first, undated last', () => {
    assert.deepEqual(shown(topRows(report)), [
      ['Open action items', '3 open, 1 overdue'],
      ['2024', '2 postmortems'],
      ['2023', '1 postmortem'],
      ['No date', '1 postmortem'],
    ]);
  });

  it('shows each postmortem with its date and title, severity, status, duration and problems', () => {
    const severities = report.totals.bySeverity.map((s) => s.severity);
    const [, year2024, , undated] = topRows(report);
    const rows = childRows(year2024, severities);
    assert.deepEqual(shown(rows), [
      ['2024-05-14  Webhooks late', 'SEV1 · published · 20m · no problems'],
      ['2024-02-06  Search stale', 'SEV2 · published · 20m · no problems'],
    ]);
    assert.deepEqual(rows.map((r) => r.type === 'document' && [r.uri, r.line, r.rank]), [['file:///w/b.md', 0, 0], ['file:///w/c.md', 0, 1]]);
    // A document without a date still says so (an action item without an owner is an info, not a problem).
    assert.equal(childRows(undated)[0].label, 'no date  Undated');
  });

  it('lists open action items by owner, overdue first, each opening its line', () => {
    const [actions] = topRows(report);
    const owners = childRows(actions);
    assert.deepEqual(shown(owners), [['@omar', '1 open, 1 overdue'], ['@li', '1 open'], ['No owner', '1 open']]);
    const [item] = childRows(owners[0]);
    assert.deepEqual([item.label, item.description], ['Scale consumers @omar due 2024-06-14', 'due 2024-06-14, overdue · INC-2']);
    assert.ok(item.type === 'item');
    assert.deepEqual([item.uri, item.line], ['file:///w/b.md', report.actionItems.byOwner[0].items[0].line - 1]);
  });
});

describe('client: the report webview', () => {
  const report = reportOf({ 'b.md': doc('INC-2', '2024-05-14', 'SEV1', 'Webhooks late') });

  it('allows nothing but its own nonce’d style and script', () => {
    assert.equal(reportCsp('abc'), "default-src 'none'; style-src 'nonce-abc'; script-src 'nonce-abc'; img-src data:; base-uri 'none'; form-action 'none'");
  });

  it('opens only the files the report lists, at the linked line', () => {
    assert.deepEqual(openTarget({ type: 'open', href: 'file:///w/b.md#L12' }, report), { uri: 'file:///w/b.md', line: 11 });
    assert.deepEqual(openTarget({ type: 'open', href: 'file:///w/b.md' }, report), { uri: 'file:///w/b.md', line: 0 });
    assert.equal(openTarget({ type: 'open', href: 'file:///etc/passwd' }, report), undefined);
    assert.equal(openTarget({ type: 'open', href: 'command:workbench.action.terminal.new' }, report), undefined);
    assert.equal(openTarget({ type: 'run', href: 'file:///w/b.md' }, report), undefined);
    assert.equal(openTarget('file:///w/b.md', report), undefined);
  });
});
