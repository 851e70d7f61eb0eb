/**
 * What the Summary says about when the incident happened: labelled start and end times
 * ("Start Time: …", "End Time: …"), else its first range ("From 11:45 PM to 5:30 AM",
 * "Duration: June 8, 2023, 10:00 PM - June 9, 2023, 08:30 AM (EAT)"), else times its prose
 * ties to a start or an end ("began at approximately 7:30 pm (CST)"), and a stated
 * duration ("Duration: 2 hours", "lasted 45 minutes", "a 3-hour outage").
 */
import type { PostmortemModel, Section } from '../model/types';
import { shiftStamp } from './extract';
import { StampReader, trailingZone, type Stamp } from './stamps';
import type { ZoneDeclaration } from './types';

/** Stamps (absolute offsets) of the Summary's start and end, and its stated duration. */
export interface RawSummary {
  section: Section;
  start?: Stamp;
  end?: Stamp;
  /** The end came from the same range as the start (its date and zone follow the start's). */
  ranged: boolean;
  duration?: { minutes: number; start: number; end: number; text: string };
  /** A zone in parentheses ending the line of a start or end that writes none ("… on 2024-01-21 (UTC)"). */
  lineZone?: ZoneDeclaration;
}

const START_LABEL = /^[\s*_>-]{0,6}(?:(?:incident|outage|impact)\s+)?(?:start(?:ed)?(?:\s+(?:time|at))?|began|begin(?:ning)?)[\s*_]{0,4}:[\s*_]{0,4}/i;
const END_LABEL = /^[\s*_>-]{0,6}(?:(?:incident|outage|impact)\s+)?(?:end(?:ed)?(?:\s+(?:time|at))?|resolved(?:\s+at)?|recovered(?:\s+at)?)[\s*_]{0,4}:[\s*_]{0,4}/i;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const AMOUNT = String.raw`(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[ \t-]{0,2}(?:days?|d|hours?|hrs?|h|minutes?|mins?|m)\b(?:[ \t,]{0,3}(?:and[ \t]{1,3})?\d{1,2}[ \t-]{0,2}(?:minutes?|mins?|m)\b)?`;
/** Phrases that state how long the incident lasted (a "window of 4 hours" is a plan, not a duration). */
const DURATION_PHRASES = [
  new RegExp(String.raw`\bduration[\s*_]{0,4}(?:of[ \t]{1,3}(?:the[ \t]{1,3})?(?:outage|incident|impact)[\s*_]{0,4})?:[\s*_]{0,4}(?:about[ \t]{1,3}|approximately[ \t]{1,3}|~)?(${AMOUNT})`, 'i'),
  new RegExp(String.raw`\blast(?:ed|ing)[ \t]{1,3}(?:for[ \t]{1,3})?(?:about[ \t]{1,3}|approximately[ \t]{1,3}|around[ \t]{1,3}|roughly[ \t]{1,3}|nearly[ \t]{1,3})?(${AMOUNT})`, 'i'),
  new RegExp(String.raw`\b(${AMOUNT})[ \t]{1,3}(?:long[ \t]{1,3})?(?:outage|incident|downtime|disruption)\b`, 'i'),
  new RegExp(String.raw`\b(?:outage|downtime|disruption)[ \t]{1,3}of[ \t]{1,3}(?:about[ \t]{1,3}|approximately[ \t]{1,3})?(${AMOUNT})`, 'i'),
];

/** Prose that says when the incident started or ended: "began at approximately 7:30 pm (CST)", "ended at 10:00 GMT". */
const PROSE_START = /\b(?:began|begun|started|starting|occurred|commenced)\b/gi;
const PROSE_END = /\b(?:ended|ending|resolved|restored|recovered|mitigated)\b/gi;
/** How far after its verb a time may be and still be what the verb is about. */
const PROSE_REACH = 48;

/** The first stamp with a time that follows a match of `verb` closely, in absolute offsets. */
function proseStamp(reader: StampReader, verb: RegExp, base: number): Stamp | undefined {
  verb.lastIndex = 0;
  let stamps: Stamp[] | undefined;
  for (let m = verb.exec(reader.text); m; m = verb.exec(reader.text)) {
    stamps ??= reader.all();
    const after = m.index + m[0].length;
    const stamp = stamps.find((s) => s.start >= after && s.start - after <= PROSE_REACH);
    if (stamp) return shiftStamp(stamp, base);
  }
  return undefined;
}

