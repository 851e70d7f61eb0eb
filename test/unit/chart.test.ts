/**
 * The incident chart's renderer: well-formed SVG with one titled mark per timed entry,
 * golden files for three fixtures, document text that stays text, and the one-line
 * message when there is nothing to draw.
 *
 * Golden files: `UPDATE_CHART_GOLDEN=1 node --import tsx --test test/unit/chart.test.ts`
 * rewrites them; without it a difference fails the test.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildDocumentModel, timelineOf, type Timeline } from '../../server/src/core';
import { renderChart, type ChartOptions } from '../../server/src/chart';
import { configOf, md } from '../helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'chart');
const UPDATE = process.env.UPDATE_CHART_GOLDEN === '1';

function timeline(text: string, patch: unknown = {}): Timeline {
  const config = configOf(patch);
  return timelineOf(buildDocumentModel(text, config).model, config);
}

function svgOf(text: string, options?: ChartOptions): string {
  const result = renderChart(timeline(text), options);
  assert.equal(result.kind, 'svg', result.kind === 'empty' ? result.message : '');
  return result.kind === 'svg' ? result.svg : '';
}

/** Every element of a parsed tree (fast-xml-parser's preserveOrder form) with its name, attributes and children. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

function parse(svg: string): Node {
  const valid = XMLValidator.validate(svg);
  assert.equal(valid, true, `the SVG is not well-formed XML: ${JSON.stringify(valid)}`);
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, trimValues: false }).parse(svg);
  const convert = (raw: Record<string, unknown>): Node => {
    const name = Object.keys(raw).find((k) => k !== ':@')!;
    const kids = (raw[name] as Array<Record<string, unknown>>) ?? [];
    const children = kids.filter((k) => !('#text' in k)).map(convert);
    const text = kids.map((k) => ('#text' in k ? String(k['#text']) : '')).join('');
    return { name, attrs: (raw[':@'] as Record<string, string>) ?? {}, children, text };
  };
  return convert(tree.find((n: Record<string, unknown>) => 'svg' in n));
}

function all(node: Node, test: (n: Node) => boolean): Node[] {
  return [...(test(node) ? [node] : []), ...node.children.flatMap((c) => all(c, test))];
}

const marks = (root: Node) => all(root, (n) => n.name === 'g' && (n.attrs.class ?? '').split(' ').includes('mark'));
const timedCount = (t: Timeline) => t.entries.filter((e) => e.instant !== null && !e.dayLevel).length;

describe('incident chart', () => {
  for (const name of ['short', 'midnight', 'multiday']) {
    it(`draws ${name}.md as its golden SVG, one titled mark per timed entry`, () => {
      const text = readFileSync(join(FIXTURES, `${name}.md`), 'utf8');
      const t = timeline(text);
      const svg = svgOf(text);
      const root = parse(svg);
      const found = marks(root);
      assert.equal(found.length, timedCount(t));
      assert.ok(found.length >= 6);
      for (const mark of found) {
        const titles = mark.children.filter((c) => c.name === 'title');
        assert.equal(titles.length, 1, 'one <title> per mark');
        const entry = t.entries.find((e) => e.line + 1 === Number(mark.attrs['data-line']))!;
        assert.ok(entry, `data-line ${mark.attrs['data-line']} is an entry's line`);
        assert.equal(mark.attrs['data-kind'], entry.kind);
        assert.ok(titles[0].text.includes(entry.text), 'the title holds the full text');
        assert.match(titles[0].text, new RegExp(`\\d\\d:\\d\\d ${entry.zone!.label.replace(/[+]/g, '\\+')} · .* · line ${entry.line + 1}`));
      }
      const golden = join(FIXTURES, `${name}.svg`);
      if (UPDATE) writeFileSync(golden, svg);
      assert.ok(existsSync(golden), `${golden} is missing: run with UPDATE_CHART_GOLDEN=1 to write it`);
      assert.equal(svg, readFileSync(golden, 'utf8'), `${name}.svg differs from the golden file (UPDATE_CHART_GOLDEN=1 rewrites it)`);
    });
  }

  it('breaks the axis over quiet stretches longer than 12 h and writes their length', () => {
    const root = parse(svgOf(readFileSync(join(FIXTURES, 'multiday.md'), 'utf8')));
    const breaks = all(root, (n) => n.attrs.class === 'break');
    assert.deepEqual(
      breaks.map((b) => [b.children.find((c) => c.name === 'title')!.text, b.children.find((c) => c.name === 'text')!.text]),
      [
        ['Axis break: 15 h 45 min without an entry', '16 h'],
        ['Axis break: 2 d 3 h 45 min without an entry', '2 d 4 h'],
      ],
    );
    const days = all(root, (n) => n.attrs.class === 'day-label').map((n) => n.text);
    assert.deepEqual(days, ['Thu 2 Nov 2023', 'Fri 3 Nov', 'Sun 5 Nov']);
  });

  it('marks the day boundary of a timeline across midnight, in the timeline zone', () => {
    const root = parse(svgOf(readFileSync(join(FIXTURES, 'midnight.md'), 'utf8')));
    assert.deepEqual(all(root, (n) => n.attrs.class === 'day-label').map((n) => n.text), ['Sat 9 Mar 2024', 'Sun 10 Mar']);
    assert.ok(all(root, (n) => n.name === 'text' && n.text === '00:00').length === 1, 'a tick at midnight Pacific Time');
  });

  it('shades the impact window, hatches gaps over maxGap and draws the metric brackets', () => {
    const root = parse(svgOf(readFileSync(join(FIXTURES, 'midnight.md'), 'utf8')));
    const title = (cls: string) => all(root, (n) => n.name === 'g' && n.attrs.class === cls).map((n) => n.children.find((c) => c.name === 'title')!.text);
    assert.deepEqual(title('impact'), ['Impact: 2 h 3 min, from impact start (line 10) until resolved (line 14)']);
    assert.deepEqual(title('gap'), ['1 h 21 min without an entry (lines 12–13; more than the 1 h timeline.maxGap)']);
    assert.deepEqual(
      all(root, (n) => n.attrs.class === 'bracket').map((n) => n.children.find((c) => c.name === 'text')!.text),
      ['TTD 14 min', 'TTA 17 min', 'TTR 2 h 3 min'],
    );
  });

  it('keeps <script> and & in entry text as text', () => {
    const text = md('# Outage', '', '## Timeline', '', 'All times UTC.', '', '- 2024-05-01 10:00 Deploy <script>alert("x")</script> & <b>bold</b>', '- 2024-05-01 10:30 "Quoted" & \u0001control\u0007 resolved');
    const svg = svgOf(text);
    assert.doesNotMatch(svg, /<script|<b>/);
    const root = parse(svg);
    assert.equal(all(root, (n) => n.name === 'script' || n.name === 'b').length, 0);
    const [first, second] = marks(root).map((m) => m.children.find((c) => c.name === 'title')!.text);
    assert.match(first, /Deploy <script>alert\("x"\)<\/script> & <b>bold<\/b>$/);
    assert.match(second, /"Quoted" & control resolved$/, 'control characters XML cannot hold are dropped');
    assert.ok(marks(root).some((m) => m.children.some((c) => c.name === 'text' && c.text.startsWith('Deploy <script>'))));
  });

  it('gives one line instead of a picture when there is nothing to draw', () => {
    const none = renderChart(timeline(md('# X', '', '## Timeline', '', '- Deploy started', '- Rolled back')));
    assert.deepEqual(none, { kind: 'empty', message: 'No incident chart: the timeline has no entries with a time.' });
    const one = renderChart(timeline(md('# X', '', '## Timeline', '', '- Deploy started', '- 10:00 UTC Rolled back')));
    assert.deepEqual(one, { kind: 'empty', message: 'No incident chart: the timeline has one timed entry (line 6); a chart needs two.' });
    const noSection = renderChart(timeline(md('# X', '', '## Summary', '', 'At 10:00 UTC it broke.')));
    assert.deepEqual(noSection, { kind: 'empty', message: 'No incident chart: the document has no Timeline section.' });
  });

  it('does not depend on the machine zone, and draws the dark and VS Code themes', () => {
    const text = readFileSync(join(FIXTURES, 'midnight.md'), 'utf8');
    const before = svgOf(text);
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kolkata';
      assert.equal(svgOf(text), before);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const dark = svgOf(text, { theme: 'dark' });
    assert.match(dark, /<rect class="background" width="960" height="\d+" fill="#0d1117"\/>/);
    const vscode = svgOf(text, { theme: 'vscode', styleNonce: 'abc123', width: 600 });
    assert.doesNotMatch(vscode, /class="background"/, 'the VS Code theme is transparent');
    assert.match(vscode, /<style nonce="abc123">[^<]*var\(--vscode-charts-red, #e5534b\)/);
    assert.match(vscode, /^<svg [^>]*width="600"/);
    assert.match(vscode, /<text class="muted" x="16" y="36"><title>Duration [^<]*, counted from impact start<\/title>Duration [^<]*TTR 2 h 3 min<\/text>/, 'a narrow chart keeps the metrics line inside');
    assert.doesNotMatch(svgOf(text, { embedStyle: false }), /<style/);
  });

  it('reads a timeline without a zone as written and says so', () => {
    const root = parse(svgOf(md('# X', '', '## Timeline', '', '- 10:00 Outage begins', '- 10:20 Alert fires', '- 11:00 Resolved')));
    assert.match(root.children.find((c) => c.name === 'title')!.text, /no timezone stated: times as written/);
    assert.match(marks(root)[0].children[0].text, /^10:00 \(no timezone\) · impact starts · line 5/);
    assert.equal(all(root, (n) => n.attrs.class === 'day-label').length, 0, 'no date is made up');
  });
});
