/**
 * What the chart draws, read from the timeline: the timed entries as points on one time
 * line, and the zone the axis is written in.
 */
import { clock24, isoDate, type Timeline, type TimelineEntry } from '../core';

/** A timed entry on the chart. */
export interface ChartPoint {
  entry: TimelineEntry;
  /** Milliseconds: a real instant, or the wall-clock time read as UTC when the timeline has no zone. */
  at: number;
  /** 1-based line, as the CLI and `data-line` write it. */
  line: number;
}

/** The axis's zone: a luxon zone id and the label the chart writes, or none stated. */
export interface AxisZone {
  id: string;
  label: string | null;
  /** Whether the entries carry calendar dates (else days are counted: "day 2"). */
  dated: boolean;
}

/** Whether an entry has a place on the time line: a valid time, not a day-level entry. */
export function isTimed(entry: TimelineEntry): boolean {
  return entry.instant !== null && !entry.dayLevel;
}

/** The timed entries, in time order (document order among equal times). */
export function chartPoints(timeline: Timeline): ChartPoint[] {
  return timeline.entries
    .filter(isTimed)
    .map((entry) => ({ entry, at: entry.instant!, line: entry.line + 1 }))
    .sort((a, b) => a.at - b.at || a.entry.index - b.entry.index);
}

/**
 * The zone the axis is drawn in: the timeline's when its times are real instants. Without
 * a zone the instants are wall-clock times read as UTC, so the axis reads them as UTC and
 * says no zone was stated.
 */
export function axisZone(timeline: Timeline, points: ChartPoint[]): AxisZone {
  const exact = points.every((p) => p.entry.exact);
  const dated = points.every((p) => p.entry.date !== null);
  if (exact && timeline.zone) return { id: timeline.zone.id, label: timeline.zone.label, dated };
  return { id: 'UTC', label: null, dated };
}

/** An entry's time as its `<title>` writes it: date (when known), the time as written in 24 h, and its zone. */
export function entryWhen(entry: TimelineEntry): string {
  const date = entry.iso ? `${entry.iso.slice(0, 10)} ` : entry.date ? `${isoDate(entry.date)} ` : '';
  const time = entry.time ? clock24(entry.time) : '';
  return `${date}${time} ${entry.zone ? entry.zone.label : '(no timezone)'}`;
}

