import type { Fix } from '../findings';
import type { PostmortemModel, Section } from '../model/types';
import { timelineOf, zoneLabelAt, type Timeline, type ZoneInfo } from '../timeline';
import { headingZoneEdit } from '../timeline/fixes';
import { machineZone, offsetZone, wallClock } from '../timeline/zones';
import type { Rule } from './types';
import { quote } from './util';

export const timezoneMissing: Rule = {
  id: 'timezone-missing',
  description: "Times in the Timeline, or the Summary's start and end, with no timezone from any source.",
  defaultSeverity: 'warning',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    for (const { section } of timeline.sections) {
      const unzoned = timeline.entries.filter((e) => e.time && !e.time.problem && !e.zone && e.start >= section.contentStart && e.start < section.end);
      if (unzoned.length === 0) continue;
      const elsewhere = zoneUsedOutside(timeline, section);
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

/** The zone the rest of the document uses: the Summary's, another Timeline's, or a declaration's. */
function zoneUsedOutside(timeline: Timeline, section: Section): { label: string; zone: ZoneInfo } | undefined {
  const summary = [timeline.summary?.startTime, timeline.summary?.endTime].find((t) => t?.zone);
  if (summary?.zone) return { label: labelFor(summary.zone, timeline), zone: summary.zone };
  const other = timeline.entries.find((e) => e.zone && (e.start < section.contentStart || e.start >= section.end));
  if (other?.zone) return { label: labelFor(other.zone, timeline), zone: other.zone };
  const declared = timeline.declarations.find((d) => d.source !== 'config');
  return declared ? { label: labelFor(declared.zone, timeline), zone: declared.zone } : undefined;
}

/** A zone's label, DST-correct for the timeline's first dated entry (PDT in summer, PST in winter). */
function labelFor(zone: ZoneInfo, timeline: Timeline): string {
  const dated = timeline.entries.find((e) => e.exact && e.instant !== null);
  if (!dated || zone.daylight === undefined) return zone.label;
  return zoneLabelAt(zone, wallClock(dated.instant!, zone).isDST);
}

/**
 * Declare a zone on the heading: the one used elsewhere (preferred), UTC, this machine's
 * zone; or write UTC on each time. Without a zone elsewhere none is preferred: `--fix` must
 * not guess what zone the author meant.
 */
function declareFixes(model: PostmortemModel, section: Section, elsewhere: { label: string; zone: ZoneInfo } | undefined, timeEnds: number[]): Fix[] {
  const options: Array<{ label: string; id: string; preferred: boolean }> = [];
  if (elsewhere) options.push({ label: elsewhere.label, id: elsewhere.zone.id, preferred: true });
  options.push({ label: 'UTC', id: offsetZone(0).id, preferred: false });
  const machine = machineZone();
  if (machine) options.push({ label: machine.label, id: machine.id, preferred: false });
  const seen = new Set<string>();
  const fixes: Fix[] = options
    .filter((o) => !seen.has(o.id) && seen.add(o.id))
    .map((o) => ({
      title: `Declare the timezone on the heading: "${o.label}"${o.preferred ? ' (used elsewhere in the document)' : ''}`,
      edits: [headingZoneEdit(model, section.heading, o.label)],
      isPreferred: o.preferred,
    }));
  const at = (offset: number) => model.index.range(offset, offset);
  fixes.push({ title: 'Write "UTC" after each of these times', edits: timeEnds.map((end) => ({ range: at(end), newText: ' UTC' })), isPreferred: false });
  return fixes;
}
