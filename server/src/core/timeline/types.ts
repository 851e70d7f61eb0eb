/**
 * The timeline as every host sees it: the rules, the CLI's `timeline` command and the
 * language server (hover, inlay hints, document symbols, the `postmortem/timeline` request)
 * all read one `Timeline`, computed once per model by `timelineOf`.
 *
 * Offsets are UTF-16 offsets into `model.text`; ranges are LSP-style (0-based).
 */
import type { Section } from '../model/types';
import type { Range } from '../text';

/** A calendar day, without time or zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A zone as the document names it, resolved to real timezone data. */
export interface ZoneInfo {
  /** What luxon understands: an IANA name (`America/Los_Angeles`), `UTC`, or a fixed offset (`UTC+3`). */
  id: string;
  /** The name as written, normalised: `PDT`, `Pacific Time`, `UTC+03:00`, `Europe/Paris`. */
  label: string;
  /** For a standard/daylight name (PST, PDT, "Pacific Standard Time"): whether it names daylight time. */
  daylight?: boolean;
  /** The offset (minutes east of UTC) an abbreviation stands for, used when the date is unknown. */
  nominalOffset?: number;
  /** The standard and daylight spellings of this name's region, for the DST fix. */
  pair?: { standard: string; daylight: string };
  /** Other meanings of an ambiguous abbreviation (IST, CST, BST), for `timezone-ambiguous`. */
  ambiguous?: string[];
  /** What the reading chose for an ambiguous abbreviation ("India Standard Time"). */
  meaning?: string;
}

/** A zone written somewhere in the document. */
export interface ZoneMention {
  zone: ZoneInfo;
  /** Offsets of the zone's text (`PDT`, `Pacific Time`, `+0100`). */
  start: number;
  end: number;
}

/** Where the zone of a time came from (SPEC §4, nearest first). */
export type ZoneSource = 'time' | 'carried' | 'range' | 'table' | 'heading' | 'line' | 'front-matter' | 'preamble' | 'config';

/** A zone declaration that applies to a run of times. */
export interface ZoneDeclaration extends ZoneMention {
  source: Exclude<ZoneSource, 'time' | 'carried' | 'range'>;
}

/** Where an entry's date came from. */
export type DateSource = 'entry' | 'anchor' | 'front-matter' | 'title' | 'summary' | 'rollover';

/** A time of day as written, with its validity. */
export interface TimeOfDay {
  /** 0–23 after AM/PM is applied (meaningless when `problem` is set). */
  hour: number;
  minute: number;
  second: number;
  /** Whether seconds were written. */
  hasSeconds: boolean;
  /** AM/PM as written, or null for a 24-hour time. */
  meridiem: 'am' | 'pm' | null;
  /** Why the time is invalid (`25:00`, `3:AM`, `00:30 PM`); undefined when it is valid. */
  problem?: string;
  /**
   * A 24-hour time written with AM/PM (`13:20 PM`, `00:30 AM`, `23:00 AM`): it is read at the
   * hour it states (`meridiem` is then null) and reported; `clock` is the time as written
   * without the meridiem, what the fix leaves.
   */
  slip?: { message: string; clock: string };
}

/** The milestone an entry marks. */
export type MilestoneKind = 'impact-start' | 'detected' | 'acknowledged' | 'escalated' | 'mitigated' | 'resolved' | 'other';

/**
 * The list, table or paragraph that holds entries (`headings`: a Timeline's sub-headings with
 * times, each with the text under it); the sort fix reorders units inside one container.
 */
export interface EntryContainer {
  kind: 'list' | 'table' | 'paragraph' | 'headings';
  start: number;
  end: number;
  /** For ordered lists: item numbers stay in place when items move. */
  ordered?: boolean;
}

/** One timeline entry: a list item, a table row or a paragraph line. */
export interface TimelineEntry {
  /** Position in `Timeline.entries` (document order). */
  index: number;
  /** 0-based line of the entry's first character. */
  line: number;
  /** Offsets of the entry's first line (the range findings about the entry use). */
  start: number;
  end: number;
  range: Range;
  /** Offset just past the whole entry, sub-items and continuation lines included (what a sort moves). */
  blockEnd: number;
  container: EntryContainer;
  /** The entry's description: its text without the date, time and zone, markup trimmed. */
  text: string;
  /** The time as written, or null for a day-level entry or an entry without a time. */
  time: TimeOfDay | null;
  /**
   * Offsets of the date-time token (date, time and zone as written), when there is one;
   * `clockEnd` is just past the time and its zone, what converting the time replaces.
   */
  token: { start: number; end: number; range: Range; clockEnd: number } | null;
  /** Offsets of the time of day alone (`10:30 PM`), where an inlay hint or a fix goes. */
  timeToken: { start: number; end: number; range: Range } | null;
  /** The date written on the entry, if any, and its offsets. */
  writtenDate: { date: CalendarDate; start: number; end: number; style: DateStyle } | null;
  /** The zone written on the entry's time, if any. */
  writtenZone: ZoneMention | null;
  /** The zone declared for the entry's place (table header, heading or the line under it, front matter, preamble, config), whatever the entry writes. */
  declaredZone: ZoneDeclaration | null;
  /** The zone that applies, from the nearest declaration, or null when none does. */
  zone: ZoneInfo | null;
  zoneSource: ZoneSource | null;
  /** The calendar date the entry falls on, in its zone (null when the document gives no date). */
  date: CalendarDate | null;
  dateSource: DateSource | null;
  /**
   * Milliseconds since the epoch, comparable between entries; null without a valid time.
   * When `exact` is false (no date or no zone) it is a comparison key: the wall-clock time
   * read as UTC on the anchor day (or 2000-01-01).
   */
  instant: number | null;
  /** Whether `instant` is a real instant: the entry has a date and a zone. */
  exact: boolean;
  /** The wall-clock time read as UTC (compared when the other side has no zone); null without a valid time. */
  local: number | null;
  /** ISO 8601 with offset (`2023-08-04T15:00:00+03:00`), or null without a date, a zone or a time. */
  iso: string | null;
  /** Minutes from the first timed entry (document order); null for untimed and day-level entries. */
  offsetMinutes: number | null;
  /** Minutes from the previous timed entry; null for the first and for untimed entries. */
  sincePreviousMinutes: number | null;
  /** A date without a time: valid, ordered by its date, left out of gaps and metrics. */
  dayLevel: boolean;
  kind: MilestoneKind;
  /** How the kind was decided: an explicit marker (`<START OF OUTAGE>`), a keyword, or neither. */
  kindSource: 'marker' | 'keyword' | null;
  /**
   * Set when the entry is out of place (one of the fewest entries whose removal leaves the
   * rest in order): earlier than the entry in order before it (`previous`, after roll-over),
   * or later than the one after it (`next`); with the correction that puts it between them.
   */
  outOfOrder?: { previous?: number; next?: number; correction?: Correction };
  /** The entry states its time in a second zone too ("10:00 PDT (17:00 UTC)"). */
  statesConversion: boolean;
  /** Offsets of a placeholder written where the time goes (`xx:xx`, `X`): the entry has no time yet. */
  placeholder?: { start: number; end: number };
}

