/**
 * The report's charts as inline SVG: incidents per month as bars, and the time to resolve per
 * quarter (median and 90th percentile) as lines. Colours come from the page's stylesheet
 * (classes, no style attributes), so the charts follow light and dark and print.
 */
import { escapeHtml } from './escape';
import { minutes } from './format';
import type { QuarterFigures, Report } from './types';

const HEIGHT = 180;
const TOP = 16;
const BOTTOM = 36;
const LEFT = 40;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A number for an SVG attribute, short. */
const n = (value: number) => String(Math.round(value * 10) / 10);

/** An `<svg>` with a title and description for screen readers. */
function svg(width: number, title: string, body: string[]): string {
  return [
    `<svg class="chart" viewBox="0 0 ${n(width)} ${HEIGHT}" width="${n(width)}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(title)}</title>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** The y axis from 0 to `max`, with its top and middle labelled, starting at `left`. */
function axis(width: number, max: number, label: (value: number) => string, left = LEFT): string[] {
  const base = HEIGHT - BOTTOM;
  const mid = TOP + (base - TOP) / 2;
  return [
    `<line class="axis" x1="${n(left)}" y1="${base}" x2="${n(width)}" y2="${base}"/>`,
    `<line class="grid" x1="${n(left)}" y1="${TOP}" x2="${n(width)}" y2="${TOP}"/>`,
    `<line class="grid" x1="${n(left)}" y1="${n(mid)}" x2="${n(width)}" y2="${n(mid)}"/>`,
    `<text class="tick" x="${n(left - 4)}" y="${TOP + 4}" text-anchor="end">${escapeHtml(label(max))}</text>`,
    `<text class="tick" x="${n(left - 4)}" y="${n(mid + 4)}" text-anchor="end">${escapeHtml(label(max / 2))}</text>`,
    `<text class="tick" x="${n(left - 4)}" y="${base + 4}" text-anchor="end">0</text>`,
  ];
}

/**
 * The top of a duration axis, in minutes: the first of 10, 20, 30 min, 1, 2, 4, 8, 12 h, 1 day
 * (then doubling) that holds `max`, so that the top and the middle both read as round figures.
 */
export function durationAxisTop(max: number): number {
  for (const top of [10, 20, 30, 60, 120, 240, 480, 720, 1440]) if (max <= top) return top;
  let top = 1440;
  while (top < max) top *= 2;
  return top;
}

/** Room for right-aligned tick labels at 10px (about 6px a character), never less than LEFT. */
const marginFor = (labels: readonly string[]) => Math.max(LEFT, 8 + 6 * Math.max(...labels.map((l) => l.length)));

/** Bars of incidents per month, every month from the first incident to the last. */
export function monthsChart(byMonth: Report['totals']['byMonth']): string {
  const step = 28;
  const width = LEFT + Math.max(1, byMonth.length) * step + 8;
  const max = Math.max(1, ...byMonth.map((m) => m.incidents));
  const top = max % 2 === 0 ? max : max + 1;
  const scale = (HEIGHT - BOTTOM - TOP) / top;
  const body = axis(width, top, (v) => String(Math.round(v)));
  byMonth.forEach((m, i) => {
    const x = LEFT + i * step + 4;
    const h = m.incidents * scale;
    const [year, month] = [m.month.slice(0, 4), Number(m.month.slice(5, 7))];
    body.push(`<rect class="bar" x="${n(x)}" y="${n(HEIGHT - BOTTOM - h)}" width="${step - 8}" height="${n(h)}"><title>${escapeHtml(`${m.month}: ${m.incidents}`)}</title></rect>`);
    body.push(`<text class="tick" x="${n(x + (step - 8) / 2)}" y="${HEIGHT - BOTTOM + 14}" text-anchor="middle">${MONTHS[month - 1] ?? ''}</text>`);
    if (i === 0 || month === 1) body.push(`<text class="tick" x="${n(x + (step - 8) / 2)}" y="${HEIGHT - BOTTOM + 28}" text-anchor="middle">${escapeHtml(year)}</text>`);
  });
  return svg(width, 'Incidents per month', body);
}

/** Median and p90 of the time to resolve per quarter; a quarter without a figure breaks the line. */
export function ttrChart(quarters: readonly QuarterFigures[]): string {
  const step = 72;
  const max = durationAxisTop(Math.max(1, ...quarters.flatMap((q) => [q.metrics.ttr.p90 ?? 0, q.metrics.ttr.median ?? 0])));
  const label = (v: number) => minutes(Math.round(v));
  const left = marginFor([label(max), label(max / 2)]);
  const width = left + Math.max(1, quarters.length) * step;
  const scale = (HEIGHT - BOTTOM - TOP) / max;
  const x = (i: number) => left + i * step + step / 2;
  const y = (value: number) => HEIGHT - BOTTOM - value * scale;
  const body = axis(width, max, label, left);
  for (const [key, cls] of [['p90', 'p90'], ['median', 'median']] as const) {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) body.push(`<polyline class="line ${cls}" points="${run.join(' ')}"/>`);
      run = [];
    };
    quarters.forEach((q, i) => {
      const value = q.metrics.ttr[key];
      if (value === null) return flush();
      run.push(`${n(x(i))},${n(y(value))}`);
      body.push(`<circle class="dot ${cls}" cx="${n(x(i))}" cy="${n(y(value))}" r="3.5"><title>${escapeHtml(`${q.quarter} ${key}: ${minutes(value)}`)}</title></circle>`);
    });
    flush();
  }
  quarters.forEach((q, i) => body.push(`<text class="tick" x="${n(x(i))}" y="${HEIGHT - BOTTOM + 14}" text-anchor="middle">${escapeHtml(q.quarter)}</text>`));
  body.push(`<text class="legend median" x="${n(left)}" y="${HEIGHT - 6}">● median</text>`, `<text class="legend p90" x="${n(left + 80)}" y="${HEIGHT - 6}">● p90</text>`);
  return svg(width, 'Time to resolve per quarter: median and 90th percentile', body);
}
