/**
 * The incident chart: a timeline in, a standalone SVG string out. No DOM, no editor API, no
 * machine dependence (zone from the timeline via luxon, fixed month names, rounded numbers):
 * the CLI, the language server and the VS Code client all call this one function and get
 * the same bytes for the same document.
 */
import { formatDuration, type MilestoneKind, type Timeline } from '../core';
import { axisTicks, layoutAxis } from './axis';
import { brackets, bracketsSvg, BRACKET_ROW } from './brackets';
import { escapeXml, num, textWidth } from './escape';
import { KIND_NAMES, legendShape, markSvg, placeMarks, ROW_HEIGHT, STACK_STEP } from './marks';
import { breaksSvg, gapsSvg, HATCH_DEFS, impactSvg } from './overlays';
import { axisZone, chartPoints } from './points';
import { chartCss, themeBackground, type ChartTheme } from './theme';

/** How to draw the chart. */
export interface ChartOptions {
  /** `light` (default) and `dark` paint a background; `vscode` uses VS Code's theme variables. */
  theme?: ChartTheme;
  /** Width in pixels (default 960). */
  width?: number;
  /** `timeline.maxGap` in minutes, written in the gaps' titles (default 60). */
  maxGap?: number;
  /** A CSP nonce for the embedded `<style>` (webviews allow only nonce'd styles). */
  styleNonce?: string;
  /** Whether the `<style>` is embedded (default true); a host may supply `chartCss` itself. */
  embedStyle?: boolean;
}

/** The chart, or the one line that says why there is nothing to draw. */
export type ChartResult = { kind: 'svg'; svg: string; width: number; height: number; marks: number } | { kind: 'empty'; message: string };

/** The default width of the chart. */
export const DEFAULT_CHART_WIDTH = 960;
/** The narrowest and widest charts drawn. */
export const MIN_CHART_WIDTH = 320;
export const MAX_CHART_WIDTH = 10_000;

const PAD = 16;
const KINDS: MilestoneKind[] = ['impact-start', 'detected', 'acknowledged', 'escalated', 'mitigated', 'resolved', 'other'];

