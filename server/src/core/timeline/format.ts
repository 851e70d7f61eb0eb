/**
 * Writes times, offsets and durations the way the document and its readers expect; every
 * time written here reads back (through `readTimeAt` and `readZoneAt`) to the same instant.
 */
import type { CalendarDate, TimeOfDay, ZoneInfo } from './types';
import { instantOf, offsetZone, wallClock } from './zones';

/** `HH:MM` on the 24-hour clock (the CLI's JSON `time`). */
export function clock24(time: TimeOfDay): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

/** A time of day in the style another was written in: `3:05 PM` or `15:05`, with seconds when it had them. */
export function formatTimeOfDay(hour: number, minute: number, second: number, like: Pick<TimeOfDay, 'meridiem' | 'hasSeconds'>): string {
  const seconds = like.hasSeconds ? `:${pad(second)}` : '';
  if (!like.meridiem) return `${pad(hour)}:${pad(minute)}${seconds}`;
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}:${pad(minute)}${seconds} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * An instant written in a zone, in the style of the original time (12- or 24-hour, seconds
 * or not), with the zone's label (DST-correct for a standard/daylight pair) when asked,
 * and the calendar date it falls on there.
 */
export function formatInstant(
  instant: number,
  zone: ZoneInfo,
  like: Pick<TimeOfDay, 'meridiem' | 'hasSeconds'>,
  withZone: boolean,
): { text: string; date: CalendarDate } {
  const wall = wallClock(instant, zone);
  const time = formatTimeOfDay(wall.hour, wall.minute, wall.second, like);
  if (!withZone) return { text: time, date: wall.date };
  let label = zoneLabelAt(zone, wall.isDST);
  // A name that cannot tell the repeated hour apart (an IANA name, "Pacific Time") gets the offset instead.
  const labelled = label === zone.label ? zone : { ...zone, daylight: wall.isDST, nominalOffset: wall.offset };
  const back = instantOf(wall.date, { hour: wall.hour, minute: wall.minute, second: wall.second, hasSeconds: true, meridiem: null }, labelled, true);
  if (back !== instant) label = offsetZone(wall.offset).label;
  return { text: `${time} ${label}`, date: wall.date };
}

/** The label to write for a zone at a moment: "PDT" in summer for a PST/PDT zone, else the zone's label. */
export function zoneLabelAt(zone: ZoneInfo, isDST: boolean): string {
  if (zone.pair && zone.daylight !== undefined) return isDST ? zone.pair.daylight : zone.pair.standard;
  return zone.label;
}

/** `+1:05` style offsets for hovers and the CLI: hours and minutes, signed. */
export function formatElapsed(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${pad(abs % 60)}`;
}

/** `2 h 30 min`, `45 min`, `3 d 4 h` for messages. */
export function formatDuration(minutes: number): string {
  const abs = Math.abs(Math.round(minutes));
  const d = Math.floor(abs / 1440);
  const h = Math.floor((abs % 1440) / 60);
  const m = abs % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m || (!d && !h) ? `${m} min` : ''].filter(Boolean);
  return `${minutes < 0 ? '−' : ''}${parts.join(' ')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
