/**
 * Composes dates, times and zones into stamps: `August 4, 2023 3:00 PM`, `2023-08-04T15:00:00Z`,
 * `` `August 4, 2023` 4:25 PM ``, `**03:00 UTC**`, `[08:47]`, ranges `14:00–14:30` and
 * `10:00 PM - June 9, 2023, 08:30 AM (EAT)`. All offsets are relative to the string read.
 */
import { findDates, readMonthDayAt, type DateToken } from './dates';
import { findTimes, readFourDigitTimeAt, readHourLetterTimeAt, readNamedTimeAt, readPlaceholderTimeAt, readTimeAt, type TimeToken } from './times';
import { readZoneAt, type ZoneToken } from './zones';

/** A date, a time, or both, with the zone written on them and an optional range end. */
export interface Stamp {
  start: number;
  end: number;
  /** Just past the time and its zone (and a closing parenthesis): what converting the time replaces. */
  clockEnd?: number;
  date?: DateToken;
  time?: TimeToken;
  zone?: ZoneToken;
  /** Whether the date follows the time ("10:00 UTC on 2024-10-01"). */
  dateAfter?: boolean;
  /** Whether the zone came from the range's other end ("10:00–11:00 UTC"). */
  zoneFromRange?: boolean;
  rangeEnd?: Stamp;
  /** A placeholder where the time goes (`2022-02-02 X:`, `xx:xx`): the stamp has no time yet. */
  placeholder?: { start: number; end: number };
}

/** A line read once: its dates, so stamps can find a date at a position without rescanning. */
export class StampReader {
  readonly dates: DateToken[];
  private readonly dateAt = new Map<number, DateToken>();

  constructor(readonly text: string) {
    this.dates = findDates(text);
    for (const d of this.dates) this.dateAt.set(d.start, d);
  }

  /**
   * A stamp that starts exactly at `pos`. `range` also reads a range end; `glued` allows a
   * letter right before the time (`At11:15`, `T08:19`).
   */
  readAt(pos: number, range = true, glued = false): Stamp | undefined {
    const { text } = this;
    const date = this.dateAt.get(pos) ?? readMonthDayAt(text, pos);
    let time: TimeToken | undefined;
    let placeholder: Stamp['placeholder'];
    if (date) {
      if (date.style === 'iso' && (text[date.end] === 'T' || text[date.end] === 't')) {
        time = readTimeAt(text, date.end + 1, true);
        if (time) glued = true;
      }
      if (!time) {
        const at = skip(DATE_TIME_SEPARATOR, text, date.end);
        time = readTimeAt(text, at) ?? this.fourDigitsAfterDate(at) ?? (at > date.end ? (readNamedTimeAt(text, at) ?? readHourLetterTimeAt(text, at)) : undefined);
        if (!time && at > date.end) placeholder = readPlaceholderTimeAt(text, at, true);
      }
    } else {
      time = readTimeAt(text, pos, glued) ?? this.fourDigitsBeforeZone(pos) ?? readNamedTimeAt(text, pos) ?? readHourLetterTimeAt(text, pos);
      if (!time) placeholder = readPlaceholderTimeAt(text, pos);
    }
    if (!date && !time && !placeholder) return undefined;
    const stamp: Stamp = { start: pos, end: time ? time.end : (placeholder?.end ?? date!.end) };
    if (date) stamp.date = date;
    if (placeholder) stamp.placeholder = placeholder;
    if (time) {
      stamp.time = time;
      const zone = this.zoneAfter(time.end, glued) ?? this.hyphenedZone(time);
      if (zone) {
        stamp.zone = zone.token;
        stamp.end = zone.end;
      }
      stamp.clockEnd = stamp.end;
      if (!date) this.readDateAfter(stamp);
      if (range) this.readRange(stamp);
    }
    return stamp;
  }

  /** `2022-02-02 1625:`, `Feb 7 1506 UTC`: four digits after a date, followed by a separator, a zone or nothing. */
  private fourDigitsAfterDate(pos: number): TimeToken | undefined {
    const time = readFourDigitTimeAt(this.text, pos);
    if (!time) return undefined;
    return sticky(AFTER_FOUR_DIGITS, this.text, time.end) || this.zoneAfter(time.end, false) ? time : undefined;
  }

