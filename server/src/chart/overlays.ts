/**
 * What is drawn behind the marks: the impact window (impact start to resolved, or to
 * mitigated), the gaps longer than `timeline.maxGap` hatched with their length, and the
 * axis breaks with the length of the quiet stretch they leave out.
 */
import { formatDuration, type Timeline } from '../core';
import type { AxisBreak } from './axis';
import { escapeXml, num, textWidth } from './escape';

/** The hatch pattern gaps are filled with. */
export const HATCH_DEFS = '<defs><pattern id="pm-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0,0V6"/></pattern></defs>';

/** The shaded impact window between `top` and `bottom`, or '' when the timeline has no impact start and end. */
export function impactSvg(timeline: Timeline, x: (at: number) => number, top: number, bottom: number): string {
  const { start, startIsImpact, resolved, mitigated } = timeline.milestones;
  const endIndex = resolved ?? mitigated;
  if (start === null || endIndex === null) return '';
  const from = timeline.entries[start];
  const to = timeline.entries[endIndex];
  if (from.instant === null || to.instant === null || to.instant <= from.instant) return '';
  const x0 = x(from.instant);
  const x1 = x(to.instant);
  const ends = resolved !== null ? 'resolved' : 'mitigated';
  const title = `Impact: ${formatDuration((to.instant - from.instant) / 60_000)}, from ${startIsImpact ? 'impact start' : 'the first entry'} (line ${from.line + 1}) until ${ends} (line ${to.line + 1})`;
  const label = x1 - x0 > textWidth('impact') + 8 ? `<text x="${num(x0 + 4)}" y="${num(top + 11)}">impact</text>` : '';
  return `<g class="impact"><title>${escapeXml(title)}</title><rect x="${num(x0)}" y="${num(top)}" width="${num(x1 - x0)}" height="${num(bottom - top)}"/>${label}</g>`;
}

/** The hatched gaps between `top` and `bottom`, each with its length when it fits. */
export function gapsSvg(timeline: Timeline, x: (at: number) => number, top: number, bottom: number, maxGap: number): string {
  return timeline.gaps
    .map((gap) => {
      const a = timeline.entries[gap.from].instant;
      const b = timeline.entries[gap.to].instant;
      if (a === null || b === null) return '';
      const [x0, x1] = [Math.min(x(a), x(b)), Math.max(x(a), x(b))];
      const length = formatDuration(gap.minutes);
      const long = `${length} without an entry`;
      const text = textWidth(long, 10) + 6 <= x1 - x0 ? long : textWidth(length, 10) + 6 <= x1 - x0 ? length : '';
      const title = `${long} (lines ${gap.fromLine}–${gap.toLine}; more than the ${formatDuration(maxGap)} timeline.maxGap)`;
      const label = text ? `<text x="${num((x0 + x1) / 2)}" y="${num(bottom - 5)}" text-anchor="middle" font-size="10">${escapeXml(text)}</text>` : '';
      return `<g class="gap"><title>${escapeXml(title)}</title><rect x="${num(x0)}" y="${num(top)}" width="${num(x1 - x0)}" height="${num(bottom - top)}"/>${label}</g>`;
    })
    .join('');
}

/** The axis breaks: a pair of slanted strokes across the axis and the length of the stretch left out. */
export function breaksSvg(breaks: AxisBreak[], axisY: number): string {
  return breaks
    .map((b) => {
      const mid = (b.x0 + b.x1) / 2;
      // Breaks are over 12 hours: whole hours are what a reader needs under the axis, the title keeps the minutes.
      const minutes = Math.round(b.ms / 60_000);
      const length = formatDuration(minutes);
      const short = formatDuration(Math.round(minutes / 60) * 60);
      const strokes = `M${num(mid - 6)},${num(axisY + 6)}L${num(mid - 2)},${num(axisY - 6)}M${num(mid + 2)},${num(axisY + 6)}L${num(mid + 6)},${num(axisY - 6)}`;
      return `<g class="break"><title>${escapeXml(`Axis break: ${length} without an entry`)}</title><path d="${strokes}"/><text x="${num(mid)}" y="${num(axisY + 18)}" text-anchor="middle" font-size="10">${escapeXml(short)}</text></g>`;
    })
    .join('');
}
