/**
 * UTC offsets from real timezone data (luxon's IANA zones), cached. Luxon reads an offset
 * through `Intl.DateTimeFormat#formatToParts`, which costs more than the rest of a timeline;
 * offsets change only at transitions, so one lookup serves a whole UTC day (and, on the day
 * of a transition, a quarter of an hour: transitions fall on quarter hours).
 */
import { IANAZone } from 'luxon';

const DAY = 86_400_000;
const QUARTER = 900_000;
const MAX_CACHED = 20_000;

const byDay = new Map<string, number | null>();
const byQuarter = new Map<string, number>();
const fixedOffsets = new Map<string, number | null>();

/** The offset of a fixed zone id (`UTC`, `UTC+3`, `UTC-05:30`), or null for an IANA zone. */
function fixedOffset(id: string): number | null {
  let offset = fixedOffsets.get(id);
  if (offset === undefined) {
    const m = /^(?:UTC|GMT|Etc\/UTC|Etc\/GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(id);
    offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) : null;
    fixedOffsets.set(id, offset);
  }
  return offset;
}

function lookup(id: string, ms: number): number {
  const offset = IANAZone.create(id).offset(ms);
  return Number.isFinite(offset) ? offset : 0;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
  return value;
}

/** Minutes east of UTC in a zone at an instant. */
export function offsetMinutes(id: string, ms: number): number {
  const fixed = fixedOffset(id);
  if (fixed !== null) return fixed;
  const day = Math.floor(ms / DAY);
  const dayKey = `${id}|${day}`;
  let whole = byDay.get(dayKey);
  if (whole === undefined) {
    const start = lookup(id, day * DAY);
    whole = remember(byDay, dayKey, start === lookup(id, (day + 1) * DAY - 1) ? start : null);
  }
  if (whole !== null) return whole;
  const quarter = Math.floor(ms / QUARTER);
  const quarterKey = `${id}|q${quarter}`;
  return byQuarter.get(quarterKey) ?? remember(byQuarter, quarterKey, lookup(id, quarter * QUARTER));
}

/**
 * The instant of a wall-clock time (given as milliseconds read as UTC) in a zone: luxon's
 * algorithm, so a time in the gap of a spring-forward moves forward as luxon moves it.
 */
export function wallToInstant(id: string, wall: number): number {
  const o1 = offsetMinutes(id, wall);
  let guess = wall - o1 * 60_000;
  const o2 = offsetMinutes(id, guess);
  if (o1 === o2) return guess;
  guess -= (o2 - o1) * 60_000;
  const o3 = offsetMinutes(id, guess);
  if (o2 === o3) return guess;
  return wall - Math.min(o2, o3) * 60_000;
}

/** Whether daylight saving time is in force: the offset is above the year's smaller one (luxon's rule). */
export function inDST(id: string, ms: number): boolean {
  if (fixedOffset(id) !== null) return false;
  const year = new Date(ms).getUTCFullYear();
  const standard = Math.min(offsetMinutes(id, Date.UTC(year, 0, 1)), offsetMinutes(id, Date.UTC(year, 6, 1)));
  return offsetMinutes(id, ms) > standard;
}
