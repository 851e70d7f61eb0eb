/**
 * Reads times of day: `10:30 PM`, `10:30pm`, `10:30 p.m.`, `22:30`, `22:30:15`, `6 PM`,
 * `[08:47]`, and says when one is invalid (`13:15 PM`, `00:30 AM`, `25:00`, `3:AM`) rather
 * than guessing. Every pattern is sticky and bounded, so a line is read in linear time.
 */
import type { TimeOfDay } from './types';

/** A time of day found in a string, with offsets relative to that string. */
export interface TimeToken extends TimeOfDay {
  start: number;
  end: number;
}

const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d)/y;
const MERIDIEM = /[ \t]?([AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z])/y;
const HOUR_ONLY = /(\d{1,2})[ \t]?([AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z])/y;
/** `3:AM`, `3: PM`, `3:5 PM`: a colon without two minute digits. */
const BROKEN = /(\d{1,2}):(\d?)[ \t]?([AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z])/y;
/** `2:45 hours`, `1:30h`: a duration, not a time of day. */
const DURATION_UNIT = /[ \t]{0,2}(?:h|hrs?|hours?|mins?|minutes?|secs?|seconds?)(?![A-Za-z])/iy;

/** Whether a time may start at `pos`: not glued to a word, another number or a clock (`12:34:56`). */
function canStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  return !/[\p{L}\p{N}_:.\/]/u.test(text[pos - 1]);
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Reads a time that starts exactly at `pos`, or returns undefined. `glued` allows a letter before it (ISO `T15:00`). */
export function readTimeAt(text: string, pos: number, glued = false): TimeToken | undefined {
  if (!/\d/.test(text[pos] ?? '') || (!glued && !canStart(text, pos))) return undefined;
  const clock = sticky(CLOCK, text, pos);
  if (clock) {
    let end = pos + clock[0].length;
    if (!clock[3] && sticky(DURATION_UNIT, text, end)) return undefined;
    const meridiem = sticky(MERIDIEM, text, end);
    if (meridiem) end += meridiem[0].length;
    const meridiemOfClock = meridiem ? meridiemOf(meridiem[1]) : null;
    return check(pos, end, Number(clock[1]), Number(clock[2]), clock[3] ? Number(clock[3]) : 0, clock[3] !== undefined, meridiemOfClock, clock[2], text.slice(pos, end));
  }
  const broken = sticky(BROKEN, text, pos);
  if (broken) {
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
  const hourOnly = sticky(HOUR_ONLY, text, pos);
  if (hourOnly) {
    return check(pos, pos + hourOnly[0].length, Number(hourOnly[1]), 0, 0, false, meridiemOf(hourOnly[2]), '00', hourOnly[0]);
  }
  return undefined;
}

function meridiemOf(letter: string): 'am' | 'pm' {
  return letter.toLowerCase() === 'a' ? 'am' : 'pm';
}

/** Validates the fields and converts 12-hour times to 0–23. */
function check(
  start: number,
  end: number,
  hour: number,
  minute: number,
  second: number,
  hasSeconds: boolean,
  meridiem: 'am' | 'pm' | null,
  minuteText: string,
  written: string,
): TimeToken {
  const token: TimeToken = { start, end, hour, minute, second, hasSeconds, meridiem };
  const shown = written.trim();
  if (hour > 23) token.problem = `"${shown}" is not a time: hours run 0–23`;
  else if (meridiem) {
    if (hour === 0) token.problem = `"${shown}" is not a time: with AM/PM the hour runs 1–12; write 12:${minuteText} ${meridiem.toUpperCase()} or ${pad(hour)}:${minuteText}`;
    else if (hour > 12) token.problem = `"${shown}" is not a time: with AM/PM the hour runs 1–12; write ${hour - 12}:${minuteText} PM or ${pad(hour)}:${minuteText}`;
  }
  if (!token.problem && minute > 59) token.problem = `"${shown}" is not a time: minutes run 00–59`;
  if (!token.problem && second > 59) token.problem = `"${shown}" is not a time: seconds run 00–59`;
  if (!token.problem && meridiem) token.hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
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

/** Minutes since midnight of a valid time. */
export function minutesOfDay(time: TimeOfDay): number {
  return time.hour * 60 + time.minute + time.second / 60;
}
