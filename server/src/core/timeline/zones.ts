/**
 * Reads zones (abbreviations, spelled-out names, UTC offsets, IANA names) and converts
 * wall-clock times to instants with real timezone data (luxon, DST-aware).
 */
import { IANAZone } from 'luxon';
import { inDST, offsetMinutes, wallToInstant } from './offsets';
import type { CalendarDate, TimeOfDay, ZoneInfo } from './types';
import { ABBREVIATIONS, NAME_RE, NAMES, type ZoneName } from './zoneTable';

/** A zone found in a string, with offsets relative to it. */
export interface ZoneToken {
  start: number;
  end: number;
  zone: ZoneInfo;
}

const OFFSET_AFTER_NAME = /(UTC|GMT)[ \t]?([+\-−])[ \t]?(\d{1,2})(?::?(\d{2}))?(?!\d)/iy;
const BARE_OFFSET = /([+\-−])(\d{2}):?(\d{2})(?!\d)/y;
const IANA = /[A-Z][A-Za-z]+(?:_[A-Za-z]+)*(?:\/[A-Za-z0-9][A-Za-z0-9_+\-]*){1,2}/y;
const ABBREVIATION = /[A-Za-z]{1,4}(?![A-Za-z0-9])/y;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const zoneValidity = new Map<string, boolean>();

/** Whether luxon knows an IANA name (cached: the check builds an Intl formatter). */
export function isIanaZone(name: string): boolean {
  let known = zoneValidity.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    zoneValidity.set(name, known);
  }
  return known;
}

function fromName(name: ZoneName, label: string): ZoneInfo {
  const info: ZoneInfo = { id: name.id, label };
  if (name.offset !== undefined) info.nominalOffset = name.offset;
  if (name.daylight !== undefined) info.daylight = name.daylight;
  if (name.pair) info.pair = name.pair;
  if (name.ambiguous) info.ambiguous = name.ambiguous;
  if (name.meaning) info.meaning = name.meaning;
  return info;
}

/** A fixed offset as a zone: `UTC`, or `UTC+3` / `UTC+05:30` (what luxon names it). */
export function offsetZone(minutes: number): ZoneInfo {
  if (minutes === 0) return { id: 'UTC', label: 'UTC', nominalOffset: 0 };
  return { id: `UTC${formatOffset(minutes, false)}`, label: `UTC${formatOffset(minutes, true)}`, nominalOffset: minutes };
}

