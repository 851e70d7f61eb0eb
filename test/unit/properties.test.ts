/**
 * Property tests over generated postmortems (line soup, and real-shaped postmortems with
 * mutations: see ./arbitraries): the analysis never throws and gives the same answer twice,
 * every range lies inside the document, each fix edits only its own ranges, fixing all
 * converges in at most two passes, is idempotent, applies whole automatic fixes only, keeps
 * the text outside the fixed ranges byte for byte and every stated fact (each word and
 * number, each time's value). Fixed seed; POSTMORTEM_FC_RUNS sets the
 * number of cases for long runs (POSTMORTEM_FC_RUNS=100000), POSTMORTEM_FC_SEED the seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, automaticFix, fixAll, LineIndex, selectFixes, type AnalyzeOptions, type Fix } from '../../server/src/core';
import { configOf } from '../helpers';
import { configPatch, mutatedPostmortem } from './arbitraries';
import { assertFixAllKeepsFacts, assertFixesAreLocal, assertRangesInside, wellFormed } from './fixChecks';

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

/** Line soup, or a real-shaped postmortem after mutations, under the default or a generated configuration. */
const anyDocument = fc.oneof(document, mutatedPostmortem, mutatedPostmortem);
const anyOptions = fc.oneof(fc.constant(options), configPatch.map((patch): AnalyzeOptions => ({ ...options, config: configOf(patch) })));

/**
 * The first pass of fixAll, checked fix by fix: the fixes selectFixes picks are whole
 * automatic fixes that do not overlap, every fix left out overlaps one picked or lies where a
 * picked one changes the reading (it waits for the next pass), and the pass changes the text
 * only inside the picked fixes' edits.
 */
function assertFirstPass(text: string, opts: AnalyzeOptions): void {
  const index = new LineIndex(text);
  const findings = analyze(text, opts).findings;
  const automatic = findings.map(automaticFix).filter((fix) => fix !== undefined && fix.edits.length > 0);
  const chosen = selectFixes(text, findings);
  const spans = (fix: Fix) => fix.edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start < a.start && a.start < b.end) || (b.start === b.end && a.start < b.start && b.start < a.end);
  const taken = chosen.flatMap(spans).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const fix of chosen) assert.ok(automatic.includes(fix), `"${fix.title}" is not an automatic fix`);
  for (let i = 1; i < taken.length; i++) assert.ok(!overlap(taken[i - 1], taken[i]), 'two picked edits overlap');
  // A fix left out overlaps one picked, or lies in the part a picked fix makes read differently.
  const reread = chosen.flatMap((fix) => (fix.rereads ? [{ start: index.offsetAt(fix.rereads.start), end: index.offsetAt(fix.rereads.end) }] : []));
  for (const fix of automatic) {
    if (!chosen.includes(fix!)) assert.ok(spans(fix!).some((s) => [...taken, ...reread].some((t) => overlap(s, t))), `"${fix!.title}" left out for no overlap`);
  }
  let expected = '';
  let cursor = 0;
  for (const span of taken) {
    expected += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  assert.equal(applyEdits(text, chosen.flatMap((fix) => fix.edits)), expected + text.slice(cursor), 'the pass changed text outside the fixed ranges');
}

describe('properties of the analysis', () => {
  it('never throws, answers the same twice, and every range lies inside the document', () => {
    fc.assert(
      fc.property(anyDocument, anyOptions, (text, opts) => {
        const analysis = analyze(text, opts);
        assert.deepEqual(analysis.problems.filter((p) => p.startsWith('rule ')), []);
        assertRangesInside(analysis, text);
        const again = analyze(text, opts);
        assert.deepEqual(again.findings, analysis.findings, 'a second analysis of the same text differs');
      }),
      { numRuns: runs, seed, includeErrorInReport: true },
    );
  });

  it('each fix edits only its own ranges: inside the document, whole characters, every other byte unchanged, no word lost', () => {
    fc.assert(
      fc.property(anyDocument, anyOptions, (text, opts) => assertFixesAreLocal(analyze(text, opts), text)),
      { numRuns: runs, seed, includeErrorInReport: true },
    );
  });

  it('fixing all applies whole automatic fixes, converges in at most two passes, is idempotent and keeps every word and stated time', () => {
    fc.assert(
      fc.property(anyDocument, anyOptions, (text, opts) => {
        const once = fixAll(text, opts);
        assert.ok(once.passes <= 2, `fixing took ${once.passes} passes`);
        assertFixAllKeepsFacts(text, opts, 'fixing all');
        if (wellFormed(text)) assert.ok(wellFormed(once.text), 'fixing all split a character');
        assertFirstPass(text, opts);
      }),
      { numRuns: runs, seed, includeErrorInReport: true },
    );
  });

  it('LineIndex maps every offset to a position and back, lines never holding a line break', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\r', '\n', '\r\n', '\r\r\n', '\n\r')), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (text) => {
        const index = new LineIndex(text);
        for (let line = 0; line < index.lineCount; line++) assert.doesNotMatch(index.lineAt(line).text, /[\r\n]/);
        for (let offset = 0; offset <= text.length; offset++) {
          // Inside a \r\n is no position of its own: it maps to the end of its line.
          const insideBreak = text[offset - 1] === '\r' && text[offset] === '\n';
          const back = index.offsetAt(index.positionAt(offset));
          assert.equal(back, insideBreak ? offset - 1 : offset, `offset ${offset} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: runs, seed, includeErrorInReport: true },
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
      { numRuns: runs, seed, includeErrorInReport: true },
    );
  });
});
