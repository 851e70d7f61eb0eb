import type { Rule } from './types';
import { quote } from './util';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: "Sections out of the profile's order (named profiles only).",
  defaultSeverity: 'info',
  tags: ['sections'],
  check({ model, report }) {
    const { profile } = model;
    if (!profile.checkOrder) return;
    const placed = model.sections
      .map((section) => ({ section, rank: Math.min(...section.ids.map((id) => profile.sections.findIndex((s) => s.covers.includes(id))).filter((r) => r >= 0)) }))
      .filter((p) => Number.isFinite(p.rank));
    // The sections in order are the longest run that already follows the profile; the rest moved.
    const inOrder = longestNonDecreasing(placed.map((p) => p.rank));
    placed.forEach(({ section, rank }, i) => {
      if (inOrder.has(i)) return;
      const before = [...placed.keys()].filter((j) => inOrder.has(j) && placed[j].rank <= rank).pop();
      const after = [...placed.keys()].find((j) => inOrder.has(j) && placed[j].rank > rank);
      const where = before !== undefined ? `after ${quote(placed[before].section.heading.text)}` : `before ${quote(placed[after!].section.heading.text)}`;
      report({
        start: section.heading.start,
        end: section.heading.end,
        message: `${quote(section.heading.text)} is out of the ${profile.name} profile's order: move it ${where}.`,
      });
    });
  },
};

/** Indexes of one longest non-decreasing subsequence (patience sorting, O(n log n)). */
export function longestNonDecreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]] <= value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) kept.add(i);
  return kept;
}
