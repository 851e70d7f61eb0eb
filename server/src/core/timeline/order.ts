/**
 * Which entries of a Timeline section are out of place, and the correction a careful reader
 * would suggest for each. Read one by one, a single late entry (11:21 PM among morning
 * entries) puts every entry after it out of order; the fewest entries whose removal leaves
 * the rest in time order are the ones to blame, and each gets one finding.
 */
import { addDays, formatDate } from './dates';
import type { CalendarDate, Correction, TimeOfDay, TimelineEntry, ZoneInfo } from './types';
import { instantOf } from './zones';

const HALF_DAY = 12 * 3600_000;

/** How an entry's time was read, so a correction can be read the same way. */
export interface Reading {
  time: TimeOfDay;
  date: CalendarDate;
  zone: ZoneInfo | null;
  known: boolean;
  dated: boolean;
}

/** A timed entry that counts in the order: placed, and not itself out of order. */
const inOrder = (e: TimelineEntry) => e.instant !== null && e.time !== null && !e.outOfOrder;

/**
 * Positions (in `placed`) of the fewest timed entries whose removal leaves the others in time
 * order (a longest non-decreasing run of instants, O(n log n)). Undefined when that is not
 * fewer than the entries read out of order one by one: then those are the ones to report.
 */
export function fewestOutOfPlace(placed: readonly TimelineEntry[]): Set<number> | undefined {
  const timed: number[] = [];
  let outOfOrder = 0;
  placed.forEach((e, k) => {
    if (e.instant === null || e.time === null) return;
    timed.push(k);
    if (e.outOfOrder) outOfOrder++;
  });
  if (outOfOrder < 2) return undefined;
  const instant = (t: number) => placed[timed[t]].instant!;
  // tails[l]: the timed entry ending the best run of length l + 1 found so far (lowest instant).
  const tails: number[] = [];
  const before = new Array<number>(timed.length).fill(-1);
  for (let t = 0; t < timed.length; t++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (instant(tails[mid]) <= instant(t)) lo = mid + 1;
      else hi = mid;
    }
    before[t] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = t;
  }
  const kept = new Set<number>();
  for (let t = tails[tails.length - 1]; t >= 0; t = before[t]) kept.add(timed[t]);
  const blamed = new Set(timed.filter((k) => !kept.has(k)));
  return blamed.size < outOfOrder ? blamed : undefined;
}

/**
 * Marks the blamed entries of a section placed without them: earlier than the entry in
 * order before it, or later than the one after it. A blamed entry that is neither is in order.
 */
export function markOutOfPlace(placed: readonly TimelineEntry[], blamed: ReadonlySet<number>): void {
  const [previous, next] = neighbours(placed, blamed);
  for (const k of blamed) {
    const entry = placed[k];
    if (entry.instant === null) continue;
    const p = previous[k];
    const n = next[k];
    if (p && entry.instant < p.instant!) entry.outOfOrder = { previous: p.index };
    else if (n && entry.instant > n.instant!) entry.outOfOrder = { next: n.index };
  }
}

/**
 * Gives each entry out of order the correction that puts it between the entries in order
 * around it: the other half of the day ("11:21 PM" → "11:21 AM"), else, for an entry that
 * writes its date, the date of one of them. None when neither fits.
 */
export function suggestCorrections(text: string, placed: readonly TimelineEntry[], readings: ReadonlyMap<TimelineEntry, Reading>): void {
  const [previous, next] = neighbours(placed);
  placed.forEach((entry, k) => {
    const reading = readings.get(entry);
    if (!entry.outOfOrder || !reading) return;
    const low = previous[k]?.instant ?? null;
    const high = next[k]?.instant ?? null;
    const fits = (at: number) => (low === null || (at >= low && at - low < HALF_DAY)) && (high === null || at <= high);
    const correction = flipOf(text, entry, reading, fits) ?? afternoonOf(text, entry, reading, fits) ?? (readsItsOwnDay(placed, k) ? dateOf(entry, reading, [previous[k], next[k]], fits) : undefined);
    if (correction) entry.outOfOrder.correction = correction;
  });
}

