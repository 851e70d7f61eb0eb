/**
 * The edits timeline rules offer: declare a zone on a heading, sort a container of entries
 * (stable, each entry moving with its text and sub-items), convert a time to another zone.
 */
import type { HeadingInfo, PostmortemModel } from '../model/types';
import type { TextEdit } from '../text';
import { formatDate } from './dates';
import { formatInstant } from './format';
import type { CalendarDate, DateStyle, EntryContainer, SummaryTime, TimeOfDay, Timeline, TimelineEntry, ZoneInfo } from './types';

/**
 * Appends a zone to a heading's name: `## Timeline` → `## Timeline (UTC)`, `**Timeline**` →
 * `**Timeline (UTC)**`, `Timeline:` → `Timeline (UTC):`, `Timeline (draft)` → `Timeline (draft, UTC)`.
 * The heading still names its section (a trailing parenthetical qualifies, it does not name).
 */
export function headingZoneEdit(model: PostmortemModel, heading: HeadingInfo, label: string): TextEdit {
  const full = model.text.slice(heading.start, heading.end);
  const firstLine = full.split(/\r\n|\r|\n/, 1)[0];
  let name = firstLine;
  // Lookbehinds: a match starts only at the first character of a run, so long runs stay linear.
  if (heading.kind === 'heading') name = name.replace(/(?<![ \t])[ \t]+#+[ \t]*$/, '');
  name = name.replace(/(?<![\s*_:：])[\s*_:：]+$/, '');
  const at = heading.start + name.length;
  const edit = name.endsWith(')') ? { offset: at - 1, text: `, ${label}` } : { offset: at, text: ` (${label})` };
  return { range: model.index.range(edit.offset, edit.offset), newText: edit.text };
}

const byContainer = new WeakMap<Timeline, Map<string, TimelineEntry[]>>();

/**
 * The entries of one container, in order. Grouped once per timeline: a timeline of bracketed
 * entries (`[12:30]: …`, each its own paragraph) has about as many containers as entries,
 * and filtering all entries for each was quadratic.
 */
export function containerEntries(timeline: Timeline, container: EntryContainer): readonly TimelineEntry[] {
  let groups = byContainer.get(timeline);
  if (!groups) {
    groups = new Map();
    for (const entry of timeline.entries) {
      const key = `${entry.container.kind}:${entry.container.start}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    byContainer.set(timeline, groups);
  }
  return groups.get(`${container.kind}:${container.start}`) ?? [];
}

/** The entries of a container with a correction suggested (AM/PM or date): the ones a sort with the corrections makes. */
export function containerCorrections(timeline: Timeline, container: EntryContainer): TimelineEntry[] {
  return containerEntries(timeline, container).filter((e) => {
    const correction = e.outOfOrder?.correction;
    return correction !== undefined && correction.start >= e.start && correction.end <= e.blockEnd;
  });
}

/** The key an entry sorts by: its instant, a day-level entry's day, or (untimed) the entry before it. */
function sortKeys(entries: readonly TimelineEntry[], flipped: ReadonlySet<TimelineEntry>): number[] {
  let last = Number.NEGATIVE_INFINITY;
  return entries.map((e) => {
    const instant = flipped.has(e) ? e.outOfOrder!.correction!.instant : e.instant;
    if (instant !== null) last = instant;
    else if (e.dayLevel && e.date) last = Date.UTC(e.date.year, e.date.month - 1, e.date.day);
    return last;
  });
}

/**
 * Sorts the entries of one list, table or paragraph by time (stable). Each entry keeps its
 * text, continuation lines and sub-items; separators stay in place and ordered-list numbers
 * stay with their positions. Undefined when the container holds anything between entries
 * (a date line, prose) that sorting would strand, or when it is already in order. With
 * `withFlips`, the entries' corrections (AM/PM, date) are made and sorted by: one edit that does in a
 * pass what the corrections and then a sort would do in two; undefined when the corrections
 * alone put the entries in order, or there are none.
 */
export function sortEdit(model: PostmortemModel, timeline: Timeline, container: EntryContainer, withFlips = false): TextEdit | undefined {
  const units = containerEntries(timeline, container);
  if (units.length < 2) return undefined;
  for (let i = 1; i < units.length; i++) {
    if (model.text.slice(units[i - 1].blockEnd, units[i].start).trim() !== '') return undefined;
  }
  const flipped = new Set(withFlips ? containerCorrections(timeline, container) : []);
  if (withFlips && flipped.size === 0) return undefined;
  const keys = sortKeys(units, flipped);
  const order = units.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  if (order.every((v, i) => v === i)) return undefined;
  const below = timeline.entries[units[units.length - 1].index + 1];
  if (!keepsContext(units, order, below)) return undefined;
  const numbers = units.map((u) => /^(\d+)([.)])/.exec(model.text.slice(u.start, u.blockEnd)));
  const unitText = (u: TimelineEntry) => {
    const text = model.text.slice(u.start, u.blockEnd);
    if (!flipped.has(u)) return text;
    const correction = u.outOfOrder!.correction!;
    return text.slice(0, correction.start - u.start) + correction.text + text.slice(correction.end - u.start);
  };
  let out = '';
  order.forEach((from, slot) => {
    let text = unitText(units[from]);
    const own = numbers[from];
    const wanted = numbers[slot];
    if (container.ordered && own && wanted) text = wanted[1] + text.slice(own[1].length);
    out += text;
    if (slot < units.length - 1) out += model.text.slice(units[slot].blockEnd, units[slot + 1].start);
  });
  const start = units[0].start;
  const end = units[units.length - 1].blockEnd;
  return { range: model.index.range(start, end), newText: out };
}

/**
 * Whether every entry keeps, in the sorted order, the entry it takes its date and its zone
 * from: an undated entry reads its day from the nearest dated entry above it, a time without
 * a zone carries the zone of the one above. Sorting such an entry away from that one would
 * change its instant, and the next sort would move it back (a fix that never settles).
 */
function keepsContext(units: readonly TimelineEntry[], order: readonly number[], below: TimelineEntry | undefined): boolean {
  // For each unit, the nearest unit above it (in a sequence) that has the property; -1 for none. One pass each.
  const sources = (sequence: readonly number[], has: (e: TimelineEntry) => boolean) => {
    const source = new Array<number>(units.length);
    let last = -1;
    for (const unit of sequence) {
      source[unit] = last;
      if (has(units[unit])) last = unit;
    }
    return source;
  };
  const before = units.map((_, i) => i);
  const dated = (e: TimelineEntry) => e.writtenDate !== null;
  const zoned = (e: TimelineEntry) => e.writtenZone !== null;
  const [dateBefore, dateAfter, zoneBefore, zoneAfter] = [sources(before, dated), sources(order, dated), sources(before, zoned), sources(order, zoned)];
  const inside = units.every((e, i) => (dated(e) || dateBefore[i] === dateAfter[i]) && (zoned(e) || zoneBefore[i] === zoneAfter[i]));
  // An entry below the container that reads the day or the zone its last entries leave: those must stay too.
  const readsDay = below !== undefined && !below.writtenDate && (below.dateSource === 'entry' || below.dateSource === 'rollover');
  const readsZone = below !== undefined && !below.writtenZone && below.zoneSource === 'carried';
  const last = <T>(sequence: readonly number[], pick: (e: TimelineEntry) => T | null): T | null => {
    for (let k = sequence.length - 1; k >= 0; k--) {
      const value = pick(units[sequence[k]]);
      if (value !== null) return value;
    }
    return null;
  };
  const day = (e: TimelineEntry) => (e.date ? `${e.date.year}-${e.date.month}-${e.date.day}` : null);
  const zone = (e: TimelineEntry) => e.writtenZone?.zone.id ?? null;
  return inside && (!readsDay || last(before, day) === last(order, day)) && (!readsZone || last(before, zone) === last(order, zone));
}

/** A time to convert: where its time (through its zone) and its written date are. */
export interface Convertible {
  timeStart: number;
  /** End of the time and its zone (and a closing parenthesis). */
  end: number;
  time: TimeOfDay;
  instant: number;
  writtenDate: { date: CalendarDate; start: number; end: number; style: DateStyle } | null;
  /** The day the time is read on (written, from the entries above, or rolled over); null when unknown. */
  date: CalendarDate | null;
}

/** An entry's time to convert: its time through its zone. */
export function entryConvertible(entry: TimelineEntry): Convertible {
  return { timeStart: entry.timeToken!.start, end: entry.token!.clockEnd, time: entry.time!, instant: entry.instant!, writtenDate: entry.writtenDate, date: entry.date };
}

/** A Summary time to convert: its time through its zone. */
export function summaryConvertible(time: SummaryTime): Convertible {
  return { timeStart: time.timeStart, end: time.clockEnd, time: time.time, instant: time.instant!, writtenDate: time.writtenDate, date: time.date };
}

/** Edits of one fix with duplicates (a date two times rewrite alike) made one; undefined when two disagree. */
export function mergeEdits(edits: readonly TextEdit[]): TextEdit[] | undefined {
  const byRange = new Map<string, TextEdit>();
  for (const edit of edits) {
    const key = JSON.stringify(edit.range);
    const seen = byRange.get(key);
    if (seen && seen.newText !== edit.newText) return undefined;
    byRange.set(key, edit);
  }
  return [...byRange.values()];
}

/** An offset that could continue a zone label written before it. */
const OFFSET_AFTER = /^[ \t]*[+\-\u2212][ \t]*\d/;

/**
 * Whether an offset follows `end` ("BST +00:15"): a zone label written there would read with
 * it as one zone ("GMT +00:15" is UTC+00:15), so the time would move.
 */
export function offsetFollows(model: PostmortemModel, end: number): boolean {
  return OFFSET_AFTER.test(model.text.slice(end, end + 16));
}

const sameDay = (a: CalendarDate, b: CalendarDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * Edits that rewrite a time in another zone (DST-aware for its date), with the zone's label
 * when `withZone`; its written date changes with it. Undefined when the time lands on another
 * day and writes no date to change: "03:00 UTC" read on March 10 is "21:00 CST" on March 9,
 * and "21:00 CST" alone would read as March 10, a day later.
 */
export function convertEdits(model: PostmortemModel, item: Convertible, zone: ZoneInfo, withZone: boolean): TextEdit[] | undefined {
  // An offset right after ("14:30 PST +00:15") would read as part of the new zone ("UTC +00:15"): the time would move again.
  if (withZone && offsetFollows(model, item.end)) return undefined;
  const converted = formatInstant(item.instant, zone, item.time, withZone);
  const edits: TextEdit[] = [{ range: model.index.range(item.timeStart, item.end), newText: converted.text }];
  const d = item.writtenDate;
  if (d && !sameDay(d.date, converted.date)) edits.push({ range: model.index.range(d.start, d.end), newText: formatDate(converted.date, d.style) });
  if (!d && item.date && !sameDay(item.date, converted.date)) return undefined;
  return edits;
}

/** Edits that sort every list, table and paragraph of entries in the timeline (the "Sort Timeline" command). */
export function sortTimelineEdits(model: PostmortemModel, timeline: Timeline): TextEdit[] {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const entry of timeline.entries) {
    const key = `${entry.container.kind}:${entry.container.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edit = sortEdit(model, timeline, entry.container);
    if (edit) edits.push(edit);
  }
  return edits;
}