/** Draws the timeline. Fewer than two timed entries give `{kind: 'empty'}` with a message, never an empty picture. */
export function renderChart(timeline: Timeline, options: ChartOptions = {}): ChartResult {
  const theme = options.theme ?? 'light';
  const width = Math.round(Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, options.width ?? DEFAULT_CHART_WIDTH)));
  const points = chartPoints(timeline);
  if (timeline.sections.length === 0) return { kind: 'empty', message: 'No incident chart: the document has no Timeline section.' };
  if (points.length === 0) return { kind: 'empty', message: 'No incident chart: the timeline has no entries with a time.' };
  if (points.length === 1) return { kind: 'empty', message: `No incident chart: the timeline has one timed entry (line ${points[0].line}); a chart needs two.` };

  const zone = axisZone(timeline, points);
  const left = PAD;
  const right = width - PAD;
  const axis = layoutAxis(points.map((p) => p.at), left, right);
  const x = (at: number) => axis.x(at);
  const marks = placeMarks(points, x, right);
  const rows = Math.max(1, ...marks.map((m) => (m.row ?? 0) + 1));
  const depth = Math.max(0, ...marks.map((m) => m.level));
  const labelBottom = 61 + (rows - 1) * ROW_HEIGHT;
  const bandTop = labelBottom + 6;
  const axisY = bandTop + 26 + depth * STACK_STEP;
  const metricBrackets = brackets(timeline, x);
  const bracketTop = axisY + 52;
  const legendY = bracketTop + metricBrackets.length * BRACKET_ROW + (metricBrackets.length ? 8 : -8);
  const legend = legendSvg(timeline, points.map((p) => p.entry.kind), left, right, legendY);
  const height = legend.bottom + 10;

  const ticks = axisTicks(axis, zone, points[0].at);
  // A day's label starts at its first tick, pushed right of the previous day's when two days start close together.
  let dayEnd = -Infinity;
  const tickSvg = ticks
    .map((t) => {
      const dayX = Math.max(t.x - 3, dayEnd + 8);
      // Day labels are bold: a tenth wider than the estimate for regular text.
      if (t.day) dayEnd = dayX + textWidth(t.day) * 1.1;
      const day = t.day ? `<text x="${num(dayX)}" y="${num(axisY + 30)}" class="day-label">${escapeXml(t.day)}</text>` : '';
      return `<g class="tick${t.day ? ' day' : ''}"><line x1="${num(t.x)}" y1="${num(bandTop)}" x2="${num(t.x)}" y2="${num(axisY + 4)}"/><text x="${num(t.x)}" y="${num(axisY + 16)}" text-anchor="${t.x < left + 14 ? 'start' : t.x > right - 14 ? 'end' : 'middle'}">${t.label}</text>${day}</g>`;
    })
    .join('');
  const axisLine = axis.segments.map((s) => `<line class="axis" x1="${num(s.x0)}" y1="${num(axisY)}" x2="${num(s.x1)}" y2="${num(axisY)}"/>`).join('');
  const zoneWords = zone.label ? `times in ${zone.label}` : 'no timezone stated: times as written';
  const heading = `Incident timeline · ${points.length} timed entries · ${zoneWords}`;
  const background = themeBackground(theme);
  const style = options.embedStyle === false ? '' : `<style${options.styleNonce ? ` nonce="${escapeXml(options.styleNonce)}"` : ''}>${chartCss(theme)}</style>`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pm-chart pm-theme-${theme}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="pm-chart-title">`,
    `<title id="pm-chart-title">${escapeXml(heading)}</title>`,
    style,
    HATCH_DEFS,
    background ? `<rect class="background" width="${width}" height="${height}" fill="${background}"/>` : '',
    `<text class="heading" x="${left}" y="20">${escapeXml(heading)}</text>`,
    metricsSvg(timeline, left, right),
    impactSvg(timeline, x, bandTop, axisY),
    gapsSvg(timeline, x, bandTop, axisY, options.maxGap ?? 60),
    tickSvg,
    axisLine,
    breaksSvg(axis.breaks, axisY),
    bracketsSvg(metricBrackets, bracketTop, left, right),
    marks.map((m) => markSvg(m, axisY, labelBottom)).join(''),
    legend.svg,
    '</svg>',
  ].join('');
  return { kind: 'svg', svg: `${svg}\n`, width, height, marks: marks.length };
}

/**
 * "Duration 1 h 55 min · TTD 10 min · TTA — · …, counted from impact start". In a narrow
 * chart what the metrics count from moves into the line's tooltip rather than off the edge.
 */
function metricsSvg(timeline: Timeline, left: number, right: number): string {
  const m = timeline.metrics;
  const value = (v: number | null) => (v === null ? '—' : formatDuration(v));
  const from = timeline.milestones.startIsImpact ? 'from impact start' : 'from the first entry (no impact start marked)';
  const values = `Duration ${value(m.durationMinutes)} · TTD ${value(m.ttdMinutes)} · TTA ${value(m.ttaMinutes)} · TTM ${value(m.ttmMinutes)} · TTR ${value(m.ttrMinutes)}`;
  const full = `${values}, counted ${from}`;
  const fits = textWidth(full) <= right - left;
  return `<text class="muted" x="${left}" y="36">${fits ? '' : `<title>${escapeXml(full)}</title>`}${escapeXml(fits ? full : values)}</text>`;
}

/** The legend: the kinds the chart shows, then the impact window and gaps when drawn; wraps onto more rows. */
function legendSvg(timeline: Timeline, kinds: MilestoneKind[], left: number, right: number, top: number): { svg: string; bottom: number } {
  const items: Array<{ swatch: (x: number, y: number) => string; text: string; cls: string }> = KINDS.filter((k) => kinds.includes(k)).map((kind) => ({
    swatch: (x, y) => legendShape(kind, x + 6, y - 4),
    text: KIND_NAMES[kind],
    cls: `k-${kind}`,
  }));
  const { start, resolved, mitigated } = timeline.milestones;
  if (start !== null && (resolved ?? mitigated) !== null) items.push({ swatch: (x, y) => `<rect class="impact" x="${num(x)}" y="${num(y - 9)}" width="12" height="10"/>`, text: 'impact window', cls: 'impact-key' });
  if (timeline.gaps.length) items.push({ swatch: (x, y) => `<rect class="gap" x="${num(x)}" y="${num(y - 9)}" width="12" height="10"/>`, text: 'gap without entries', cls: 'gap-key' });
  let x = left;
  let y = top + 12;
  const parts = items.map((item) => {
    const w = 18 + textWidth(item.text) + 14;
    if (x + w > right && x > left) {
      x = left;
      y += 16;
    }
    const out = `<g class="${item.cls}">${item.swatch(x, y)}<text x="${num(x + 18)}" y="${num(y)}">${escapeXml(item.text)}</text></g>`;
    x += w;
    return out;
  });
  return { svg: `<g class="legend">${parts.join('')}</g>`, bottom: y };
}