/** For each position, the nearest timed entry in order before it and after it (the `held` positions left out). */
function neighbours(placed: readonly TimelineEntry[], held?: ReadonlySet<number>): [Array<TimelineEntry | undefined>, Array<TimelineEntry | undefined>] {
  const previous = new Array<TimelineEntry | undefined>(placed.length);
  const next = new Array<TimelineEntry | undefined>(placed.length);
  const counts = (k: number) => inOrder(placed[k]) && !held?.has(k);
  let last: TimelineEntry | undefined;
  for (let k = 0; k < placed.length; k++) {
    previous[k] = last;
    if (counts(k)) last = placed[k];
  }
  last = undefined;
  for (let k = placed.length - 1; k >= 0; k--) {
    next[k] = last;
    if (counts(k)) last = placed[k];
  }
  return [previous, next];
}

/** The meridiem letter of a written time: the `P` of `11:21 PM`, the `a` of `9:05 a.m.`. */
const MERIDIEM_LETTER = /[AaPp](?=\.?[ \t]?[Mm]\.?$)/;

/** "11:21 PM" → "11:21 AM" when the other half of the day fits: only the letter changes, as the writer wrote the rest. */
function flipOf(text: string, entry: TimelineEntry, reading: Reading, fits: (at: number) => boolean): Correction | undefined {
  const token = entry.timeToken;
  if (!reading.time.meridiem || !token) return undefined;
  const written = text.slice(token.start, token.end);
  const letter = MERIDIEM_LETTER.exec(written);
  // "13:20 PM" is 13:20 whatever its letters say: only a 12-hour hour has another half of the day.
  const hour = Number(/^\d{1,2}/.exec(written)?.[0]);
  if (!letter || !(hour >= 1 && hour <= 12)) return undefined;
  const flipped: TimeOfDay = { ...reading.time, hour: (reading.time.hour + 12) % 24 };
  for (const day of reading.dated ? [reading.date] : [reading.date, addDays(reading.date, 1)]) {
    const at = instantOf(day, flipped, reading.zone, reading.known);
    if (!fits(at)) continue;
    const swapped = { a: 'p', p: 'a', A: 'P', P: 'A' }[letter[0]]!;
    return { start: token.start, end: token.end, text: written.slice(0, letter.index) + swapped + written.slice(letter.index + 1), instant: at };
  }
  return undefined;
}

/**
 * "1:30" after "12:10" on a clock written without AM/PM → "1:30 PM", when the afternoon fits: a
 * 12-hour hour written without a leading zero (a 24-hour clock writes "01:30"), AM/PM added.
 */
function afternoonOf(text: string, entry: TimelineEntry, reading: Reading, fits: (at: number) => boolean): Correction | undefined {
  const token = entry.timeToken;
  if (reading.time.meridiem || !token) return undefined;
  const written = text.slice(token.start, token.end);
  if (!/^(?:[1-9]|1[01]):[0-5]\d$/.test(written)) return undefined;
  const afternoon: TimeOfDay = { ...reading.time, hour: reading.time.hour + 12 };
  for (const day of reading.dated ? [reading.date] : [reading.date, addDays(reading.date, 1)]) {
    const at = instantOf(day, afternoon, reading.zone, reading.known);
    if (fits(at)) return { start: token.start, end: token.end, text: `${written} PM`, instant: at };
  }
  return undefined;
}

/** A written date changed to a neighbour's, when the entry's time fits there. */
function dateOf(entry: TimelineEntry, reading: Reading, around: Array<TimelineEntry | undefined>, fits: (at: number) => boolean): Correction | undefined {
  const written = entry.writtenDate;
  if (!written || !reading.known) return undefined;
  for (const neighbour of around) {
    const day = neighbour?.date;
    if (!day || (day.year === written.date.year && day.month === written.date.month && day.day === written.date.day)) continue;
    const at = instantOf(day, reading.time, reading.zone, true);
    if (fits(at)) return { start: written.start, end: written.end, text: formatDate(day, written.style), instant: at };
  }
  return undefined;
}

/** Whether no undated entry below reads its day from this entry's date (a change would move it too). */
function readsItsOwnDay(placed: readonly TimelineEntry[], k: number): boolean {
  const below = placed[k + 1];
  return !below || below.writtenDate !== null || (below.dateSource !== 'entry' && below.dateSource !== 'rollover');
}
