/**
 * The adversarial part of `npm run bench` (issue 8): the full analysis of hostile input at n
 * and 4n, to show the time grows linearly (about 4×; catastrophic backtracking would show 16×
 * or more). The same inputs as test/unit/adversarial.test.ts, which asserts completion.
 */
import { analyze, defaultConfig } from '../server/src/core';
import { timeMedian } from './measure';

const config = defaultConfig();

/** A line of `n` characters repeating `unit`. */
const line = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** A postmortem with a long line of `unit` repeated to `n` characters in every place the analysis reads a line (test/unit/adversarial.test.ts uses it too). */
export function hostile(unit: string, n: number): string {
  const long = `x${line(unit, n)}x`;
  return [
    `# Outage ${long}`, '', `**Summary ${long}**`, '', '## Summary', '', long, '',
    '## Timeline', '', `- 10:00 UTC ${long}`, '', `10:05 ${long}`, '', '| Time | Event |', '|---|---|', `| 10:10 | ${long} |`, '',
    '## Action Items', '', `- [ ] ${long}`, '',
  ].join('\n');
}

const clock = (i: number) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

/** Each input by name, as a function of its size, with the size n the bench starts from. */
const INPUTS: Array<{ name: string; n: number; make: (n: number) => string }> = [
  ...Object.entries({ digits: '9', colons: ':', spaces: ' ', tabs: '\t', '"AM"': 'AM', '" AM"': ' AM', '"]"': ']', '" |"': ' |', '" #"': ' #' }).map(([name, unit]) => ({
    name: `lines of ${name}`,
    n: 25_000,
    make: (n: number) => hostile(unit, n),
  })),
  { name: 'block quotes on one line', n: 2_500, make: (n) => `# Outage\n\n## Timeline\n\n${'> '.repeat(n)}10:00 UTC\n` },
  { name: 'timeline entries, in reverse', n: 2_500, make: (n) => `# Outage\n\n## Timeline\n\n${Array.from({ length: n }, (_, i) => `- ${clock(n - i)} UTC: event ${i}`).join('\n')}\n` },
];

/** Median times at n and 4n of each input, and their ratio. */
export function adversarialGrowth(quick: boolean): Array<{ name: string; sizes: string; large: number; ratio: number }> {
  const repeats = quick ? 1 : 3;
  return INPUTS.map(({ name, n, make }) => {
    const [small, large] = [n, 4 * n].map((size) => {
      const text = make(size);
      return timeMedian(repeats, () => analyze(text, { config, force: true }));
    });
    return { name, sizes: `${n.toLocaleString('en')} → ${(4 * n).toLocaleString('en')}`, large, ratio: large / Math.max(small, 1) };
  });
}