  /** `1506 UTC`, `0457Z`: four digits without a date are a time only with a zone after them. */
  private fourDigitsBeforeZone(pos: number): TimeToken | undefined {
    const time = readFourDigitTimeAt(this.text, pos);
    return time && this.zoneAfter(time.end, false) ? time : undefined;
  }

  /** `11:26-am-GMT`: a zone joined by a hyphen, only after a hyphen-joined AM/PM. */
  private hyphenedZone(time: TimeToken): { token: ZoneToken; end: number } | undefined {
    const { text } = this;
    if (text[time.end] !== '-' || !/-[AaPp]\.?[Mm]\.?$/.test(text.slice(time.start, time.end)) || !/[A-Za-z]/.test(text[time.end + 1] ?? '')) return undefined;
    const token = readZoneAt(text, time.end + 1);
    return token ? { token, end: token.end } : undefined;
  }

  private zoneAfter(pos: number, glued: boolean): { token: ZoneToken; end: number } | undefined {
    const { text } = this;
    // Touching the time: `15:00Z`, `15:00+01:00`; a minus only after an ISO date-time, else `10:00-11:00` is a range.
    if (glued || text[pos] === 'Z' || text[pos] === '+') {
      const touching = readZoneAt(text, pos, true);
      if (touching) return { token: touching, end: touching.end };
    }
    BEFORE_ZONE.lastIndex = pos;
    const before = BEFORE_ZONE.exec(text)?.[0] ?? '';
    const token = readZoneAt(text, pos + before.length);
    if (!token) return undefined;
    return { token, end: before.includes('(') ? skip(CLOSE_PAREN, text, token.end) : token.end };
  }

  /** "10:00 UTC on 2024-10-01": a date right after the time belongs to it. */
  private readDateAfter(stamp: Stamp): void {
    const at = skip(ON_DATE, this.text, stamp.end);
    const date = at > stamp.end ? this.dateAt.get(at) : undefined;
    if (date) {
      stamp.date = date;
      stamp.dateAfter = true;
      stamp.end = date.end;
    }
  }

  private readRange(stamp: Stamp): void {
    const joint = skip(RANGE_JOINT, this.text, stamp.end);
    if (joint === stamp.end) return;
    const other = this.readAt(skip(MARKUP, this.text, joint), false);
    if (!other?.time) return;
    stamp.rangeEnd = other;
    // "From 11:45 PM to 5:30 AM on November 2": the date is the range's, so its start's.
    if (!stamp.date && other.date && other.dateAfter) {
      stamp.date = other.date;
      delete other.date;
    }
    if (!stamp.zone && other.zone) {
      stamp.zone = other.zone;
      stamp.zoneFromRange = true;
    }
  }

  /**
   * The stamp an entry line opens with (after list markup, emphasis, brackets, a weekday and
   * "at"/"around"), else the first time anywhere in the line; `leading` says which.
   */
  leading(): { stamp: Stamp; leading: boolean } | undefined {
    const first = this.atLead();
    if (first) return { stamp: first, leading: true };
    for (const time of findTimes(this.text)) {
      const stamp = this.readAt(time.start);
      if (stamp) return { stamp, leading: false };
    }
    return undefined;
  }

  /** The stamp at the start of the entry's text, if there is one there. */
  atLead(range = true): Stamp | undefined {
    const pos = this.leadPosition();
    return this.readAt(pos, range, pos > 0 && /[A-Za-z]/.test(this.text[pos - 1]));
  }

  /** Where an entry's text begins: past spaces, emphasis, brackets, a weekday and "at"/"around" before a time. */
  leadPosition(): number {
    const pos = skip(WEEKDAY, this.text, skip(LEAD, this.text, 0));
    return skip(LEAD_WORDS, this.text, pos);
  }

