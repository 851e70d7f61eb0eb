/**
 * Places entries in time (SPEC "Reading times in order"): each gets its zone from the
 * nearest declaration, its date from the entry or the anchor above it, and time-only
 * entries that go backwards roll over midnight when the step forward is under 12 hours;
 * otherwise they are out of order (order.ts says which). Instants are compared in UTC.
 */
import type { LineIndex } from '../text';
import { addDays, calendarOf, compareDates } from './dates';
import type { RawItem } from './extract';
import { classify } from './milestones';
import { fewestOutOfPlace, markOutOfPlace, suggestCorrections, type Reading } from './order';
import type { CalendarDate, DateSource, TimeOfDay, TimelineEntry, ZoneDeclaration, ZoneInfo, ZoneMention, ZoneSource } from './types';
import { instantOf, isoOf } from './zones';

/** The day undated, unanchored times are placed on: a comparison key, never shown. */
export const BASE_DATE: CalendarDate = { year: 2000, month: 1, day: 1 };

const HALF_DAY = 12 * 3600_000;

/** What placing needs to know about the document. */
export interface PlaceContext {
  text: string;
  index: LineIndex;
  anchor: { date: CalendarDate; source: DateSource } | null;
  numericOrder: 'mdy' | 'dmy' | null;
  documentZone: ZoneDeclaration | null;
}

interface Cursor {
  date: CalendarDate;
  known: boolean;
  source: DateSource | null;
}

/**
 * Places the items of one Timeline section, appending its entries to `entries`. Read one by
 * one first; when fewer entries out of place explain the disorder (`fewestOutOfPlace`), the
 * section is placed again with those held out: one slip, one finding.
 */
export function placeSection(items: readonly RawItem[], declared: ZoneDeclaration | null, ctx: PlaceContext, entries: TimelineEntry[]): void {
  const first = entries.length;
  let readings = new Map<TimelineEntry, Reading>();
  placeItems(items, declared, ctx, entries, undefined, readings);
  const placed = entries.slice(first);
  const blamed = fewestOutOfPlace(placed);
  if (blamed) {
    entries.length = first;
    const again = new Map<TimelineEntry, Reading>();
    placeItems(items, declared, ctx, entries, blamed, again);
    const outOfOrder = (list: readonly TimelineEntry[]) => list.filter((e) => e.outOfOrder).length;
    if (outOfOrder(entries.slice(first)) < outOfOrder(placed)) readings = again;
    else entries.splice(first, entries.length - first, ...placed);
  }
  suggestCorrections(ctx.text, entries.slice(first), readings);
}

/**
 * Places the items in order, each compared with the last entry in order before it. Entries at
 * the `blamed` positions are placed on their day without being compared, and compared with
 * the entries in order around them at the end.
 */
