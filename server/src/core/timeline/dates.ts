/**
 * Reads calendar dates: `August 4, 2023`, `Aug 4th 2023`, `4 August 2023`, `the 2nd of
 * November`, "November the 2nd in 2022", `2023-08-04`, `2023/08/04`, `06/May/2022`, and
 * numeric dates (`04-12-2022`) whose day and month may swap. Whitespace runs are bounded,
 * so every pattern is linear.
 */
import type { CalendarDate, DateStyle } from './types';
import { readZoneAt } from './zones';

/** A date found in a string, with offsets relative to that string. */
export interface DateToken {
  start: number;
  end: number;
  /** Null when the year is not written ("May 10"). */
  year: number | null;
  month: number;
  day: number;
  style: DateStyle;
  /** For a numeric date whose parts could swap: the day/month reading (`month`/`day` hold month/day). */
  swapped?: { month: number; day: number };
  /** For numeric dates: which part is over 12 and so settles the order (`dmy` when the first is). */
  settles?: 'mdy' | 'dmy';
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const WS = String.raw`[ \t]{1,3}`;
/** A time right ahead: what lets a two-digit year (`Feb 24th, 15`, `05/15/23`) be a year rather than a count. */
const TIME_AHEAD = String.raw`(?=[ \t,]{1,3}(?:at[ \t]{1,3})?\d{1,2}(?::\d{2}|[ \t]?[ap]\.?m))`;

/** One pass over a string finds every date form; alternatives are tried in this order at each position. */
const DATE_RE = new RegExp(
  [
    // 2023-08-04, 2023/08/04
    String.raw`(?<![\d\/.-])(?<isoY>\d{4})(?<isoSep>[-\/])(?<isoM>\d{1,2})\k<isoSep>(?<isoD>\d{1,2})(?![\d\/])`,
    // August 4, 2023 · Aug 4th 2023 · November the 2nd in 2022 · May 10 (after a comma, `2021:` is a year; without one, `1506:` is a time)
    String.raw`\b(?<mfM>${MONTH})\b\.?${WS}(?:the${WS})?(?<mfD>\d{1,2})(?:(?:st|nd|rd|th)(?![A-Za-z])|(?![\d:]))(?:[ \t]{0,3},[ \t]{0,3}(?:(?:in|of)${WS})?(?<mfY>\d{4}(?!\d|:\d)|\d{2}${TIME_AHEAD})|${WS}(?:(?:in|of)${WS})?(?<mfW>\d{4}(?![\d:])|\d{2}${TIME_AHEAD}))?`,
    // 06/May/2022, 06-May-2022
    String.raw`(?<![\d\/.-])(?<dsD>\d{1,2})(?<dsSep>[\/-])(?<dsM>${MONTH})\k<dsSep>(?<dsY>\d{4})(?!\d)`,
    // 4 August 2023 · 2nd of November, 2022
    String.raw`(?<![\d\/.:-])(?<dfD>\d{1,2})${ORD}${WS}(?:of${WS})?(?<dfM>${MONTH})\b\.?(?:[ \t]{0,3},?${WS}(?<dfY>\d{4})(?!\d))?`,
    // 04-12-2022, 4/12/2022, 04.12.2022
    String.raw`(?<![\d\/.-])(?<nA>\d{1,2})(?<nSep>[-\/.])(?<nB>\d{1,2})\k<nSep>(?<nY>\d{4})(?![\d\/-])`,
    // 05/15/23 10:45 AM: a two-digit year, only with a time after it
    String.raw`(?<![\d\/.-])(?<sA>\d{1,2})(?<sSep>[-\/])(?<sB>\d{1,2})\k<sSep>(?<sY>\d{2})${TIME_AHEAD}`,
  ].join('|'),
  'gi',
);

const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** A year as written: two digits are this century's (`23` is 2023). */
function yearOf(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function monthOf(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()];
}

/** Days in a month (February has 29 when the year is unknown). */
export function daysIn(year: number | null, month: number): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Years a postmortem's dates are in. "Mar 2 1000Z" is a time after a date, not the year 1000;
 * and zones before about 1900 kept local mean time, offsets with seconds no written time can
 * hold (a conversion would drift a little with every pass).
 */
const YEARS = { min: 1900, max: 2199 };

function valid(year: number | null, month: number, day: number): boolean {
  if (year !== null && (year < YEARS.min || year > YEARS.max)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Every date in a string, left to right. */
export function findDates(text: string): DateToken[] {
  const found: DateToken[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text))) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    let token: DateToken | undefined;
    if (g.isoY) token = { start, end, year: Number(g.isoY), month: Number(g.isoM), day: Number(g.isoD), style: 'iso' };
    else if (g.mfM) token = { start, end, year: g.mfY || g.mfW ? yearOf((g.mfY ?? g.mfW)!) : null, month: monthOf(g.mfM), day: Number(g.mfD), style: g.mfM.length > 3 ? 'month-name' : 'month-name-short' };
    else if (g.dsM) token = { start, end, year: Number(g.dsY), month: monthOf(g.dsM), day: Number(g.dsD), style: 'month-name-short' };
    else if (g.dfM) token = { start, end, year: g.dfY ? Number(g.dfY) : null, month: monthOf(g.dfM), day: Number(g.dfD), style: g.dfM.length > 3 ? 'month-name' : 'month-name-short' };
    else if (g.nA) token = numeric(start, end, Number(g.nA), Number(g.nB), Number(g.nY));
    else if (g.sA) token = numeric(start, end, Number(g.sA), Number(g.sB), yearOf(g.sY));
    if (token && g.mfW) token = withoutTimeAsYear(text, token, g.mfW);
    if (token && valid(token.year, token.month, token.day) && !verbLike(m[0], token)) found.push(token);
    if (m[0].length === 0) DATE_RE.lastIndex++;
  }
  return found;
}

