/**
 * The time axis: segments of the incident's busy stretches, each a linear scale, with an
 * axis break between two segments wherever more than 12 hours pass without an entry (so a
 * four-day incident still reads), and ticks a person would choose in the timeline's zone.
 *
 * d3's UTC scale picks the tick interval (5, 15, 30 minutes, 1, 3, 6, 12 hours, days); it
 * is fed wall-clock times of the axis's zone read as UTC, so ticks fall on round times of
 * that zone and nothing depends on the machine's zone.
 */
import { scaleLinear, scaleUtc, type ScaleLinear } from 'd3-scale';
import { utcDay } from 'd3-time';
import { DateTime } from 'luxon';
import type { AxisZone } from './points';

/** Quiet stretches longer than this become axis breaks. */
export const BREAK_MS = 12 * 60 * 60_000;
/** Width of an axis break. */
export const BREAK_WIDTH = 64;
const MIN_SEGMENT_WIDTH = 90;
const TICK_SPACING = 72;

/** One stretch of the axis: instants `from`–`to` drawn from `x0` to `x1`. */
export interface Segment {
  from: number;
  to: number;
  x0: number;
  x1: number;
  scale: ScaleLinear<number, number>;
}

/** Where the axis breaks: between `x0` and `x1`, `ms` of quiet between the entries either side. */
export interface AxisBreak {
  x0: number;
  x1: number;
  ms: number;
}

/** A tick: its place, its label, and whether it starts a new day (with that day's label). */
export interface Tick {
  x: number;
  label: string;
  day: string | null;
}

/** The axis laid out over `[left, right]` for sorted instants. */
export interface Axis {
  segments: Segment[];
  breaks: AxisBreak[];
  /** The x of an instant (inside a segment; instants between segments land on the break). */
  x(at: number): number;
}

/** Lays the axis out: splits at quiet stretches over 12 h, pads each segment, shares the width by duration. */
export function layoutAxis(sorted: number[], left: number, right: number): Axis {
  const runs: Array<{ from: number; to: number }> = [];
  for (const at of sorted) {
    const last = runs.at(-1);
    if (last && at - last.to <= BREAK_MS) last.to = at;
    else runs.push({ from: at, to: at });
  }
  // Padding keeps the first and last marks off the segment's edges; a lone entry gets half an hour each side.
  const padded = runs.map((r) => {
    const span = r.to - r.from;
    const pad = span === 0 ? 30 * 60_000 : Math.min(2 * 60 * 60_000, Math.max(5 * 60_000, span * 0.04));
    return { from: r.from - pad, to: r.to + pad, inner: r };
  });
  const available = right - left - BREAK_WIDTH * (padded.length - 1);
  const total = padded.reduce((sum, r) => sum + (r.to - r.from), 0);
  const spare = available - MIN_SEGMENT_WIDTH * padded.length;
  const widths = padded.map((r) => (spare > 0 ? MIN_SEGMENT_WIDTH + (spare * (r.to - r.from)) / total : available / padded.length));
  const segments: Segment[] = [];
  const breaks: AxisBreak[] = [];
  let x = left;
  padded.forEach((r, i) => {
    if (i > 0) {
      breaks.push({ x0: x, x1: x + BREAK_WIDTH, ms: r.inner.from - padded[i - 1].inner.to });
      x += BREAK_WIDTH;
    }
    segments.push({ from: r.from, to: r.to, x0: x, x1: x + widths[i], scale: scaleLinear().domain([r.from, r.to]).range([x, x + widths[i]]) });
    x += widths[i];
  });
  return {
    segments,
    breaks,
    x(at) {
      const segment = segments.find((s) => at <= s.to) ?? segments[segments.length - 1];
      return at < segment.from ? segment.x0 - (segment === segments[0] ? 0 : BREAK_WIDTH / 2) : segment.scale(at);
    },
  };
}

/** The wall-clock time of an instant in a zone, as a UTC millisecond count. */
function wall(at: number, zone: string): number {
  const t = DateTime.fromMillis(at, { zone });
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** The instant a wall-clock time (read as UTC) stands for in a zone; null in a DST gap, where it does not exist. */
function unwall(wallMs: number, zone: string): number | null {
  const w = new Date(wallMs);
  const t = DateTime.fromObject(
    { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes() },
    { zone },
  );
  return t.hour === w.getUTCHours() ? t.toMillis() : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The ticks of every segment, labelled `HH:MM` in the axis's zone; the first tick and each
 * tick on a new day carry the day ("Sat 9 Mar 2024", or "day 2" when the entries have no dates).
 * Month and weekday names are the chart's own, so no locale data changes the output.
 */
export function axisTicks(axis: Axis, zone: AxisZone, firstAt: number): Tick[] {
  const ticks: Tick[] = [];
  const firstDay = utcDay.floor(new Date(wall(firstAt, zone.id)));
  let previousDay: number | null = null;
  for (const segment of axis.segments) {
    const count = Math.max(2, Math.floor((segment.x1 - segment.x0) / TICK_SPACING));
    const domain = [new Date(wall(segment.from, zone.id)), new Date(wall(segment.to, zone.id))];
    for (const tick of scaleUtc().domain(domain).ticks(count)) {
      const at = unwall(tick.getTime(), zone.id);
      if (at === null || at < segment.from || at > segment.to) continue;
      const day = utcDay.floor(tick);
      const label = `${String(tick.getUTCHours()).padStart(2, '0')}:${String(tick.getUTCMinutes()).padStart(2, '0')}`;
      const newDay = previousDay === null || day.getTime() !== previousDay;
      previousDay = day.getTime();
      const dayLabel = !newDay
        ? null
        : zone.dated
          ? `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}${ticks.length === 0 ? ` ${day.getUTCFullYear()}` : ''}`
          : `day ${utcDay.count(firstDay, day) + 1}`;
      ticks.push({ x: segment.scale(at), label, day: dayLabel });
    }
  }
  // Without dates, "day 1" alone says nothing: days are counted only when there are several.
  if (!zone.dated && ticks.filter((t) => t.day).length < 2) for (const tick of ticks) tick.day = null;
  return ticks;
}