  /** Every stamp with a time in the line, left to right (ranges read as one). */
  all(): Stamp[] {
    const stamps: Stamp[] = [];
    let from = 0;
    const starts = [...this.dates.map((d) => d.start), ...findTimes(this.text).map((t) => t.start)].sort((a, b) => a - b);
    for (const start of starts) {
      if (start < from) continue;
      const stamp = this.readAt(start);
      if (!stamp?.time) continue;
      stamps.push(stamp);
      from = (stamp.rangeEnd ?? stamp).end;
    }
    return stamps;
  }

  /** Whether the whole line is a date (a date line or date sub-heading: `**May 10, 2020**`, `Aug 4:`). */
  isDateLine(): DateToken | undefined {
    const lead = this.atLead(false);
    if (!lead?.date || lead.time || lead.placeholder) return undefined;
    return /^[\s*_`:.)\]>~-]*$/.test(this.text.slice(lead.end)) ? lead.date : undefined;
  }
}

const DATE_TIME_SEPARATOR = /[`*_]{0,3}[ \t]{0,3}(?:[,:][ \t]{0,3}(?:[Aa]t\b|@)?|[Aa]t\b|@|[-–—])?[ \t]{0,3}[`*_]{0,3}/y;
/** What may follow a four-digit time after a date: a separator or the end (`2022-02-02 1625:`), not a word (`2022-02-02 1500 requests`). */
const AFTER_FOUR_DIGITS = /[`*_]{0,3}[ \t]{0,3}(?:[:\-–—|),;\]]|$)/y;
const BEFORE_ZONE = /[`*_]{0,3}[ \t]{0,3}\(?[ \t]{0,2}/y;
const CLOSE_PAREN = /[ \t]{0,2}\)/y;
const INSIDE_PAREN = /[ \t]{0,2}/y;
/** What may follow a trailing zone's closing parenthesis: punctuation and markup only. */
const TRAILING_CLOSE = /^[ \t]{0,2}\)[\s*_.:;,]{0,8}$/;
const RANGE_JOINT = /[ \t]{0,3}(?:[-–—]|to\b|until\b|till\b|through\b|thru\b)[ \t]{0,3}/y;
const MARKUP = /[`*_]{0,3}/y;
/** Between a time and its date: "on", a weekday, or both ("10:00 UTC on Monday, Feb 14", "12:45 PM PST Saturday Oct 30th"). */
const ON_DATE = /,?[ \t]{1,3}(?:on[ \t]{1,3})?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]{1,3})?[`*_]{0,3}/iy;
const LEAD = /[ \t]{0,8}(?:[*_`~[(<]{1,4}[ \t]{0,2})?/y;
/** "At 11:15", "At11:15 PM", "around 09:07", "approx. 10:00", and ISO's `T08:19` on a line of its own: words before a time. */
const LEAD_WORDS = /(?:(?:(?:at|around|about|approx(?:imately|\.)?)[ \t]{0,3}){1,2}(?=\d)|T(?=\d{2}:\d{2}))?/iy;
const WEEKDAY = /(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]{1,3})?/iy;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Advances past a sticky pattern at `pos` (or stays when it does not match). */
function skip(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? pos + m[0].length : pos;
}

/**
 * A zone in parentheses that ends a line (`10:45 AM - Deploy started (PST)`), after `from`:
 * the zone of a time that writes none of its own.
 */
export function trailingZone(line: string, from: number): ZoneToken | undefined {
  // A comment after the zone (a suppression comment, say) is invisible: the zone still ends the line.
  const comment = line.lastIndexOf('<!--');
  const text = comment >= from && line.trimEnd().endsWith('-->') ? line.slice(0, comment) : line;
  const open = text.lastIndexOf('(');
  if (open < from) return undefined;
  const token = readZoneAt(text, skip(INSIDE_PAREN, text, open + 1));
  return token && TRAILING_CLOSE.test(text.slice(token.end)) ? token : undefined;
}

/** The text of an entry after its stamp: separators and dangling markup trimmed. */
export function describe(text: string): string {
  return text
    .replace(/^[\s*_`~\])>:|,.;–—-]+/, '')
    // Matching only from the first character of a run keeps a long run of spaces linear.
    .replace(/(?<![\s*_`~])[\s*_`~]+$/, '')
    .trim();
}
