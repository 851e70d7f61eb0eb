/**
 * The marks: one per timed entry, shaped and coloured by its milestone kind, stacked when
 * entries fall on (nearly) the same spot, each with a short label placed in the lowest row
 * above the axis where it collides with no other label. A label that finds no free row is
 * left out (the mark keeps its `<title>`), so a busy timeline never turns into a smear.
 */
import type { MilestoneKind } from '../core';
import { escapeXml, num, shorten, textWidth } from './escape';
import { entryWhen, type ChartPoint } from './points';

/** The words for each kind, in titles and the legend. */
export const KIND_NAMES: Record<MilestoneKind, string> = {
  'impact-start': 'impact starts',
  detected: 'detected',
  acknowledged: 'acknowledged',
  escalated: 'escalated',
  mitigated: 'mitigated',
  resolved: 'resolved',
  other: 'event',
};

/** Height of a label row, and the most rows labels take. */
export const ROW_HEIGHT = 15;
export const MAX_ROWS = 6;
/** Vertical step between stacked marks, and the most marks stacked at one spot before they overlap. */
export const STACK_STEP = 13;
export const MAX_STACK = 4;
const LABEL_CHARS = 34;
const CLOSE_PX = 9;

/** A mark's place: its x, stack level (0 on the axis) and label row (null: no label). */
export interface PlacedMark {
  point: ChartPoint;
  x: number;
  level: number;
  row: number | null;
  label: string;
  /** The label's anchor: it runs right from the mark, or ends at it near the right edge. */
  anchor: 'start' | 'end';
}

/** Places marks and labels; `points` in time order, `right`: where labels must end. */
export function placeMarks(points: ChartPoint[], x: (at: number) => number, right: number): PlacedMark[] {
  const rowEnds: number[] = Array.from({ length: MAX_ROWS }, () => -Infinity);
  let clusterX = -Infinity;
  let clusterSize = 0;
  return points.map((point) => {
    const px = x(point.at);
    // Marks within a few pixels of the first of their cluster stack upwards instead of hiding each other.
    if (px - clusterX < CLOSE_PX) clusterSize += 1;
    else {
      clusterX = px;
      clusterSize = 0;
    }
    // Emphasis markers left in an entry's text are noise in a short label (the title keeps the text as written).
    const label = shorten(point.entry.text.replace(/\*\*|__|`/g, '') || KIND_NAMES[point.entry.kind], LABEL_CHARS);
    const width = textWidth(label);
    const anchor = px + width + 4 > right ? 'end' : 'start';
    const start = anchor === 'start' ? px - 3 : px - width;
    const row = rowEnds.findIndex((end) => end + 6 <= start);
    if (row >= 0) rowEnds[row] = start + width;
    return { point, x: px, level: Math.min(clusterSize, MAX_STACK), row: row >= 0 ? row : null, label, anchor };
  });
}

/** The shape of a kind around (x, y), drawn with the `shape` class so the theme colours it. */
function shape(kind: MilestoneKind, x: number, y: number): string {
  const p = (points: Array<[number, number]>) => `<path class="shape" d="M${points.map(([a, b]) => `${num(x + a)},${num(y + b)}`).join('L')}Z"/>`;
  switch (kind) {
    case 'impact-start':
      return p([[0, -6], [6, 5], [-6, 5]]);
    case 'escalated':
      return p([[0, 6], [6, -5], [-6, -5]]);
    case 'mitigated':
      return p([[0, -6], [6, 0], [0, 6], [-6, 0]]);
    case 'resolved':
      return `<rect class="shape" x="${num(x - 4.5)}" y="${num(y - 4.5)}" width="9" height="9"/>`;
    case 'other':
      return `<circle class="shape" cx="${num(x)}" cy="${num(y)}" r="3.5"/>`;
    default:
      return `<circle class="shape" cx="${num(x)}" cy="${num(y)}" r="${kind === 'acknowledged' ? 4 : 5}"/>`;
  }
}

/** A mark in the legend. */
export function legendShape(kind: MilestoneKind, x: number, y: number): string {
  return shape(kind, x, y);
}

/**
 * The SVG of one mark: a group with the entry's line (`data-line`, 1-based) and kind, its
 * `<title>` (time, zone, kind, line and full text), the shape, and the label with its leader.
 */
export function markSvg(mark: PlacedMark, axisY: number, labelBottom: number): string {
  const { entry, line } = mark.point;
  const y = axisY - mark.level * STACK_STEP;
  const title = `${entryWhen(entry)} · ${KIND_NAMES[entry.kind]} · line ${line}\n${entry.text}`;
  const parts = [`<g class="mark k-${entry.kind}" data-line="${line}" data-kind="${entry.kind}" tabindex="0">`, `<title>${escapeXml(title)}</title>`];
  if (mark.row !== null) {
    const labelY = labelBottom - mark.row * ROW_HEIGHT;
    parts.push(`<line class="leader" x1="${num(mark.x)}" y1="${num(labelY + 3)}" x2="${num(mark.x)}" y2="${num(y - 7)}"/>`);
    parts.push(`<text x="${num(mark.anchor === 'start' ? mark.x - 3 : mark.x + 3)}" y="${num(labelY)}"${mark.anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeXml(mark.label)}</text>`);
  }
  parts.push(shape(entry.kind, mark.x, y), '</g>');
  return parts.join('');
}
