import type { Fix } from '../findings';
import type { PostmortemModel } from '../model/types';
import { zoneLabelAt, type Timeline, type TimelineEntry, type ZoneInfo } from '../timeline';
import { offsetFollows } from '../timeline/fixes';
import { instantOf, sameZone, wallClock } from '../timeline/zones';

/** A zone label that is probably a slip for the timeline's: what the writer likely meant, and the fix that writes it. */
export interface ZoneSlip {
  /** The time as written with the timeline's zone in place of its own ("4:00 PM CAT"). */
  meant: string;
  fix: Fix;
}

/**
 * Whether entry `i`, written in another zone than `reference`, reads as a slip of the label
 * ("4:00 PM EDT" among CAT entries): the timed entries around it are in the reference zone,
 * no time of the Summary is in its zone, no entry after it carries its zone, and as written it
 * is out of order with its neighbours while the same wall-clock time in the reference zone
 * falls between them. Undefined otherwise: then converting it is the likelier fix.
 */
export function zoneSlip(model: PostmortemModel, timeline: Timeline, i: number, reference: ZoneInfo): ZoneSlip | undefined {
  const { entries } = timeline;
  const entry = entries[i];
  const zone = entry.writtenZone;
  if (!zone || entry.instant === null || entry.local === null || !entry.time || !entry.timeToken || !entry.token) return undefined;
  if (entries[i + 1]?.zoneSource === 'carried' || offsetFollows(model, zone.end)) return undefined;
  const timed = (e: TimelineEntry | undefined) => e !== undefined && e.instant !== null && e.zone !== null;
  let previous: TimelineEntry | undefined;
  let next: TimelineEntry | undefined;
  for (let j = i - 1; j >= 0 && !previous; j--) if (timed(entries[j])) previous = entries[j];
  for (let j = i + 1; j < entries.length && !next; j++) if (timed(entries[j])) next = entries[j];
  if (!previous && !next) return undefined;
  if (![previous, next].every((e) => !e || sameZone(e.zone!, reference, e.instant!))) return undefined;
  const summary = [timeline.summary?.startTime, timeline.summary?.endTime];
  if (summary.some((t) => t?.zone && t.instant !== null && sameZone(t.zone, zone.zone, t.instant))) return undefined;
  const wall = new Date(entry.local);
  const day = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  const relabelled = instantOf(day, entry.time, reference, entry.date !== null);
  const between = (at: number) => (!previous || at >= previous.instant!) && (!next || at <= next.instant!);
  if (between(entry.instant) || !between(relabelled)) return undefined;
  const label = zoneLabelAt(reference, wallClock(relabelled, reference).isDST);
  const text = model.text;
  const written = text.slice(entry.timeToken.start, entry.token.clockEnd);
  const meant = text.slice(entry.timeToken.start, zone.start) + label + text.slice(zone.end, entry.token.clockEnd);
  return { meant, fix: { title: `Change ${written} to ${meant}`, edits: [{ range: model.index.range(zone.start, zone.end), newText: label }], isPreferred: true } };
}