/**
 * "Feb 9 1924 UTC": four digits after a day and before a zone are a time, not a year (a date
 * carries no zone). The date ends before them; a year after a comma stays a year.
 */
function withoutTimeAsYear(text: string, token: DateToken, year: string): DateToken {
  const yearStart = token.end - year.length;
  if (year.length !== 4 || Number(year.slice(0, 2)) > 23 || Number(year.slice(2)) > 59) return token;
  if (/\b(?:in|of)\b/.test(text.slice(token.start, yearStart))) return token;
  ZONE_GAP.lastIndex = token.end;
  const gap = ZONE_GAP.exec(text);
  if (!gap || !readZoneAt(text, token.end + gap[0].length)) return token;
  let end = yearStart;
  while (end > token.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { ...token, year: null, end };
}

const ZONE_GAP = /[ \t]{1,3}/y;

/** "10 may fail", "march 3 steps": a lowercase may/march without a year is a verb, not a month. */
function verbLike(text: string, token: DateToken): boolean {
  return token.year === null && /\b(?:may|mar|march)\b/.test(text);
}

/** A numeric date read month/day first; `swapped` holds the day/month reading when both are possible. */
function numeric(start: number, end: number, a: number, b: number, year: number | null): DateToken | undefined {
  if (a > 12 && b <= 12) return { start, end, year, month: b, day: a, style: 'numeric', settles: 'dmy' };
  if (b > 12 && a <= 12) return { start, end, year, month: a, day: b, style: 'numeric', settles: 'mdy' };
  if (a > 12 || b > 12) return undefined;
  const token: DateToken = { start, end, year, month: a, day: b, style: 'numeric' };
  if (a !== b && valid(year, b, a)) token.swapped = { month: b, day: a };
  return token;
}

const MONTH_DAY = /(\d{1,2})([-\/])(\d{1,2})(?=[ \t]{1,3}\d{1,2}:\d{2})/y;

/**
 * A month-day without a year right before a time (`03-26 02:50`, as in `[03-26 02:50]`): the
 * year comes from the document. Read only where a stamp starts, never as a date on its own
 * (`03-26` alone is as likely a range or a score).
 */
export function readMonthDayAt(text: string, pos: number): DateToken | undefined {
  if (pos > 0 && /[\d\/.:-]/.test(text[pos - 1])) return undefined;
  MONTH_DAY.lastIndex = pos;
  const m = MONTH_DAY.exec(text);
  if (!m) return undefined;
  const token = numeric(pos, pos + m[0].length, Number(m[1]), Number(m[3]), null);
  return token && valid(null, token.month, token.day) ? token : undefined;
}

/**
 * How a document writes numeric dates, from the dates that settle it: a numeric date with a
 * part over 12, or an ambiguous one whose one reading is a date the document spells out.
 * Null when nothing settles it (or the document contradicts itself).
 */
export function settleNumericOrder(dates: readonly DateToken[]): 'mdy' | 'dmy' | null {
  const votes = new Set<'mdy' | 'dmy'>();
  const spelled = new Set(dates.filter((d) => d.style !== 'numeric').map((d) => `${d.month}-${d.day}`));
  for (const d of dates) {
    if (d.settles) votes.add(d.settles);
    else if (d.swapped) {
      const asRead = spelled.has(`${d.month}-${d.day}`);
      const asSwapped = spelled.has(`${d.swapped.month}-${d.swapped.day}`);
      if (asRead && !asSwapped) votes.add('mdy');
      if (asSwapped && !asRead) votes.add('dmy');
    }
  }
  return votes.size === 1 ? [...votes][0] : null;
}

/** A date token as a calendar date, read in the document's numeric order; `fallbackYear` fills a missing year. */
export function calendarOf(token: DateToken, order: 'mdy' | 'dmy' | null, fallbackYear: number | null): CalendarDate | null {
  const year = token.year ?? fallbackYear;
  if (year === null) return null;
  if (token.swapped && order === 'dmy') return { year, month: token.swapped.month, day: token.swapped.day };
  return { year, month: token.month, day: token.day };
}

/** Compares two calendar dates. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The day after (or `n` days after) a date. */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  const t = Date.UTC(date.year, date.month - 1, date.day + n);
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `2023-08-04`. */
export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date written in a style: what fixes write when a conversion changes the day (numeric dates become ISO: never ambiguous). */
export function formatDate(date: CalendarDate, style: DateStyle): string {
  if (style === 'month-name') return `${MONTH_NAMES[date.month - 1]} ${date.day}, ${date.year}`;
  if (style === 'month-name-short') return `${MONTH_NAMES[date.month - 1].slice(0, 3)} ${date.day}, ${date.year}`;
  return isoDate(date);
}
