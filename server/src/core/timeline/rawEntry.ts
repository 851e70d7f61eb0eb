/**
 * What the readers of a Timeline's blocks (lists, tables, paragraph lines, sub-headings)
 * produce: entries and date anchors as found in the text, before they are placed in time.
 */
import type { Nodes } from 'mdast';
import type { DateToken } from './dates';
import type { classify } from './milestones';
import { shiftStamp } from './shift';
import { describe, StampReader, trailingZone, type Stamp } from './stamps';
import type { EntryContainer, ZoneDeclaration, ZoneMention } from './types';
import { detached } from '../text';

/** An entry as found in the text, before it is placed in time. Offsets are absolute. */
export interface RawEntry {
  type: 'entry';
  start: number;
  end: number;
  blockEnd: number;
  container: EntryContainer;
  stamp?: Stamp;
  text: string;
  /** The zone the table's time column header declares. */
  tableZone?: ZoneDeclaration;
  /** A zone in parentheses at the end of the entry's line, for a time that writes none. */
  lineZone?: ZoneDeclaration;
  statesConversion: boolean;
  /** The milestone the entry's text marks (read with the entry, so it is kept with it across edits). */
  milestone?: Milestone;
  /** Its stamp is inside its text, not where it begins ("Around 09:07 WAT, users reported…"). */
  inText?: boolean;
}

export type Milestone = ReturnType<typeof classify>;

/**
 * A date line or date sub-heading: the entries after it fall on this date. A heading over a
 * stretch of entries (`### 22:04-23:00 UTC: Split found`) may give them a zone instead, or too.
 */
export interface RawAnchor {
  type: 'anchor';
  date?: DateToken;
  zone?: ZoneMention;
}

export type RawItem = RawEntry | RawAnchor;

/** The start and end offsets of a node. */
export function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** An entry from a line read at `base`; `inText` when its stamp is not where the line begins. */
export function entryOf(text: string, base: number, stamp: Stamp | undefined, container: EntryContainer, inText = false): RawEntry {
  const lead = text.length - text.trimStart().length;
  const after = stamp && !inText ? text.slice((stamp.rangeEnd ?? stamp).end) : text;
  const entry: RawEntry = {
    type: 'entry',
    start: base + lead,
    end: base + text.trimEnd().length,
    blockEnd: base + text.trimEnd().length,
    container,
    // Memoised with its block across versions (extract.ts): its own copy, not a slice of this version's text.
    text: detached(describe(after.replace(CONVERSION, ''))),
    statesConversion: stamp ? statesConversion(text, (stamp.rangeEnd ?? stamp).end) : false,
  };
  if (stamp) entry.stamp = shiftStamp(stamp, base);
  if (inText) entry.inText = true;
  const trailing = stamp?.time && !stamp.zone ? trailingZone(text, (stamp.rangeEnd ?? stamp).end) : undefined;
  if (trailing) entry.lineZone = { zone: trailing.zone, start: base + trailing.start, end: base + trailing.end, source: 'line' };
  return entry;
}

/** `10:00 PDT (17:00 UTC)`, `10:00 PDT / 17:00 UTC`: the time restated in another zone. */
const CONVERSION = /^[\s*_`]{0,4}[(/][ \t]{0,2}(?:\d{1,2}:\d{2}|\d{1,2}[ \t]?[ap]\.?m)[^)\n]{0,30}\)?/i;

function statesConversion(text: string, end: number): boolean {
  const rest = text.slice(end);
  if (!CONVERSION.test(rest)) return false;
  const reader = new StampReader(rest.replace(/^[\s*_`]{0,4}[(/][ \t]{0,2}/, (m) => ' '.repeat(m.length)));
  const other = reader.atLead(false);
  return Boolean(other?.time && other.zone);
}

/** A template leftover (`XX:XX UTC: {event}`, `TODO`): `empty-section` reports it; it is not an entry. */
export const PLACEHOLDER = /\b[Xx]{1,2}:[Xx]{2}\b|\b[Hh]{1,2}:[Mm]{2}\b|\{[^{}\n]*\}|^[\s*_]*(?:\[[ xX]?\][ \t]*)?(?:TODO|TBD|TBA|FIXME)\b|^\s*$/;

/** Whether a stamp with a placeholder time heads a real entry (`xx:xx Config restored`), not a template line (`XX:XX UTC: {event}`). */
export function isPlaceholderEntry(text: string, stamp: Stamp | undefined): boolean {
  if (!stamp?.placeholder) return false;
  const rest = describe(text.slice(stamp.end));
  return rest !== '' && !/\{[^{}\n]*\}|^(?:TODO|TBD|TBA|FIXME)\b/.test(rest);
}