/** `+3`, `+05:30`, `−08:00` (`long` always writes hours and minutes). */
export function formatOffset(minutes: number, long: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (!long && m === 0) return `${sign}${h}`;
  return `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function offsetFrom(sign: string, hours: string, minutes: string | undefined): number | undefined {
  const h = Number(hours);
  const m = minutes ? Number(minutes) : 0;
  if (h > 14 || m > 59) return undefined;
  return (sign === '+' ? 1 : -1) * (h * 60 + m);
}

/**
 * Reads a zone that starts exactly at `pos`. `glued` says the zone touches a time
 * (`15:00Z`, `15:00+01:00`), the only place a bare `Z` or `-07:00` is a zone.
 */
export function readZoneAt(text: string, pos: number, glued = false): ZoneToken | undefined {
  const named = sticky(NAME_RE, text, pos);
  if (named) {
    const key = named[0].toLowerCase().replace(/\s+/g, ' ');
    const name = NAMES[key];
    if (name) return { start: pos, end: pos + named[0].length, zone: fromName(name, titleCase(named[0])) };
  }
  const offset = sticky(OFFSET_AFTER_NAME, text, pos);
  if (offset) {
    const minutes = offsetFrom(offset[2], offset[3], offset[4]);
    if (minutes !== undefined) return { start: pos, end: pos + offset[0].length, zone: offsetZone(minutes) };
  }
  const bare = sticky(BARE_OFFSET, text, pos);
  // `10:00 -07:00` is a range more often than a zone; a minus offset counts only glued or as `-0700`.
  if (bare && (bare[1] === '+' || glued || !bare[0].includes(':'))) {
    const minutes = offsetFrom(bare[1], bare[2], bare[3]);
    if (minutes !== undefined) return { start: pos, end: pos + bare[0].length, zone: offsetZone(minutes) };
  }
  const iana = sticky(IANA, text, pos);
  if (iana && isIanaZone(iana[0])) return { start: pos, end: pos + iana[0].length, zone: { id: iana[0], label: iana[0] } };
  const abbreviation = sticky(ABBREVIATION, text, pos);
  if (abbreviation) {
    const word = abbreviation[0];
    // Upper case only ("utc"/"gmt" too), so words such as "cat" or "art" are never zones; a bare `Z` only glued.
    const upper = word.toUpperCase();
    const written = word === upper || upper === 'UTC' || upper === 'GMT';
    if (written && ABBREVIATIONS[upper] && (upper !== 'Z' || glued)) return { start: pos, end: pos + word.length, zone: fromName(ABBREVIATIONS[upper], upper === 'Z' ? 'UTC' : upper) };
  }
  return undefined;
}

function titleCase(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((w) => (w.toLowerCase() === 'uk' ? 'UK' : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join(' ');
}

/** Every zone mentioned in a string (headings, declaration lines), left to right. */
export function findZones(text: string): ZoneToken[] {
  const found: ZoneToken[] = [];
  const starts = /(?<![A-Za-z0-9_\/])[A-Za-z+]/g;
  let m: RegExpExecArray | null;
  while ((m = starts.exec(text))) {
    const token = readZoneAt(text, m.index);
    if (token) {
      found.push(token);
      starts.lastIndex = token.end;
    }
  }
  return found;
}

/** A whole string read as a zone (front matter `timezone:`, `timeline.defaultTimezone`). */
export function parseZone(text: string): ZoneInfo | undefined {
  const trimmed = text.trim();
  if (isIanaZone(trimmed) && trimmed.includes('/')) return { id: trimmed, label: trimmed };
  const token = readZoneAt(trimmed, 0, true);
  return token && token.end === trimmed.length ? token.zone : undefined;
}

/** Whether two zones are the same zone (same IANA name), or give the same offset at an instant. */
export function sameZone(a: ZoneInfo, b: ZoneInfo, at: number): boolean {
  return a.id === b.id || offsetAt(a, at) === offsetAt(b, at);
}

/** The zone's offset (minutes) at an instant. */
export function offsetAt(zone: ZoneInfo, instant: number): number {
  return offsetMinutes(zone.id, instant);
}

/**
 * The instant of a wall-clock time on a date in a zone. Without a date, an abbreviation's
 * own offset is used (PDT is −7 whatever the day); without a zone, the time is read as UTC
 * (a comparison key, not a real instant).
 */
export function instantOf(date: CalendarDate, time: TimeOfDay, zone: ZoneInfo | null, dateKnown: boolean): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  if (!zone) return wall;
  if (!dateKnown && zone.nominalOffset !== undefined) return wall - zone.nominalOffset * 60_000;
  const instant = wallToInstant(zone.id, wall);
  // In the repeated hour after clocks go back, "1:30 AM PST" and "1:30 AM PDT" are different instants.
  if (zone.daylight !== undefined && zone.nominalOffset !== undefined && inDST(zone.id, instant) !== zone.daylight) {
    const other = wall - zone.nominalOffset * 60_000;
    if (inDST(zone.id, other) === zone.daylight && other + offsetMinutes(zone.id, other) * 60_000 === wall) return other;
  }
  return instant;
}

/** ISO strings by zone and instant: a timeline asks for one per entry on every keystroke (profiled). */
const isoCache = new Map<string, Map<number, string>>();

/** ISO 8601 with offset (`2023-08-04T15:00:00+03:00`; UTC as `+00:00`). */
export function isoOf(instant: number, zone: ZoneInfo): string {
  let byInstant = isoCache.get(zone.id);
  if (!byInstant) isoCache.set(zone.id, (byInstant = new Map()));
  let iso = byInstant.get(instant);
  if (iso === undefined) {
    if (byInstant.size >= 20_000) byInstant.clear();
    byInstant.set(instant, (iso = formatIso(instant, zone)));
  }
  return iso;
}

function formatIso(instant: number, zone: ZoneInfo): string {
  const wall = wallClock(instant, zone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const { date } = wall;
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${formatOffset(wall.offset, true)}`;
}

/** The wall clock of an instant in a zone: date, time of day, offset and whether DST is in force. */
export function wallClock(instant: number, zone: ZoneInfo): { date: CalendarDate; hour: number; minute: number; second: number; isDST: boolean; offset: number } {
  const offset = offsetMinutes(zone.id, instant);
  const d = new Date(instant + offset * 60_000);
  return {
    date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    isDST: inDST(zone.id, instant),
    offset,
  };
}

/** This machine's zone, read once: `Intl.DateTimeFormat()` costs more than a whole small document's timeline (profiled). */
let machine: { zone: ZoneInfo | undefined } | undefined;

/** The zone of this machine (for the "declare the machine's zone" fix). */
export function machineZone(): ZoneInfo | undefined {
  machine ??= { zone: readMachineZone() };
  return machine.zone;
}

function readMachineZone(): ZoneInfo | undefined {
  try {
    const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!name) return undefined;
    if (name === 'UTC' || name === 'Etc/UTC' || name === 'Etc/GMT') return offsetZone(0);
    return isIanaZone(name) ? { id: name, label: name } : undefined;
  } catch {
    return undefined;
  }
}

/** What a standard/daylight name should be at an instant, when it is wrong ("PST" in July → "PDT"). */
export function dstCorrection(zone: ZoneInfo, instant: number): string | undefined {
  if (zone.daylight === undefined || !zone.pair) return undefined;
  const isDST = inDST(zone.id, instant);
  if (isDST === zone.daylight) return undefined;
  return isDST ? zone.pair.daylight : zone.pair.standard;
}