function placeItems(items: readonly RawItem[], declared: ZoneDeclaration | null, ctx: PlaceContext, entries: TimelineEntry[], blamed: ReadonlySet<number> | undefined, readings: Map<TimelineEntry, Reading>): void {
  const cursor: Cursor = ctx.anchor ? { date: ctx.anchor.date, known: true, source: ctx.anchor.source } : { date: BASE_DATE, known: false, source: null };
  const fallbackYear = ctx.anchor?.date.year ?? null;
  let carried: ZoneMention | null = null;
  let previous: TimelineEntry | undefined;
  let previousDay: TimelineEntry | undefined;
  const first = entries.length;
  for (const item of items) {
    if (item.type === 'anchor') {
      const date = item.date ? calendarOf(item.date, ctx.numericOrder, fallbackYear) : null;
      if (date) setCursor(cursor, date, 'anchor');
      if (item.zone) carried = item.zone;
      continue;
    }
    const stamp = item.stamp;
    const time = stamp?.time && !stamp.time.problem ? stamp.time : null;
    const written = stamp?.zone ? { zone: stamp.zone.zone, start: stamp.zone.start, end: stamp.zone.end } : null;
    const declaration = item.tableZone ?? declared ?? ctx.documentZone;
    let zone: ZoneInfo | null = null;
    let zoneSource: ZoneSource | null = null;
    if (written) [zone, zoneSource] = [written.zone, stamp?.zoneFromRange ? 'range' : 'time'];
    else if (item.lineZone) [zone, zoneSource] = [item.lineZone.zone, 'line'];
    else if (carried) [zone, zoneSource] = [carried.zone, 'carried'];
    else if (declaration) [zone, zoneSource] = [declaration.zone, declaration.source];
    if (written) carried = written;
    else if (item.lineZone) carried = item.lineZone;

    const writtenDate = stamp?.date ? calendarOf(stamp.date, ctx.numericOrder, fallbackYear) : null;
    if (writtenDate) setCursor(cursor, writtenDate, 'entry');
    let date = cursor.date;
    let dateSource = cursor.source;
    const dayLevel = Boolean(writtenDate && !stamp?.time && !stamp?.placeholder);

    // Fields set one by one, not with Object.assign of a literal: this runs for every entry on every keystroke (profiled).
    const entry = newEntry(ctx, item.start, item.end, item.blockEnd, entries.length);
    entry.container = item.container;
    entry.text = item.text;
    entry.time = stamp?.time ? timeOfDay(stamp.time) : null;
    entry.token = stamp ? { start: stamp.start, end: stamp.end, range: ctx.index.range(stamp.start, stamp.end), clockEnd: stamp.clockEnd ?? stamp.end } : null;
    entry.timeToken = stamp?.time ? { start: stamp.time.start, end: stamp.time.end, range: ctx.index.range(stamp.time.start, stamp.time.end) } : null;
    entry.writtenDate = writtenDate && stamp?.date ? { date: writtenDate, start: stamp.date.start, end: stamp.date.end, style: stamp.date.style } : null;
    entry.writtenZone = written;
    entry.declaredZone = declaration;
    entry.zone = zone;
    entry.zoneSource = zoneSource;
    entry.dayLevel = dayLevel;
    entry.statesConversion = item.statesConversion;
    if (stamp?.placeholder) entry.placeholder = stamp.placeholder;
    const { kind, source } = item.milestone ?? classify(ctx.text.slice(item.start, item.end));
    entry.kind = kind;
    entry.kindSource = source;

    if (time) {
      // A held entry is compared at the end (markOutOfPlace), with the entries in order around it.
      const held = blamed?.has(entries.length - first) ?? false;
      let instant = instantOf(date, time, zone, cursor.known);
      if (!held && previous && instant < previous.instant!) {
        const next = writtenDate ? undefined : instantOf(addDays(date, 1), time, zone, cursor.known);
        if (next !== undefined && next - previous.instant! < HALF_DAY) {
          date = addDays(date, 1);
          cursor.date = date;
          cursor.source = 'rollover';
          dateSource = 'rollover';
          instant = next;
        } else entry.outOfOrder = { previous: previous.index };
      } else if (!held && previousDay && cursor.known && previousDay.date && compareDates(date, previousDay.date) < 0) {
        entry.outOfOrder = { previous: previousDay.index };
      }
      readings.set(entry, { time, date, zone, known: cursor.known, dated: writtenDate !== null });
      entry.instant = instant;
      entry.local = instantOf(date, time, null, false);
      entry.exact = cursor.known && zone !== null;
      entry.iso = entry.exact ? isoOf(instant, zone!) : null;
      // An entry out of order is not what the next one is compared with: one typo, one finding.
      if (!entry.outOfOrder && !held) {
        previous = entry;
        previousDay = undefined;
      }
    } else if (dayLevel) {
      const last = previousDay ?? previous;
      if (last?.date && compareDates(date, last.date) < 0) entry.outOfOrder = { previous: last.index };
      previousDay = entry;
    }
    if (cursor.known && (time || dayLevel)) {
      entry.date = date;
      entry.dateSource = dateSource;
    }
    entries.push(entry);
  }
  if (blamed) markOutOfPlace(entries.slice(first), blamed);
}

function setCursor(cursor: Cursor, date: CalendarDate, source: DateSource): void {
  cursor.date = date;
  cursor.known = true;
  cursor.source = source;
}

function timeOfDay(token: TimeOfDay): TimeOfDay {
  const time: TimeOfDay = { hour: token.hour, minute: token.minute, second: token.second, hasSeconds: token.hasSeconds, meridiem: token.meridiem };
  if (token.problem) time.problem = token.problem;
  if (token.slip) time.slip = token.slip;
  return time;
}

/** An entry with every derived field empty, filled in by `placeSection`. */
function newEntry(ctx: PlaceContext, start: number, end: number, blockEnd: number, index: number): TimelineEntry {
  const first = ctx.index.positionAt(start);
  return {
    index,
    line: first.line,
    start,
    end,
    range: { start: first, end: ctx.index.positionAt(end) },
    blockEnd,
    container: { kind: 'list', start, end },
    text: '',
    time: null,
    token: null,
    timeToken: null,
    writtenDate: null,
    writtenZone: null,
    declaredZone: null,
    zone: null,
    zoneSource: null,
    date: null,
    dateSource: null,
    instant: null,
    exact: false,
    local: null,
    iso: null,
    offsetMinutes: null,
    sincePreviousMinutes: null,
    dayLevel: false,
    kind: 'other',
    kindSource: null,
    statesConversion: false,
  };
}
