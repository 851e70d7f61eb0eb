/**
 * Reads times of day: `10:30 PM`, `10:30pm`, `10:30 p.m.`, `11:26-am`, `22:30`, `22:30:15`,
 * `6 PM`, `[08:47]` (and, at an entry's start, `14h45`); reads a 24-hour time written with AM/PM (`13:15 PM`, `00:30 AM`) at the
 * hour it states, with a slip to report; and says when one is invalid (`25:00`, `3:AM`,
 * `00:30 PM`) rather than guessing. Every pattern is sticky and bounded, so a line is read in linear time.
 */
import type { TimeOfDay } from './types';

/** A time of day found in a string, with offsets relative to that string. */
export interface TimeToken extends TimeOfDay {
  start: number;
  end: number;
}

const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d)/y;
/** `07:7:47`: one minute digit, read only with seconds after it (a slip of the keyboard). */
const SHORT_MINUTE = /(\d{1,2}):(\d):(\d{2})(?!\d)/y;
/** `4: 45 am`: a space after the colon, read only when AM/PM follows. */
const SPACED_CLOCK = /(\d{1,2}):[ \t]{1,2}(\d{2})(?=[ \t]?[AaPp]\.?[ \t]?[Mm]\.?(?![A-Za-z]))/y;
/** AM/PM after a clock: `10:30 PM`, `10:30pm`, `10:30 p.m.`, and hyphen-joined `11:26-am`. */
const MERIDIEM = /(?:[ \t]|-(?=[AaPp]\.?[Mm]))?([AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z])/y;
const HOUR_ONLY = /(\d{1,2})[ \t]?([AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z])/y;
/** `3:AM`, `3: PM`, `3:5 PM`: a colon without two minute digits. */
const BROKEN = /(\d{1,2}):(\d?)[ \t]?([AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z])/y;
/** `2:45 hours`, `1:30h`: a duration, not a time of day (`10:05 second run` is a time: no one writes "2:45 second"). */
const DURATION_UNIT = /[ \t]{0,2}(?:h|hrs?|hours?|mins?|minutes?|secs?|seconds)(?![A-Za-z])/iy;

/** Whether a time may start at `pos`: not glued to a word, another number or a clock (`12:34:56`). */
function canStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  return !/[\p{L}\p{N}_:.\/]/u.test(text[pos - 1]);
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Reads a time that starts exactly at `pos`, or returns undefined. `glued` allows a letter before it (ISO `T15:00`, `At11:15`). */
export function readTimeAt(text: string, pos: number, glued = false): TimeToken | undefined {
  if (!/\d/.test(text[pos] ?? '') || (!glued && !canStart(text, pos))) return undefined;
  return readClockAt(text, pos) ?? readBrokenAt(text, pos) ?? readHourOnlyAt(text, pos);
}

/** A clock `H:MM[:SS]` (or one of its slips, `07:7:47`, `4: 45 am`) with an optional AM/PM. */
function readClockAt(text: string, pos: number): TimeToken | undefined {
  let clock = sticky(CLOCK, text, pos);
  let shown = clock?.[0];
  if (!clock) {
    clock = sticky(SHORT_MINUTE, text, pos) ?? sticky(SPACED_CLOCK, text, pos);
    if (!clock) return undefined;
    shown = `${clock[1]}:${clock[2].padStart(2, '0')}${clock[3] ? `:${clock[3]}` : ''}`;
  }
  let end = pos + clock[0].length;
  if (!clock[3] && sticky(DURATION_UNIT, text, end)) return undefined;
  const meridiem = sticky(MERIDIEM, text, end);
  if (meridiem) end += meridiem[0].length;
  const minuteText = clock[2].padStart(2, '0');
  const fields = { hour: Number(clock[1]), minute: Number(clock[2]), second: clock[3] ? Number(clock[3]) : 0, hasSeconds: clock[3] !== undefined };
  return check(pos, end, fields, meridiem ? meridiemOf(meridiem[1]) : null, minuteText, text.slice(pos, end), shown!);
}

function readBrokenAt(text: string, pos: number): TimeToken | undefined {
  const broken = sticky(BROKEN, text, pos);
  if (!broken) return undefined;
  const written = broken[0].trim();
  return {
    start: pos,
    end: pos + broken[0].length,
    hour: Number(broken[1]),
    minute: 0,
    second: 0,
    hasSeconds: false,
    meridiem: meridiemOf(broken[3]),
    problem: `"${written}" has no minutes: write it as ${Number(broken[1])}:${broken[2] ? broken[2].padStart(2, '0') : '00'} ${meridiemOf(broken[3]).toUpperCase()}`,
  };
}

function readHourOnlyAt(text: string, pos: number): TimeToken | undefined {
  const hourOnly = sticky(HOUR_ONLY, text, pos);
  if (!hourOnly) return undefined;
  const fields = { hour: Number(hourOnly[1]), minute: 0, second: 0, hasSeconds: false };
  return check(pos, pos + hourOnly[0].length, fields, meridiemOf(hourOnly[2]), '00', hourOnly[0], `${pad(fields.hour)}:00`);
}

function meridiemOf(letter: string): 'am' | 'pm' {
  return letter.toLowerCase() === 'a' ? 'am' : 'pm';
}

type ClockFields = Pick<TimeOfDay, 'hour' | 'minute' | 'second' | 'hasSeconds'>;