/** Minutes in an amount such as "2 hours", "1h 30m", "two days", "90 minutes". */
export function minutesIn(amount: string): number | undefined {
  const parts = /^(\d+(?:\.\d+)?|[a-z]+)[ \t-]{0,2}([a-z]+)(?:[ \t,]{0,3}(?:and[ \t]{1,3})?(\d{1,2})[ \t-]{0,2}[a-z]+)?$/i.exec(amount.trim());
  if (!parts) return undefined;
  const n = /^\d/.test(parts[1]) ? Number(parts[1]) : NUMBER_WORDS[parts[1].toLowerCase()];
  if (n === undefined) return undefined;
  const unit = parts[2].toLowerCase();
  const per = unit.startsWith('d') ? 1440 : unit.startsWith('h') ? 60 : 1;
  return Math.round(n * per + (parts[3] ? Number(parts[3]) : 0));
}

/** Reads the Summary section's start, end and stated duration. */
export function readSummary(model: PostmortemModel, section: Section): RawSummary {
  const raw: RawSummary = { section, ranged: false };
  if (section.contentStart >= section.end) return raw;
  let firstRange: Stamp | undefined;
  const prose: { start?: Stamp; end?: Stamp } = {};
  for (const line of model.index.linesBetween(section.contentStart, section.end)) {
    if (line.offset >= section.end) break;
    const text = line.text.slice(0, Math.max(0, section.end - line.offset));
    const reader = new StampReader(text);
    const start = START_LABEL.exec(text);
    const end = END_LABEL.exec(text);
    if (start && !raw.start) raw.start = firstStamp(reader, start[0].length, line.offset);
    else if (end && !raw.end) raw.end = firstStamp(reader, end[0].length, line.offset);
    if (!firstRange) {
      const ranged = reader.all().find((s) => s.rangeEnd?.time);
      if (ranged) firstRange = shiftStamp(ranged, line.offset);
    }
    prose.start ??= proseStamp(reader, PROSE_START, line.offset);
    prose.end ??= proseStamp(reader, PROSE_END, line.offset);
    if (!raw.duration) {
      for (const phrase of DURATION_PHRASES) {
        const m = phrase.exec(text);
        const minutes = m ? minutesIn(m[1]) : undefined;
        if (m && minutes !== undefined) {
          const at = line.offset + m.index + m[0].length - m[1].length;
          raw.duration = { minutes, start: at, end: at + m[1].length, text: m[1] };
          break;
        }
      }
    }
  }
  if (!raw.start && !raw.end && firstRange) {
    raw.start = firstRange;
    raw.end = firstRange.rangeEnd;
    raw.ranged = true;
  } else if (!raw.start && !raw.end) {
    raw.start = prose.start;
    // "began at 10:00 and was resolved by 11:00": the end is a later time than the start.
    if (prose.end && prose.end.start !== prose.start?.start) raw.end = prose.end;
  }
  const lineZone = [raw.start, raw.end].map((stamp) => stamp && lineZoneOf(model, stamp)).find(Boolean);
  if (lineZone) raw.lineZone = lineZone;
  return raw;
}

function lineZoneOf(model: PostmortemModel, stamp: Stamp): ZoneDeclaration | undefined {
  if (!stamp.time || stamp.zone || stamp.rangeEnd?.zone) return undefined;
  const line = model.index.positionAt(stamp.start).line;
  const offset = model.index.lineStart(line);
  const token = trailingZone(model.text.slice(offset, model.index.lineEnd(line)), (stamp.rangeEnd ?? stamp).end - offset);
  return token && { zone: token.zone, start: offset + token.start, end: offset + token.end, source: 'line' };
}

function firstStamp(reader: StampReader, from: number, base: number): Stamp | undefined {
  const stamp = reader.all().find((s) => s.start >= from);
  return stamp ? shiftStamp(stamp, base) : undefined;
}
