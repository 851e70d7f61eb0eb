/**
 * Reads an action item's due date: `due 2024-04-01`, `Due: Apr 1`, `(due by April 1, 2024)`,
 * `deadline: 2024-04-01`, `by 2024-04-01`, or a Due column's cell. A date without a year falls
 * on or after the incident's date (action items come after the incident).
 */
import { calendarOf, compareDates, findDates, type DateToken } from '../timeline/dates';
import type { CalendarDate } from '../timeline/types';
import { UNASSIGNED } from '../rules/actionItems';

/** A due date as written, and as read. */
export interface DueDate {
  /** The words that give the date ("Apr 1", "next sprint"; '' when a label or cell names none). */
  written: string;
  /** The day it falls on; null when the words are no date this reader can place. */
  date: CalendarDate | null;
  /**
   * Why `date` is null: no date yet ("TBD"), words that are no date ("next sprint"), a
   * numeric date whose day and month could swap, or a date without a year in a document
   * that gives no incident date to take it from.
   */
  unread?: 'open' | 'not-a-date' | 'ambiguous' | 'no-year';
}

/** What places a date: the incident's date (for the year) and how the document writes numeric dates. */
export interface DueContext {
  anchor: CalendarDate | null;
  numericOrder: 'mdy' | 'dmy' | null;
}

/**
 * A label that introduces a due date. `strict` labels say so whatever follows ("due by",
 * "deadline"), and so does "due" with a colon ("Due: next sprint"); a bare "due" or "by"
 * introduces one only when a date follows ("due to a bug", "caused by", "Owned by: Dan").
 */
const LABEL = /\b(?:(?<strict>due[ \t]{1,3}(?:date|by|on)|deadline|target[ \t]date|eta)|(?<due>due)|by)\b(?<sep>[*_ \t]{0,3}(?::|=|[-–—](?=[ \t]))?)[*_ \t]{0,3}/gi;

/** Where the words of a due date end: a clause or cell break, or a link. */
const WORDS = /^(?:(?!https?:)[^,;()|\n[\]]){0,40}/;

/** The due date an item's text states, if it states one. */
export function dueInText(text: string, context: DueContext): DueDate | undefined {
  // Code spans hold identifiers, not dates.
  const plain = text.replace(/`[^`\n]*`/g, ' ');
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(plain))) {
    const rest = plain.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const token = findDates(rest).find((d) => d.start === 0);
    if (token) return placed(rest.slice(0, token.end), token, context);
    const g = m.groups!;
    if (g.strict || (g.due && /[:=\-–—]/.test(g.sep))) return unread(WORDS.exec(rest)![0].replace(/[*_ \t]+$/, ''));
  }
  return undefined;
}

/** The due date a Due column's cell states ('' when the cell is empty: no date). */
export function dueInCell(cell: string, context: DueContext): DueDate | undefined {
  const written = cell.replace(/[*_`]/g, '').trim();
  if (written === '') return undefined;
  const token = findDates(written).find((d) => d.start === 0);
  return token ? placed(written.slice(0, token.end), token, context) : unread(written);
}

function unread(written: string): DueDate {
  return { written, date: null, unread: UNASSIGNED.test(written) ? 'open' : 'not-a-date' };
}

function placed(written: string, token: DateToken, context: DueContext): DueDate {
  if (token.swapped && !context.numericOrder) return { written, date: null, unread: 'ambiguous' };
  if (token.year !== null) return { written, date: calendarOf(token, context.numericOrder, null) };
  if (!context.anchor) return { written, date: null, unread: 'no-year' };
  const sameYear = { year: context.anchor.year, month: token.month, day: token.day };
  return { written, date: compareDates(sameYear, context.anchor) < 0 ? { ...sameYear, year: sameYear.year + 1 } : sameYear };
}
