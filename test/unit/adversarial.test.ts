/**
 * Adversarial input (issue 8): lines of 100,000 characters of digits, colons, spaces, `AM`
 * and the characters the rules' patterns trim (brackets, emphasis marks, pipes), in every
 * place a line is read (heading, pseudo-heading, Summary, timeline list, paragraph and table,
 * action items); thousands of nested quotes and list items; timelines of 10,000 entries. The
 * analysis completes, inside a generous bound, with every range in the document; and the time
 * grows linearly: 4× the input may take at most GROWTH_LIMIT× the time (quadratic would take
 * 16×). Times are the least of several interleaved runs, so a loaded machine slows both sizes
 * alike; `npm run bench` prints the same ratios (bench/adversarial.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { analyze, fixAll, TOO_DEEP } from '../../server/src/core';
import { hostile } from '../../bench/adversarial';
import { configOf } from '../helpers';
import { assertRangesInside } from './fixChecks';

const options = { config: configOf(), path: '/work/postmortems/adversarial.md', force: true };

/** A generous bound for one analysis of a megabyte of hostile text on a slow, busy machine. */
const COMPLETES_WITHIN_MS = 30_000;
/** 4× the input, at most this many times the time (linear: about 4; quadratic: 16). */
const GROWTH_LIMIT = 10;

const UNITS: Record<string, string> = {
  digits: '9', colons: ':', spaces: ' ', tabs: '\t', AM: 'AM', ' AM': ' AM', 'clock-ish': '1:2 AM ', 'closing brackets': ']',
  'bold marks': '**', underscores: '_', pipes: ' |', 'trailing hashes': ' #', apostrophes: "'", parentheses: '( ',
};

/** Milliseconds of one analysis, and the analysis. */
function timed(text: string) {
  const start = performance.now();
  const analysis = analyze(text, options);
  return { ms: performance.now() - start, analysis };
}

function assertCompletes(text: string, allowedProblems: string[] = []) {
  const { ms, analysis } = timed(text);
  assert.ok(ms < COMPLETES_WITHIN_MS, `took ${Math.round(ms)} ms`);
  assert.deepEqual(analysis.problems.filter((p) => !allowedProblems.includes(p)), []);
  assertRangesInside(analysis, text);
  return analysis;
}

/** The least time of `runs` interleaved analyses of each text. */
function leastTimes(texts: string[], runs = 2): number[] {
  const least = texts.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < runs; r++) texts.forEach((text, i) => (least[i] = Math.min(least[i], timed(text).ms)));
  return least;
}

describe('adversarial input', () => {
  describe('lines of 100,000 characters in every place a line is read', () => {
    for (const [name, unit] of Object.entries(UNITS)) {
      it(`${name}: completes, and 4× the line takes under ${GROWTH_LIMIT}× the time`, () => {
        assertCompletes(hostile(unit, 100_000));
        const [small, large] = leastTimes([hostile(unit, 5_000), hostile(unit, 20_000)]);
        // Below a few milliseconds the clock's noise is the ratio: count those as a few milliseconds.
        const ratio = large / Math.max(small, 5);
        assert.ok(ratio < GROWTH_LIMIT, `${Math.round(small)} ms → ${Math.round(large)} ms: ${ratio.toFixed(1)}× for 4× the input`);
      });
    }
  });

  describe('deep nesting', () => {
    const levels = (n: number, prefix: (i: number) => string) => Array.from({ length: n }, (_, i) => `${prefix(i)} 10:${String(i % 60).padStart(2, '0')} UTC`).join('\n');
    const nested: Record<string, string> = {
      '10,000 block quotes on one line': `${'> '.repeat(10_000)}10:00 UTC deep`,
      '10,000 list items on one line': `${'- '.repeat(10_000)}10:00 UTC deep`,
      '10,000 ordered items on one line': `${'1. '.repeat(10_000)}10:00 UTC deep`,
      'quotes one level deeper a line, 300 levels': levels(300, (i) => '>'.repeat(i + 1)),
      'lists one level deeper a line, 200 levels': levels(200, (i) => `${'  '.repeat(i)}-`),
    };
    for (const [name, body] of Object.entries(nested)) {
      it(`${name}: completes, and is still checked (read flat when too deep)`, () => {
        const text = ['# Outage', '', '**Summary**', '', 'All users saw errors.', '', '## Timeline', '', body, '', '## Root Cause', '', 'A bad deploy.', ''].join('\n');
        const analysis = assertCompletes(text, [TOO_DEEP]);
        // Flat or not, the sections are read: the pseudo-heading is found and the Timeline is there.
        assert.ok(analysis.findings.some((f) => f.ruleId === 'pseudo-heading'));
        assert.ok(!analysis.findings.some((f) => f.ruleId === 'missing-section' && f.message.includes('"Timeline"')));
      });
    }

    it('a document read flat says so (the CLI then does not fix it), and fixing it settles', () => {
      const text = `# Outage\n\n## Timeline\n\n${'> '.repeat(10_000)}10:00 UTC\n`;
      const analysis = assertCompletes(text, [TOO_DEEP]);
      assert.ok(analysis.problems.includes(TOO_DEEP));
      const once = fixAll(text, options).text;
      assert.equal(fixAll(once, options).text, once);
    });
  });

  describe('timelines of 10,000 entries', () => {
    const clock = (i: number) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const shapes: Record<string, (n: number) => string> = {
      list: (n) => Array.from({ length: n }, (_, i) => `- ${clock(i)} UTC: event ${i}`).join('\n'),
      table: (n) => ['| Time (UTC) | Event |', '|---|---|', ...Array.from({ length: n }, (_, i) => `| ${clock(i)} | event ${i} |`)].join('\n'),
      'list in reverse (every entry out of order)': (n) => Array.from({ length: n }, (_, i) => `- ${clock(n - i)} UTC: event ${i}`).join('\n'),
    };
    for (const [name, make] of Object.entries(shapes)) {
      it(`${name}: completes, and 4× the entries take under ${GROWTH_LIMIT}× the time`, () => {
        const doc = (n: number) => `# Outage\n\n## Summary\n\nFrom 00:00 to 23:59 UTC, 5% of users saw errors.\n\n## Timeline\n\n${make(n)}\n\n## Root Cause\n\nA bad deploy.\n`;
        const analysis = assertCompletes(doc(10_000));
        assert.ok(analysis.findings.length < 20_000);
        const [small, large] = leastTimes([doc(500), doc(2_000)]);
        const ratio = large / Math.max(small, 5);
        assert.ok(ratio < GROWTH_LIMIT, `${Math.round(small)} ms → ${Math.round(large)} ms: ${ratio.toFixed(1)}× for 4× the entries`);
      });
    }
  });
});
