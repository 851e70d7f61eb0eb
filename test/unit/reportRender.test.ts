/** The report's renderers: Markdown tables for GitHub, one self-contained HTML page, and document text that stays text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { buildReport, escapeMarkdown, relativeLinks, renderHtml, renderMarkdown, reportDocument } from '../../server/src/report';
import { durationAxisTop, ttrChart } from '../../server/src/report/charts';
import type { QuarterFigures } from '../../server/src/report/types';
import { configOf, md } from '../helpers';

const TODAY = '2024-05-01';

/** A postmortem whose title, owner, timeline entry and action item are all markup. */
const HOSTILE = md(
  '---',
  'id: INC-66',
  'title: "<script>alert(1)</script> | **bold** [x](javascript:alert(2))"',
  'date: 2024-04-02',
  'severity: "<img src=x onerror=alert(3)>"',
  '---',
  '# Whatever',
  '',
  '## Summary',
  '',
  'From 10:00 to 10:30 UTC all uploads failed.',
  '',
  '## Timeline',
  '',
  '- 10:00 UTC: <script>document.title = 1</script> deploy starts',
  '- 10:30 UTC: uploads work again, incident resolved',
  '',
  '## Root Cause',
  '',
  'A bad deploy.',
  '',
  '## Resolution',
  '',
  'Rolled back.',
  '',
  '## Action Items',
  '',
  '- [ ] <script>steal()</script> | fix the upload path (Owner: <i>Eve</i>, due 2024-04-10)',
);

function reportOf(text: string, file = 'postmortems/2024-04-02-uploads.md') {
  const config = configOf();
  const analysis = analyze(text, { config, path: `/repo/${file}`, today: TODAY });
  return buildReport([reportDocument(analysis, config, { file }, TODAY)], { today: TODAY });
}

describe('report: HTML', () => {
  const html = renderHtml(reportOf(HOSTILE));

  it('keeps every bit of document text as text: no element, attribute or link comes from the document', () => {
    assert.equal((html.match(/<script/gi) ?? []).length, 0, 'no script element at all');
    assert.ok(!/<img/i.test(html) && !/<i>/.test(html));
    assert.ok(!/href="javascript:/i.test(html));
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; \| \*\*bold\*\* \[x\]\(javascript:alert\(2\)\)/);
    assert.match(html, /&lt;script&gt;steal\(\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(3\)&gt;/);
  });

  it('is one page that loads nothing: inline CSS, inline SVG, no script, light and dark, print styles', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/\b(?:src|href)="(?:https?:)?\/\//i.test(html), 'nothing from elsewhere');
    assert.ok(!/<link\b/i.test(html));
    assert.match(html, /<style>[\s\S]*prefers-color-scheme: dark[\s\S]*@media print/);
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 2, 'incidents per month and the TTR trend');
    assert.ok(!/\sstyle="/.test(html), 'no style attributes (a strict policy refuses them)');
    assert.match(html, /<a href="\.\/postmortems\/2024-04-02-uploads\.md#L28">2024-04-02-uploads\.md:28<\/a>/);
  });

  it('adds a host page’s policy, nonce and script when asked (the webview)', () => {
    const hosted = renderHtml(reportOf(HOSTILE), { host: { csp: "default-src 'none'", nonce: 'n0nce', script: 'void 0;' } });
    assert.match(hosted, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;">/);
    assert.match(hosted, /<style nonce="n0nce">/);
    assert.match(hosted, /<script nonce="n0nce">void 0;<\/script>/);
    assert.equal((hosted.match(/<script/g) ?? []).length, 1);
  });

  it('keeps a file named like a URL scheme a relative path', () => {
    assert.equal(relativeLinks()({ file: 'javascript:alert(1).md' }, 3), './javascript%3Aalert(1).md#L3');
    assert.equal(relativeLinks('https://github.com/acme/ops/blob/main')({ file: 'post mortems/a.md' }), 'https://github.com/acme/ops/blob/main/post%20mortems/a.md');
  });
});

describe('report: Markdown', () => {
  it('escapes the characters that would open markup, links, HTML or a new cell', () => {
    assert.equal(escapeMarkdown('<script> | **x** [a](b) `c` ~d~ &amp;'), '\\<script\\> \\| \\*\\*x\\*\\* \\[a\\](b) \\`c\\` \\~d\\~ \\&amp;');
    const out = renderMarkdown(reportOf(HOSTILE));
    assert.ok(!out.includes('<script>'), 'no raw HTML from the document');
    assert.match(out, /\| 2024-04-02 \| INC-66 \| \[\\<script\\>alert\(1\)\\<\/script\\> \\\| \\\*\\\*bold\\\*\\\* \\\[x\\\]\(javascript:alert\(2\)\)\]\(<\.\/postmortems\/2024-04-02-uploads\.md>\) \|/);
  });

  it('writes tables GitHub renders: a header row, a separator with a column each, rows with as many cells', () => {
    const out = renderMarkdown(reportOf(HOSTILE));
    const tables = out.split('\n\n').filter((block) => block.startsWith('| '));
    assert.ok(tables.length >= 5, `${tables.length} tables`);
    for (const block of tables) {
      const rows = block.trim().split('\n').map((line) => line.replace(/\\\|/g, '').split('|').length);
      assert.ok(rows.every((cells) => cells === rows[0]), block);
      assert.match(block.split('\n')[1], /^\|(?:---\|)+$/);
    }
    assert.match(out, /^## Open action items\n\n### \\<i\\>Eve\\<\/i\\> \(1 open item, 1 overdue\)/m);
  });
});

describe('report: the time-to-resolve chart', () => {
  const quarter = (name: string, median: number | null, p90: number | null) =>
    ({ quarter: name, metrics: { ttr: { median, p90 } } }) as unknown as QuarterFigures;
  const ticks = (svg: string) => [...svg.matchAll(/<text class="tick" x="([\d.]+)"[^>]*text-anchor="end">([^<]*)</g)].map((m) => ({ x: Number(m[1]), text: m[2] }));

  it('rounds its top to a figure a reader takes in at a glance, its middle too', () => {
    assert.deepEqual([7, 10, 25, 45, 116, 130, 600, 1500, 4000].map(durationAxisTop), [10, 10, 30, 60, 120, 240, 720, 2880, 5760]);
    assert.deepEqual(ticks(ttrChart([quarter('2023-Q4', 45, 45), quarter('2024-Q1', 45, 116)])).map((t) => t.text), ['2 h', '1 h', '0']);
  });

  it('leaves room for its longest label, so none is cut at the left edge', () => {
    const svg = ttrChart([quarter('2024-Q1', 90, 170)]);
    for (const tick of ticks(svg)) assert.ok(tick.x - 6 * tick.text.length >= 0, `"${tick.text}" at x=${tick.x} fits`);
    assert.ok(ticks(svg).some((t) => t.text === '2 h'));
  });
});
