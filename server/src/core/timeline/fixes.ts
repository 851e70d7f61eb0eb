/**
 * The edits timeline rules offer: declare a zone on a heading, sort a container of entries
 * (stable, each entry moving with its text and sub-items), convert a time to another zone.
 */
import type { HeadingInfo, PostmortemModel } from '../model/types';
import type { TextEdit } from '../text';
import { formatDate } from './dates';
import { formatInstant } from './format';
import type { CalendarDate, DateStyle, EntryContainer, TimeOfDay, Timeline, TimelineEntry, ZoneInfo } from './types';

/**
 * Appends a zone to a heading's name: `## Timeline` → `## Timeline (UTC)`, `**Timeline**` →
 * `**Timeline (UTC)**`, `Timeline:` → `Timeline (UTC):`, `Timeline (draft)` → `Timeline (draft, UTC)`.
 * The heading still names its section (a trailing parenthetical qualifies, it does not name).
 */
export function headingZoneEdit(model: PostmortemModel, heading: HeadingInfo, label: string): TextEdit {
  const full = model.text.slice(heading.start, heading.end);
  const firstLine = full.split(/\r?\n/, 1)[0];
  let name = firstLine;
  // Lookbehinds: a match starts only at the first character of a run, so long runs stay linear.
  if (heading.kind === 'heading') name = name.replace(/(?<![ \t])[ \t]+#+[ \t]*$/, '');
  name = name.replace(/(?<![\s*_:：])[\s*_:：]+$/, '');
  const at = heading.start + name.length;
  const edit = name.endsWith(')') ? { offset: at - 1, text: `, ${label}` } : { offset: at, text: ` (${label})` };
  return { range: model.index.range(edit.offset, edit.offset), newText: edit.text };
}

/** The key an entry sorts by: its instant, a day-level entry's day, or (untimed) the entry before it. */
function sortKeys(entries: readonly TimelineEntry[]): number[] {
  let last = Number.NEGATIVE_INFINITY;
  return entries.map((e) => {
    if (e.instant !== null) last = e.instant;
    else if (e.dayLevel && e.date) last = Date.UTC(e.date.year, e.date.month - 1, e.date.day);
    return last;
  });
}

/**
 * Sorts the entries of one list, table or paragraph by time (stable). Each entry keeps its
 * text, continuation lines and sub-items; separators stay in place and ordered-list numbers
 * stay with their positions. Undefined when the container holds anything between entries
 * (a date line, prose) that sorting would strand, or when it is already in order.
 */
export function sortEdit(model: PostmortemModel, timeline: Timeline, container: EntryContainer): TextEdit | undefined {
  const units = timeline.entries.filter((e) => e.container.start === container.start && e.container.kind === container.kind);
  if (units.length < 2) return undefined;
  for (let i = 1; i < units.length; i++) {
    if (model.text.slice(units[i - 1].blockEnd, units[i].start).trim() !== '') return undefined;
  }
  const keys = sortKeys(units);
  const order = units.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  if (order.every((v, i) => v === i)) return undefined;
  if (!keepsContext(units, order)) return undefined;
  const numbers = units.map((u) => /^(\d+)([.)])/.exec(model.text.slice(u.start, u.blockEnd)));
  let out = '';
  order.forEach((from, slot) => {
    let text = model.text.slice(units[from].start, units[from].blockEnd);
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
function keepsContext(units: readonly TimelineEntry[], order: readonly number[]): boolean {
  const sourceOf = (sequence: readonly number[], has: (e: TimelineEntry) => boolean, at: number) => {
    for (let k = at - 1; k >= 0; k--) if (has(units[sequence[k]])) return sequence[k];
    return -1;
  };
  const before = units.map((_, i) => i);
  const slot = new Map(order.map((unit, position) => [unit, position]));
  const dated = (e: TimelineEntry) => e.writtenDate !== null;
  const zoned = (e: TimelineEntry) => e.writtenZone !== null;
  return units.every(
    (e, i) =>
      (dated(e) || sourceOf(before, dated, i) === sourceOf(order, dated, slot.get(i)!)) &&
      (zoned(e) || sourceOf(before, zoned, i) === sourceOf(order, zoned, slot.get(i)!)),
  );
}

/** A time to convert: where its time (through its zone) and its written date are. */
export interface Convertible {
  timeStart: number;
  /** End of the time and its zone (and a closing parenthesis). */
  end: number;
  time: TimeOfDay;
  instant: number;
  writtenDate: { date: CalendarDate; start: number; end: number; style: DateStyle } | null;
}

/** Edits that rewrite a time in another zone (DST-aware for its date), with the zone's label when `withZone`. */
export function convertEdits(model: PostmortemModel, item: Convertible, zone: ZoneInfo, withZone: boolean): TextEdit[] {
  const converted = formatInstant(item.instant, zone, item.time, withZone);
  const edits: TextEdit[] = [{ range: model.index.range(item.timeStart, item.end), newText: converted.text }];
  const d = item.writtenDate;
  if (d && (d.date.year !== converted.date.year || d.date.month !== converted.date.month || d.date.day !== converted.date.day)) {
    edits.push({ range: model.index.range(d.start, d.end), newText: formatDate(converted.date, d.style) });
  }
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