/** A change to one entry that puts it in order: the other half of the day ("11:21 AM"), or another date. */
export interface Correction {
  /** Offsets of the text it replaces: the time, or the written date. */
  start: number;
  end: number;
  text: string;
  /** The entry's instant once corrected. */
  instant: number;
}

/** How a written date is spelled, so a fix can write a date the same way. */
export type DateStyle = 'iso' | 'month-name' | 'month-name-short' | 'numeric';

/** More than `timeline.maxGap` minutes between two consecutive timed entries. */
export interface TimelineGap {
  from: number;
  to: number;
  /** 1-based lines, as in the CLI's JSON. */
  fromLine: number;
  toLine: number;
  minutes: number;
}

/** Start-anchored metrics in minutes (FireHydrant's convention); null when the milestone is missing. */
export interface TimelineMetrics {
  /** First timed entry → last timed entry, in document order. */
  durationMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
}

/** The entries (by index in `entries`) that mark each milestone. */
export interface TimelineMilestones {
  /** The `impact-start` entry, else the first timed entry: what the metrics count from. */
  start: number | null;
  /** Whether `start` is a real `impact-start` entry (not just the first entry). */
  startIsImpact: boolean;
  detected: number | null;
  acknowledged: number | null;
  escalated: number | null;
  mitigated: number | null;
  /** The last `resolved` entry (an incident that recurs is resolved when it last recovers). */
  resolved: number | null;
}

/** A time the Summary states (its start or end). */
export interface SummaryTime {
  start: number;
  end: number;
  /** Offsets of the time of day alone. */
  timeStart: number;
  timeEnd: number;
  /** Just past the time and its zone: what converting the time replaces. */
  clockEnd: number;
  time: TimeOfDay;
  writtenZone: ZoneMention | null;
  zone: ZoneInfo | null;
  zoneSource: ZoneSource | null;
  date: CalendarDate | null;
  writtenDate: { date: CalendarDate; start: number; end: number; style: DateStyle } | null;
  instant: number | null;
  exact: boolean;
  /** The wall-clock time read as UTC: what is compared when one side has no zone. */
  local: number | null;
}

/** What the Summary says about when the incident happened. */
export interface SummaryTimes {
  section: Section;
  startTime: SummaryTime | null;
  endTime: SummaryTime | null;
  /** A stated duration ("Duration: 2 hours", "lasted 45 minutes"). */
  duration: { minutes: number; start: number; end: number; text: string } | null;
}

/** A numeric date whose day and month could swap (`04-12-2022`). */
export interface AmbiguousDate {
  start: number;
  end: number;
  text: string;
  /** How it was read (month/day unless the document settles it). */
  read: CalendarDate;
  other: CalendarDate;
}

/** One Timeline section of the document and what it declares. */
export interface TimelineSection {
  section: Section;
  /** The zone its heading or the line right under it declares. */
  declared: ZoneDeclaration | null;
}

/** The parsed timeline of a postmortem. */
export interface Timeline {
  sections: TimelineSection[];
  /** Every entry of every Timeline section, in document order. */
  entries: TimelineEntry[];
  gaps: TimelineGap[];
  milestones: TimelineMilestones;
  metrics: TimelineMetrics;
  /** The timeline's zone: declared for it, else the one zone its entries use; null when none. */
  zone: ZoneInfo | null;
  /** The zone declared for the whole document (front matter, preamble, config), if any. */
  documentZone: ZoneDeclaration | null;
  /** The date the document anchors undated times to, and where it came from. */
  anchor: { date: CalendarDate; source: DateSource } | null;
  summary: SummaryTimes | null;
  /** Numeric dates that could be read both ways; `settled` says whether the document decides. */
  ambiguousDates: AmbiguousDate[];
  /** How the document writes numeric dates, when its other dates settle it. */
  numericOrder: 'mdy' | 'dmy' | null;
  /** Every zone declaration in force somewhere (headings, lines, table headers, front matter, preamble). */
  declarations: ZoneDeclaration[];
}
