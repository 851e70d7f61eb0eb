import type { Fix } from '../findings';
import type { TextEdit } from '../text';
import { timelineOf, zoneLabelAt, type Timeline, type TimelineEntry, type ZoneInfo } from '../timeline';
import { convertEdits, entryConvertible, mergeEdits, summaryConvertible } from '../timeline/fixes';
import { formatInstant } from '../timeline/format';
import { sameZone, wallClock } from '../timeline/zones';
import type { Rule } from './types';
import { zoneSlip } from './zoneSlip';

export const timezoneMixed: Rule = {
  id: 'timezone-mixed',
  description: 'Times in one document in different zones, without the conversion stated.',
  defaultSeverity: 'warning',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const common = referenceZone(timeline);
    const { entries } = timeline;
    const label = (zone: ZoneInfo, at: number) => zoneLabelAt(zone, wallClock(at, zone).isDST);

    entries.forEach((entry, i) => {
      const reference = mixedAgainst(entry, common);
      if (!reference || !entry.writtenZone || entry.instant === null) return;
      const describeZone = (at: number) => label(reference, at);
      // The entries after it that carry its zone move with it, or their instants would change.
      const carried: TimelineEntry[] = [];
      for (let j = i + 1; j < entries.length && entries[j].zoneSource === 'carried'; j++) if (entries[j].instant !== null) carried.push(entries[j]);
      const parts = [
        convertEdits(model, entryConvertible(entry), reference, true),
        // A carried time on the other side of a DST change gets its own label (PDT after PST), or it would carry a wrong one.
        ...carried.map((e) => convertEdits(model, { ...entryConvertible(e), end: e.timeToken!.end }, reference, describeZone(e.instant!) !== describeZone(entry.instant!))),
      ];
      // No fix when a time cannot be converted alone (it would move to another day), or when its written
      // date would change under undated entries that read their day from it: stating both is left to the author.
      const edits: TextEdit[] | undefined = parts.every((part) => part !== undefined) && !strandsFollowers(entries, i, reference) ? parts.flat() : undefined;
      const converted = formatInstant(entry.instant, reference, entry.time!, true).text;
      const written = model.text.slice(entry.timeToken!.start, entry.token!.clockEnd);
      const slip = zoneSlip(model, timeline, i, reference);
      const conversion: Fix[] = edits
        ? [{ title: `Convert to ${describeZone(entry.instant)}: ${converted}${carried.length ? ` (and ${carried.length === 1 ? 'the entry after it, which carries' : `the ${carried.length} entries after it, which carry`} its zone)` : ''}`, edits, isPreferred: !slip }]
        : [];
      report({
        start: entry.timeToken!.start,
        end: entry.token!.clockEnd,
        message: slip
          ? `${written} among ${describeZone(entry.instant)} entries: did you mean ${slip.meant}? If ${written} is right, convert it (${converted}), or state both ("${written} (${converted})").`
          : `This entry is in ${entry.writtenZone.zone.label} while the timeline is in ${describeZone(entry.instant)}: convert it (${converted}), or state both ("${written} (${converted})").`,
        // A slip of the label is fixed by writing the label meant; converting would move the time by hours.
        fixes: slip ? [slip.fix, ...conversion] : conversion,
      });
    });

    const summary = timeline.summary;
    const reference = common;
    if (!reference) return;
    const describeZone = (at: number) => label(reference, at);
    for (const [time, other] of [[summary?.startTime, summary?.endTime], [summary?.endTime, summary?.startTime]] as const) {
      if (!time?.writtenZone || time.instant === null || !time.exact || time.zoneSource !== 'time') continue;
      if (sameZone(time.writtenZone.zone, reference, time.instant)) continue;
      const converted = formatInstant(time.instant, reference, time.time, true).text;
      const edits = convertEdits(model, summaryConvertible(time), reference, true);
      // "From 14:00 to 14:30 UTC-3": the other end borrows this zone, so it converts too, or its instant would move.
      const borrows = other && other.zoneSource === 'range' && (!other.writtenZone || other.writtenZone.start === time.writtenZone.start);
      const otherEdits = borrows && other.instant !== null ? convertEdits(model, summaryConvertible(other), reference, false) : undefined;
      const withOther = !edits ? undefined : borrows ? (otherEdits ? mergeEdits([...edits, ...otherEdits]) : undefined) : edits;
      report({
        start: time.timeStart,
        end: time.clockEnd,
        message: `The Summary gives ${model.text.slice(time.timeStart, time.clockEnd)} while the timeline is in ${describeZone(time.instant)}: convert it (${converted}), or state both.`,
        fixes: withOther ? [{ title: `Convert to ${describeZone(time.instant)}: ${converted}`, edits: withOther, isPreferred: true }] : [],
      });
    }
  },
};

/**
 * The zone an entry is held to when it is written in another one (what this rule reports):
 * the zone declared where it stands (a table header, the heading), else the common one
 * (`referenceZone`). Null when the entry is in it, states the conversion, or carries its zone.
 */
export function mixedAgainst(entry: TimelineEntry, common: ZoneInfo | null): ZoneInfo | null {
  if (!entry.writtenZone || entry.instant === null || entry.statesConversion || entry.zoneSource !== 'time') return null;
  const declared = entry.declaredZone && entry.declaredZone.source !== 'config' ? entry.declaredZone.zone : null;
  const reference = declared ?? common;
  return reference && !sameZone(entry.writtenZone.zone, reference, entry.instant) ? reference : null;
}

/**
 * Whether converting entry `i` changes its written date while undated entries below read their
 * day from it ("2024-03-10 02:30 IST" becomes "2024-03-09 21:00 UTC": a "12:00 UTC" under it
 * would move a day back).
 */
function strandsFollowers(entries: readonly TimelineEntry[], i: number, reference: ZoneInfo): boolean {
  const entry = entries[i];
  if (!entry.writtenDate || entry.instant === null) return false;
  const day = formatInstant(entry.instant, reference, entry.time!, true).date;
  const written = entry.writtenDate.date;
  if (day.year === written.year && day.month === written.month && day.day === written.day) return false;
  for (let j = i + 1; j < entries.length; j++) {
    const e = entries[j];
    if (e.writtenDate || (e.dateSource !== null && e.dateSource !== 'entry' && e.dateSource !== 'rollover')) return false;
    if (e.time && e.dateSource !== null) return true;
  }
  return false;
}

/**
 * The zone the document states for its times: the Timeline's declaration, a document-wide
 * one (front matter, preamble; not the configured default, a fallback rather than a
 * statement), else the zone most entries are in (the first on a tie).
 */
export function referenceZone(timeline: Timeline): ZoneInfo | null {
  const declared = timeline.sections[0]?.declared ?? (timeline.documentZone?.source === 'config' ? null : timeline.documentZone);
  if (declared) return declared.zone;
  const counts = new Map<string, { zone: ZoneInfo; n: number }>();
  // The entries held to this zone vote for it: not those under their own declaration (a table's
  // "Time (PST)"), or converting them to that declaration would change the vote, and the fix
  // of one pass would call for another.
  const own = (e: TimelineEntry) => !e.declaredZone || e.declaredZone.source === 'config';
  const voters = timeline.entries.some(own) ? timeline.entries.filter(own) : timeline.entries;
  for (const e of voters) {
    if (!e.zone || e.instant === null || e.zoneSource === 'config') continue;
    const seen = counts.get(e.zone.id);
    if (seen) seen.n++;
    else counts.set(e.zone.id, { zone: e.zone, n: 1 });
  }
  let best: { zone: ZoneInfo; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.zone ?? null;
}
