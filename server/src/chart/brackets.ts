/**
 * The metrics as brackets under the axis: TTD, TTA, TTM and TTR each span from impact start
 * (else the first entry, as the metrics count) to the entry that marks the milestone, with
 * the value written beside the bracket.
 */
import { formatDuration, type Timeline } from '../core';
import { escapeXml, num, textWidth } from './escape';

/** Height of a bracket row. */
export const BRACKET_ROW = 18;

const METRICS = [
  { name: 'TTD', words: 'time to detect', metric: 'ttdMinutes', milestone: 'detected' },
  { name: 'TTA', words: 'time to acknowledge', metric: 'ttaMinutes', milestone: 'acknowledged' },
  { name: 'TTM', words: 'time to mitigate', metric: 'ttmMinutes', milestone: 'mitigated' },
  { name: 'TTR', words: 'time to resolve', metric: 'ttrMinutes', milestone: 'resolved' },
] as const;

/** A bracket to draw: from and to in pixels, and its label. */
export interface Bracket {
  x0: number;
  x1: number;
  label: string;
  title: string;
}

/** The brackets of the metrics the timeline has, in the order TTD, TTA, TTM, TTR. */
export function brackets(timeline: Timeline, x: (at: number) => number): Bracket[] {
  const start = timeline.milestones.start === null ? null : timeline.entries[timeline.milestones.start];
  if (!start || start.instant === null) return [];
  const from = timeline.milestones.startIsImpact ? 'impact start' : 'the first entry';
  return METRICS.flatMap(({ name, words, metric, milestone }) => {
    const minutes = timeline.metrics[metric];
    const index = timeline.milestones[milestone];
    const end = index === null ? null : timeline.entries[index];
    if (minutes === null || !end || end.instant === null) return [];
    const value = formatDuration(minutes);
    return [{ x0: x(start.instant!), x1: x(end.instant), label: `${name} ${value}`, title: `${name} (${words}): ${value} from ${from} (line ${start.line + 1}) to line ${end.line + 1}` }];
  });
}

/** The SVG of the brackets, one row each from `top`; labels go right of the bracket, else left of it, else above it. */
export function bracketsSvg(list: Bracket[], top: number, left: number, right: number): string {
  return list
    .map((b, i) => {
      const y = top + i * BRACKET_ROW;
      const [x0, x1] = b.x0 <= b.x1 ? [b.x0, b.x1] : [b.x1, b.x0];
      const width = textWidth(b.label);
      const text =
        x1 + 6 + width <= right
          ? `<text x="${num(x1 + 6)}" y="${num(y + 4)}">`
          : x0 - 6 - width >= left
            ? `<text x="${num(x0 - 6)}" y="${num(y + 4)}" text-anchor="end">`
            : `<text x="${num((x0 + x1) / 2)}" y="${num(y - 3)}" text-anchor="middle">`;
      const path = `M${num(x0)},${num(y - 4)}V${num(y)}H${num(x1)}V${num(y - 4)}`;
      return `<g class="bracket"><title>${escapeXml(b.title)}</title><path d="${path}"/>${text}${escapeXml(b.label)}</text></g>`;
    })
    .join('');
}
