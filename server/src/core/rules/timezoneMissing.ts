import type { Fix } from '../findings';
import type { PostmortemModel, Section } from '../model/types';
import { timelineOf, zoneLabelAt, type Timeline, type TimelineEntry, type ZoneInfo } from '../timeline';
import { headingZoneEdit } from '../timeline/fixes';
import { machineZone, offsetZone, wallClock } from '../timeline/zones';
import { referenceZone } from './timezoneMixed';
import type { Rule } from './types';
import { quote } from './util';

export const timezoneMissing: Rule = {
  id: 'timezone-missing',
  description: "Times in the Timeline, or the Summary's start and end, with no timezone from any source.",
  defaultSeverity: 'warning',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const reference = referenceZone(timeline);
    for (const { section } of timeline.sections) {
      const unzoned = timeline.entries.filter((e) => e.time && !e.time.problem && !e.zone && e.start >= section.contentStart && e.start < section.end);
      if (unzoned.length === 0) continue;
      const elsewhere = zoneToDeclare(timeline, reference, section, unzoned);
      report({
        start: section.heading.start,
        end: section.heading.end,
        message: `The times in ${quote(section.heading.pseudo?.name ?? section.heading.text)} have no timezone (${unzoned.length === 1 ? 'one entry' : `${unzoned.length} entries`}): declare one on the heading, for example "Timeline (${elsewhere?.label ?? 'UTC'})", or write it on each time.`,
        fixes: declareFixes(model, section, elsewhere, unzoned.map((e) => e.timeToken!.end)),
      });
    }
    const summary = timeline.summary;
    const times = [summary?.startTime, summary?.endTime].filter((t) => t && !t.time.problem && !t.zone);
    if (summary && times.length > 0) {
      const elsewhere = timeline.zone ? { label: labelFor(timeline.zone, timeline), zone: timeline.zone } : undefined;
      const written = times.map((t) => model.text.slice(t!.timeStart, t!.timeEnd)).join(' and ');
      report({
        start: summary.section.heading.start,
        end: summary.section.heading.end,
        message: `The Summary's ${times.length === 2 ? 'start and end times' : 'time'} (${written}) ${times.length === 2 ? 'have' : 'has'} no timezone${timeline.zone ? " (the Timeline's zone does not reach the Summary)" : ''}: declare one on its heading, or write it on the times.`,
        fixes: declareFixes(model, summary.section, elsewhere, times.map((t) => t!.timeEnd)),
      });
    }
  },
};

/**
 * The zone to declare: the one timezone-mixed converts the timeline to (`referenceZone`), so
 * that one pass of fixes leaves every time and heading in it; without zoned entries, the
 * Summary's zone, or a declaration's.
 */
function zoneToDeclare(timeline: Timeline, reference: ZoneInfo | null, section: Section, unzoned: readonly TimelineEntry[]): { label: string; zone: ZoneInfo; inside?: boolean } | undefined {
  const own = timeline.entries.filter((e) => e.writtenZone && e.zone && e.start >= section.contentStart && e.start < section.end);
  const zone = (found: ZoneInfo, inside?: boolean) => ({ label: labelFor(found, timeline, unzoned), zone: found, ...(inside ? { inside } : {}) });
  // "The zone of the other times here" when the section's own zoned times are all in it.
  if (reference) return zone(reference, own.length > 0 && own.every((e) => e.zone!.id === reference.id));
  const summary = [timeline.summary?.startTime, timeline.summary?.endTime].find((t) => t?.zone);
  if (summary?.zone) return zone(summary.zone);
  const declared = timeline.declarations.find((d) => d.source !== 'config');
  return declared ? zone(declared.zone) : undefined;
}

/**
 * A zone's label, DST-correct for the times that will read it (PDT in summer, PST in winter):
 * the dated times being declared, else the timeline's first dated entry. Times on both sides
 * of a DST change get the zone's IANA name, right for each of them.
 */
function labelFor(zone: ZoneInfo, timeline: Timeline, readers: readonly TimelineEntry[] = []): string {
  if (zone.daylight !== undefined) {
    const states = new Set(readers.filter((e) => e.date && e.local !== null).map((e) => wallClock(e.local!, zone).isDST));
    if (states.size === 2 && zone.id.includes('/')) return zone.id;
    if (states.size === 1) return zoneLabelAt(zone, [...states][0]);
  }
  const dated = timeline.entries.find((e) => e.exact && e.instant !== null);
  if (!dated || zone.daylight === undefined) return zone.label;
  return zoneLabelAt(zone, wallClock(dated.instant!, zone).isDST);
}

/**
 * Declare a zone on the heading: the one used elsewhere (preferred), UTC, this machine's
 * zone; or write UTC on each time. Without a zone elsewhere none is preferred: `--fix` must
 * not guess what zone the author meant.
 */
function declareFixes(model: PostmortemModel, section: Section, elsewhere: { label: string; zone: ZoneInfo; inside?: boolean } | undefined, timeEnds: number[]): Fix[] {
  const options: Array<{ label: string; id: string; preferred: boolean }> = [];
  if (elsewhere) options.push({ label: elsewhere.label, id: elsewhere.zone.id, preferred: true });
  const where = elsewhere?.inside ? ' (the zone of the other times here)' : ' (used elsewhere in the document)';
  options.push({ label: 'UTC', id: offsetZone(0).id, preferred: false });
  const machine = machineZone();
  if (machine) options.push({ label: machine.label, id: machine.id, preferred: false });
  const seen = new Set<string>();
  const fixes: Fix[] = options
    .filter((o) => !seen.has(o.id) && seen.add(o.id))
    .map((o) => ({
      title: `Declare the timezone on the heading: "${o.label}"${o.preferred ? where : ''}`,
      edits: [headingZoneEdit(model, section.heading, o.label)],
      isPreferred: o.preferred,
      // The zone the document states elsewhere adds what the text leaves out; UTC or this machine's zone would be a guess.
      automatic: o.preferred,
      rereads: model.index.range(section.contentStart, section.end),
    }));
  const at = (offset: number) => model.index.range(offset, offset);
  fixes.push({ title: 'Write "UTC" after each of these times', edits: timeEnds.map((end) => ({ range: at(end), newText: ' UTC' })), isPreferred: false });
  return fixes;
}
