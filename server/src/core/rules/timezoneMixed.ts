import type { TextEdit } from '../text';
import { timelineOf, zoneLabelAt, type Timeline, type TimelineEntry, type ZoneInfo } from '../timeline';
import { convertEdits, type Convertible } from '../timeline/fixes';
import { formatInstant } from '../timeline/format';
import { sameZone, wallClock } from '../timeline/zones';
import type { Rule } from './types';

export const timezoneMixed: Rule = {
  id: 'timezone-mixed',
  description: 'Times in one document in different zones, without the conversion stated.',
  defaultSeverity: 'warning',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const reference = referenceZone(timeline);
    if (!reference) return;
    const { entries } = timeline;
    const describeZone = (at: number) => zoneLabelAt(reference, wallClock(at, reference).isDST);
    const odd = (zone: ZoneInfo, at: number) => !sameZone(zone, reference, at);

    entries.forEach((entry, i) => {
      if (!entry.writtenZone || entry.instant === null || entry.statesConversion || entry.zoneSource !== 'time') return;
      if (!odd(entry.writtenZone.zone, entry.instant)) return;
      // The entries after it that carry its zone move with it, or their instants would change.
      const carried: TimelineEntry[] = [];
      for (let j = i + 1; j < entries.length && entries[j].zoneSource === 'carried'; j++) if (entries[j].instant !== null) carried.push(entries[j]);
      const edits: TextEdit[] = [
        ...convertEdits(model, convertible(entry), reference, true),
        ...carried.flatMap((e) => convertEdits(model, { ...convertible(e), end: e.timeToken!.end }, reference, false)),
      ];
      const converted = formatInstant(entry.instant, reference, entry.time!, true).text;
      report({
        start: entry.timeToken!.start,
        end: entry.token!.end,
        message: `${model.text.slice(entry.timeToken!.start, entry.token!.end)} is in ${entry.writtenZone.zone.label}, but the timeline is in ${describeZone(entry.instant)}: convert it (${converted}), or state both ("… (${converted})").`,
        fixes: [{ title: `Convert to ${describeZone(entry.instant)}: ${converted}${carried.length ? ` (and ${carried.length === 1 ? 'the entry after it, which carries' : `the ${carried.length} entries after it, which carry`} its zone)` : ''}`, edits, isPreferred: true }],
      });
    });

    const summary = timeline.summary;
    for (const time of [summary?.startTime, summary?.endTime]) {
      if (!time?.writtenZone || time.instant === null || !time.exact || time.zoneSource !== 'time') continue;
      if (!odd(time.writtenZone.zone, time.instant)) continue;
      const converted = formatInstant(time.instant, reference, time.time, true).text;
      const item: Convertible = { timeStart: time.timeStart, end: time.end, time: time.time, instant: time.instant, writtenDate: time.writtenDate };
      report({
        start: time.timeStart,
        end: time.end,
        message: `The Summary gives ${model.text.slice(time.timeStart, time.end)} in ${time.writtenZone.zone.label}, but the timeline is in ${describeZone(time.instant)}: convert it (${converted}), or state both.`,
        fixes: [{ title: `Convert to ${describeZone(time.instant)}: ${converted}`, edits: convertEdits(model, item, reference, true), isPreferred: true }],
      });
    }
  },
};

function convertible(entry: TimelineEntry): Convertible {
  return { timeStart: entry.timeToken!.start, end: entry.token!.end, time: entry.time!, instant: entry.instant!, writtenDate: entry.writtenDate };
}

/** The zone the timeline is declared in; else the zone most of its entries write (the first on a tie). */
export function referenceZone(timeline: Timeline): ZoneInfo | null {
  const declared = timeline.sections[0]?.declared ?? timeline.documentZone;
  if (declared) return declared.zone;
  const counts = new Map<string, { zone: ZoneInfo; n: number }>();
  for (const e of timeline.entries) {
    if (!e.writtenZone || e.zoneSource !== 'time') continue;
    const seen = counts.get(e.writtenZone.zone.id);
    if (seen) seen.n++;
    else counts.set(e.writtenZone.zone.id, { zone: e.writtenZone.zone, n: 1 });
  }
  let best: { zone: ZoneInfo; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.zone ?? null;
}
