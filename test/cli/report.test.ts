/** `postmortem-lint report`, run from the built CLI (dist/cli.js) as a user runs it, over test/fixtures/report and folders written here. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Report } from '../../server/src/report';
import { md } from '../helpers';
import { runCli as run } from './run';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'report');

/** A copy of the report fixtures to run in (the CLI may write there). */
function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-report-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** A postmortem with the given front matter lines, title and action item. */
function postmortem(front: string[], title: string, action: string): string {
  return md('---', ...front, '---', `# ${title}`, '', '## Summary', '', 'From 10:00 to 10:20 UTC 5% of uploads failed.', '', '## Timeline', '', '- 10:00 UTC: deploy starts', '- 10:05 UTC: alert fires', '- 10:20 UTC: uploads recover, incident resolved', '', '## Root Cause', '', 'A bad deploy.', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', action);
}

describe('postmortem-lint report', () => {
  it('prints every figure as JSON, from the same detection as linting (the README is left out)', () => {
    const { code, stdout, stderr } = run(['report', '.', '--format', 'json', '--today', '2024-07-01'], fixtureCopy());
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as Report;
    assert.deepEqual(Object.keys(report), ['version', 'today', 'since', 'until', 'documents', 'totals', 'metrics', 'longest', 'actionItems']);
    assert.equal(report.documents.length, 10);
    assert.equal(report.documents[0].file, join('postmortems', '2024-09-19-dns-flaps.md'));
    assert.deepEqual(report.metrics.overall.ttr, { count: 10, notStated: 0, median: 47.5, p90: 180 });
    assert.deepEqual([report.actionItems.open, report.actionItems.overdue], [6, 3]);
    // The findings are the linter's, under the folder's .postmortemrc.json (maxGap 240: no gap warnings).
    assert.deepEqual(report.documents.map((d) => d.problems.errors + d.problems.warnings), [0, 0, 0, 0, 1, 0, 1, 0, 0, 0]);
  });

  it('prints Markdown by default, over the current folder when no path is given', () => {
    const { code, stdout } = run(['report', '--today', '2024-07-01'], fixtureCopy());
    assert.equal(code, 0);
    assert.match(stdout, /^# Postmortem report\n\n10 incidents from 2024-01-10 to 2024-09-19; 1 without a date · 6 open action items, 3 overdue on 2024-07-01\.\n/);
    assert.match(stdout, /^\| 2024-06-11 \| INC-007 \| \[Database failover stuck\]\(<\.\/postmortems\/2024-06-11-database-failover\.md>\) \| SEV1 \| published \| 4 h \| 8 min \| 9 min \| 2 h \| 4 h \| none \| 1 \(1 overdue\) \|$/m);
    assert.match(stdout, /^\| \*\*All\*\* \| 10 \| 8 min · 30 min \(1 not stated\) \|/m);
    assert.match(stdout, /^### @bo \(2 open items, 2 overdue\)$/m);
  });

  it('writes HTML to --output, with links from there to the files', () => {
    const dir = fixtureCopy();
    const { code, stdout, stderr } = run(['report', 'postmortems', '--format', 'html', '--output', 'out/report.html', '--today', '2024-07-01'], dir);
    assert.equal(code, 2, 'the folder out/ does not exist');
    assert.match(stderr, /out\/report\.html: cannot write the report \(ENOENT\)/);
    mkdirSync(join(dir, 'out'));
    const second = run(['report', 'postmortems', '--format', 'html', '--output', 'out/report.html', '--today', '2024-07-01'], dir);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, '');
    assert.equal(stdout, '');
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    assert.match(html, /<a href="\.\.\/postmortems\/2024-06-11-database-failover\.md#L32">2024-06-11-database-failover\.md:32<\/a>/);
  });

  it('links to a repository with --link-base, for a job summary', () => {
    const base = 'https://github.com/acme/ops/blob/0123abc';
    const { stdout } = run(['report', 'postmortems', '--link-base', base, '--today', '2024-07-01'], fixtureCopy());
    assert.ok(stdout.includes(`[Payment declines](<${base}/postmortems/2024-04-02-payment-declines.md>)`));
    assert.ok(stdout.includes(`(<${base}/postmortems/2024-04-02-payment-declines.md#L35>)`));
  });

  it('keeps a title, owner and action item of <script> as text in HTML and Markdown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-report-'));
    mkdirSync(join(dir, 'postmortems'));
    const title = '<script>alert("title")</script>';
    writeFileSync(join(dir, 'postmortems', 'x.md'), postmortem(['id: INC-1', 'date: 2024-04-02', `title: '${title}'`], title, '- [ ] <script>alert(2)</script> cap uploads (Owner: <b onclick=x>Mo</b>)'));
    const html = run(['report', '.', '--format', 'html'], dir).stdout;
    assert.ok(!/<script|<b[ >]/i.test(html), 'no element from the document');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;script&gt;alert(2)&lt;/script&gt; cap uploads'));
    const markdown = run(['report', '.'], dir).stdout;
    assert.ok(!/(?<!\\)<(?:script|b )/.test(markdown), 'every < from the document is escaped');
    assert.ok(markdown.includes('\\<script\\>alert(2)\\</script\\> cap uploads'));
  });

  it('keeps incidents dated --since to --until, and says what it left out', () => {
    const { code, stdout } = run(['report', '.', '--format', 'json', '--since', '2024-04-01', '--until', '2024-06-30', '--today', '2024-07-01'], fixtureCopy());
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as Report;
    assert.deepEqual(report.documents.map((d) => d.id), ['INC-007', 'INC-006', 'INC-005', 'INC-004']);
    assert.deepEqual([report.since, report.until, report.totals.leftOut], ['2024-04-01', '2024-06-30', { outsideRange: 5, undated: 1 }]);
    const markdown = run(['report', '.', '--since', '2024-04-01', '--today', '2024-07-01'], fixtureCopy()).stdout;
    assert.match(markdown, /^Left out: 3 postmortems outside the dates, 1 postmortem without a date\.$/m);
  });

  it('refuses dates that are no dates, a range that ends before it starts, and report options elsewhere', () => {
    const dir = fixtureCopy();
    assert.match(run(['report', '--since', '2024-02-30'], dir).stderr, /--since takes a date written YYYY-MM-DD, such as 2024-04-01, not "2024-02-30"/);
    assert.match(run(['report', '--since', '2024-05-01', '--until', '2024-04-01'], dir).stderr, /--since 2024-05-01 is after --until 2024-04-01/);
    assert.match(run(['report', '--format', 'sarif'], dir).stderr, /--format for report must be markdown, html or json/);
    const lint = run(['postmortems', '--since', '2024-01-01'], dir);
    assert.deepEqual([lint.code, lint.stderr.split('\n')[0]], [2, 'postmortem-lint: --since is an option of postmortem-lint report']);
  });

  it('exits 0 whatever the documents hold, and 2 when a file named cannot be read (the rest still reported)', () => {
    const dir = fixtureCopy();
    const { code, stdout, stderr } = run(['report', 'postmortems', 'missing.md', '--format', 'json'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /missing\.md: cannot read the file \(no such file\)/);
    assert.equal((JSON.parse(stdout) as Report).documents.length, 10);
  });

  it('reads a hundred files or more on worker threads, with the same figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-report-many-'));
    mkdirSync(join(dir, 'postmortems'));
    for (let i = 0; i < 120; i++) {
      const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      writeFileSync(join(dir, 'postmortems', `${String(i).padStart(3, '0')}.md`), postmortem([`id: INC-${i + 1}`, `date: ${date}`, `severity: SEV${(i % 4) + 1}`], `Upload errors ${i}`, `- [ ] Cap uploads (@owner${i % 3}, due 2024-06-01)`));
    }
    const { code, stdout, stderr } = run(['report', '.', '--format', 'json', '--today', '2024-07-01'], dir);
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as Report;
    assert.equal(report.documents.length, 120);
    assert.deepEqual(report.totals.byMonth.map((m) => m.incidents), Array(12).fill(10));
    assert.deepEqual(report.totals.bySeverity.map((s) => s.incidents), [30, 30, 30, 30]);
    assert.deepEqual(report.metrics.overall.ttd, { count: 120, notStated: 0, median: 5, p90: 5 });
    assert.deepEqual(report.actionItems.byOwner.map((g) => [g.owner, g.overdue]), [['@owner0', 40], ['@owner1', 40], ['@owner2', 40]]);
    assert.ok(!existsSync(join(dir, 'report.md')));
  });
});