/**
 * Validates the fields and converts 12-hour times to 0–23. A 24-hour hour with AM/PM
 * (`13:20 PM`, `23:00 AM`, `00:30 AM`) plainly means that hour: it is read so, with a slip to
 * report; `clock` is the time as written without the meridiem.
 */
function check(start: number, end: number, fields: ClockFields, meridiem: 'am' | 'pm' | null, minuteText: string, written: string, clock: string): TimeToken {
  const { hour, minute, second } = fields;
  const token: TimeToken = { start, end, ...fields, meridiem };
  const shown = written.trim();
  if (hour > 23) token.problem = `"${shown}" is not a time: hours run 0–23`;
  else if (minute > 59) token.problem = `"${shown}" is not a time: minutes run 00–59`;
  else if (second > 59) token.problem = `"${shown}" is not a time: seconds run 00–59`;
  else if (meridiem && (hour > 12 || (hour === 0 && meridiem === 'am'))) {
    const written = meridiem.toUpperCase();
    token.meridiem = null;
    token.slip = { message: `"${shown}" gives a 24-hour time with ${written}: it is read as ${pad(hour)}:${minuteText}; drop the ${written}`, clock };
  } else if (meridiem && hour === 0) token.problem = `"${shown}" is not a time: with AM/PM the hour runs 1–12; write 12:${minuteText} PM or 00:${minuteText}`;
  else if (meridiem) token.hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  return token;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Every time in a string, left to right, none overlapping. */
export function findTimes(text: string): TimeToken[] {
  const found: TimeToken[] = [];
  const digits = /\d/g;
  let match: RegExpExecArray | null;
  while ((match = digits.exec(text))) {
    const token = readTimeAt(text, match.index);
    if (token) {
      found.push(token);
      digits.lastIndex = token.end;
    } else {
      // Skip the rest of this number: a time cannot start inside it.
      let i = match.index + 1;
      while (i < text.length && /\d/.test(text[i])) i++;
      digits.lastIndex = i;
    }
  }
  return found;
}

const NAMED_TIME = /(midnight|noon|midday)(?![\p{L}\p{N}_])/iuy;

/** `Midnight`, `noon`: a time said in a word, read where an entry's stamp goes (never searched for in prose). */
export function readNamedTimeAt(text: string, pos: number): TimeToken | undefined {
  if (!canStart(text, pos)) return undefined;
  const m = sticky(NAMED_TIME, text, pos);
  if (!m) return undefined;
  const hour = m[1].toLowerCase() === 'midnight' ? 0 : 12;
  return { start: pos, end: pos + m[0].length, hour, minute: 0, second: 0, hasSeconds: false, meridiem: null };
}

/** `14h45`, `9h05`: the hour and minutes joined by an `h`, as French and much of Europe write them. */
const HOUR_LETTER = /(\d{1,2})[hH](\d{2})(?![\p{L}\p{N}_:])/uy;

/**
 * A time written `14h45`, read where an entry's stamp goes (never searched for in prose, where
 * `2h30` is as often a duration).
 */
export function readHourLetterTimeAt(text: string, pos: number): TimeToken | undefined {
  if (!canStart(text, pos)) return undefined;
  const m = sticky(HOUR_LETTER, text, pos);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return { start: pos, end: pos + m[0].length, hour: Number(m[1]), minute: Number(m[2]), second: 0, hasSeconds: false, meridiem: null };
}

const FOUR_DIGITS = /(\d{2})(\d{2})(?!\d)/y;

/**
 * A four-digit time without a colon (`1625`, `0457`). A bare four-digit number is usually
 * not a time: the caller reads one only after a date or before a zone.
 */
export function readFourDigitTimeAt(text: string, pos: number): TimeToken | undefined {
  if (!canStart(text, pos)) return undefined;
  const m = sticky(FOUR_DIGITS, text, pos);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return { start: pos, end: pos + 4, hour: Number(m[1]), minute: Number(m[2]), second: 0, hasSeconds: false, meridiem: null };
}

/** `xx:xx`, `XX:XX`, `??:??`: where a time goes but is not known yet (`HH:MM` is a template's prompt, not a writer's). */
const PLACEHOLDER_TIME = /(?:[Xx]{1,2}:[Xx]{2}|\?{1,2}:\?{2})(?![\p{L}\p{N}_:])/uy;
/** A lone `X` or `XX` before a separator: a placeholder only right after a date (`2022-02-02 X:`); elsewhere, or before a word, it is a word. */
const PLACEHOLDER_LETTER = /X{1,2}(?=[ \t]{0,2}[:\-–—|])/y;

/** The offsets of a placeholder time at `pos`, if one is there; `afterDate` also takes a lone `X`. */
export function readPlaceholderTimeAt(text: string, pos: number, afterDate = false): { start: number; end: number } | undefined {
  if (!canStart(text, pos)) return undefined;
  const m = sticky(PLACEHOLDER_TIME, text, pos) ?? (afterDate ? sticky(PLACEHOLDER_LETTER, text, pos) : null);
  return m ? { start: pos, end: pos + m[0].length } : undefined;
}

/** Minutes since midnight of a valid time. */
export function minutesOfDay(time: TimeOfDay): number {
  return time.hour * 60 + time.minute + time.second / 60;
}
