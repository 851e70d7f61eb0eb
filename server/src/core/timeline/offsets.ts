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

/**
 * What is known of one zone. Keys are numbers (days, quarters, years since the epoch) and the
 * last day asked is kept apart: a timeline asks about the same day entry after entry, and
 * building a string key per question cost more than the answer (profiled).
 */
interface ZoneOffsets {
  /** The offset of a fixed zone (`UTC`, `UTC+3`); null for an IANA zone. */
  fixed: number | null;
  /** Per UTC day: its offset when it holds all day, null when a transition falls in it. */
  days: Map<number, number | null>;
  quarters: Map<number, number>;
  /** Per year: the smaller of its January and July offsets (standard time). */
  standard: Map<number, number>;
  lastDay: number;
  lastWhole: number | null;
  /** Luxon's zone, made once (creating one validates the name through Intl each time). */
  iana?: IANAZone;
}

const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(id: string): ZoneOffsets {
  let zone = zones.get(id);
  if (!zone) {
    const m = /^(?:UTC|GMT|Etc\/UTC|Etc\/GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(id);
    const fixed = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) : null;
    zone = { fixed, days: new Map(), quarters: new Map(), standard: new Map(), lastDay: NaN, lastWhole: null };
    zones.set(id, zone);
  }
  return zone;
}

function lookup(id: string, ms: number): number {
  const zone = zoneOffsets(id);
  zone.iana ??= IANAZone.create(id);
  const offset = zone.iana.offset(ms);
  return Number.isFinite(offset) ? offset : 0;
}

function remember<V>(map: Map<number, V>, key: number, value: V): V {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
  return value;
}

/** Minutes east of UTC in a zone at an instant. */
export function offsetMinutes(id: string, ms: number): number {
  const zone = zoneOffsets(id);
  if (zone.fixed !== null) return zone.fixed;
  const day = Math.floor(ms / DAY);
  if (day !== zone.lastDay) {
    let whole = zone.days.get(day);
    if (whole === undefined) {
      const start = lookup(id, day * DAY);
      whole = remember(zone.days, day, start === lookup(id, (day + 1) * DAY - 1) ? start : null);
    }
    zone.lastDay = day;
    zone.lastWhole = whole;
  }
  if (zone.lastWhole !== null) return zone.lastWhole;
  const quarter = Math.floor(ms / QUARTER);
  return zone.quarters.get(quarter) ?? remember(zone.quarters, quarter, lookup(id, quarter * QUARTER));
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
  const zone = zoneOffsets(id);
  if (zone.fixed !== null) return false;
  const year = new Date(ms).getUTCFullYear();
  let standard = zone.standard.get(year);
  if (standard === undefined) standard = remember(zone.standard, year, Math.min(offsetMinutes(id, Date.UTC(year, 0, 1)), offsetMinutes(id, Date.UTC(year, 6, 1))));
  return offsetMinutes(id, ms) > standard;
}
