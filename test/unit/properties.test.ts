/**
 * Property tests over generated postmortems: the analysis never throws, findings stay inside
 * the document, fixes converge and never delete prose. Fixed seed; POSTMORTEM_FC_RUNS sets the
 * number of cases for long runs (for example POSTMORTEM_FC_RUNS=100000).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, fixAll, LineIndex, type Analysis } from '../../server/src/core';
import { configOf } from '../helpers';

const runs = Number(process.env.POSTMORTEM_FC_RUNS ?? 150);
const seed = Number(process.env.POSTMORTEM_FC_SEED ?? 20261121);
const config = configOf();
const options = { config, path: '/repo/postmortems/generated.md', force: true };

const sectionName = fc.constantFrom('Summary', 'Issue Summary', 'Timeline', 'Root Cause', 'Root Cause and Resolution', 'Resolution', 'Action Items', 'Impact', 'Lessons Learned', 'What went well', 'Corrective and Preventative Measures', 'Appendix');
const time = fc.constantFrom('10:30 PM', '22:30', '03:00 UTC', '**03:00 UTC**', '[08:47]', '13:15 PM', '25:00', '3:AM', '6 PM', '14:00–14:30', '2023-08-04T15:00:00Z', 'August 4, 2023 3:00 PM', '11:45 PM PDT', '00:30 AM');
const words = fc.constantFrom('the', 'SRE', 'mistakenly', 'restarted', 'database', '85%', 'users', 'should have', 'TODO', '@alice', 'Owner:', 'é', '🔥', '\t', '`code`', '**bold**', '<br/>', '??', 'XX:XX', '{event}');
const sentence = fc.array(words, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const line = fc.oneof(
  sectionName.map((n) => `## ${n}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), sectionName).map(([d, n]) => `${'#'.repeat(d)} ${n}`),
  sectionName.map((n) => `**${n}**`),
  sectionName.map((n) => `${n}:`),
  sectionName.map((n) => `##${n}`),
  fc.tuple(time, sentence).map(([t, s]) => `- ${t}: ${s}`),
  fc.tuple(time, sentence).map(([t, s]) => `${t} ${s}`),
  fc.tuple(time, sentence).map(([t, s]) => `| ${t} | ${s} |`),
  fc.constant('| Time (UTC) | Event |'),
  fc.constant('|---|---|'),
  fc.constant('```'),
  fc.constant('<!-- comment -->'),
  fc.constant('---'),
  fc.constant('profile: alx'),
  fc.constant('> quoted should have'),
  fc.constant('  - nested item'),
  fc.constant(''),
  sentence,
  fc.string({ maxLength: 40 }),
  fc.constantFrom('9'.repeat(2000), ':'.repeat(2000), ' AM'.repeat(700)),
);
const document = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, trailing]) => lines.join(eol) + (trailing ? eol : ''));

function assertInside(analysis: Analysis, text: string): void {
  const index = new LineIndex(text);
  for (const finding of analysis.findings) {
    const start = index.offsetAt(finding.range.start);
    const end = index.offsetAt(finding.range.end);
    assert.ok(start <= end, `${finding.ruleId}: range ends before it starts`);
    assert.deepEqual(index.positionAt(start), finding.range.start, `${finding.ruleId}: start outside the document`);
    assert.deepEqual(index.positionAt(end), finding.range.end, `${finding.ruleId}: end outside the document`);
    for (const fix of finding.fixes) {
      const spans = fix.edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], `${finding.ruleId}: "${fix.title}" has overlapping edits`);
      for (const edit of fix.edits) assert.deepEqual(index.positionAt(index.offsetAt(edit.range.start)), edit.range.start);
    }
  }
}

const wordCounts = (text: string) => {
  const counts = new Map<string, number>();
  for (const w of text.replace(/[#*_:|]/g, ' ').split(/\s+/).filter(Boolean)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
};

describe('properties of the analysis', () => {
  it('never throws, and every range lies inside the document', () => {
    fc.assert(
      fc.property(document, (text) => {
        const analysis = analyze(text, options);
        assert.deepEqual(analysis.problems, []);
        assertInside(analysis, text);
      }),
      { numRuns: runs, seed },
    );
  });

  it('fixes converge in at most two passes, are idempotent and keep every word', () => {
    fc.assert(
      fc.property(document, (text) => {
        const once = fixAll(text, options);
        assert.ok(once.passes <= 2, `fixing took ${once.passes} passes`);
        assert.equal(fixAll(once.text, options).text, once.text);
        const rewrites = analyze(text, options).findings.some((f) => f.ruleId.startsWith('timezone-') && f.fixes.length > 0);
        if (rewrites) return;
        const kept = wordCounts(once.text);
        for (const [word, n] of wordCounts(text)) assert.ok((kept.get(word) ?? 0) >= n, `lost "${word}"`);
      }),
      { numRuns: runs, seed },
    );
  });

  it('applyEdits keeps the text between edits byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 5 })), { maxLength: 5 }), (text, raw) => {
        const index = new LineIndex(text);
        const spans = raw.map(([a, b, t]) => [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1), t] as const).map(([a, b, t]) => [Math.min(a, b), Math.max(a, b), t] as const);
        const kept: typeof spans = [];
        for (const span of [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1])) if (!kept.some((k) => span[0] < k[1] && k[0] < span[1])) kept.push(span);
        const out = applyEdits(text, kept.map(([a, b, t]) => ({ range: index.range(a, b), newText: t })));
        let expected = '';
        let cursor = 0;
        for (const [a, b, t] of [...kept].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
          expected += text.slice(cursor, a) + t;
          cursor = b;
        }
        assert.equal(out, expected + text.slice(cursor));
      }),
      { numRuns: runs, seed },
    );
  });
});
