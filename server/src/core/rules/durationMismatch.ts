import { formatDuration, timelineOf, type SummaryTime, type TimelineEntry } from '../timeline';
import { timedEntries } from '../timeline/milestones';
import type { Rule } from './types';

/** Minutes between a Summary time and an entry: as instants when both have a zone, else as wall clocks (time of day alone without dates). */
function distance(time: SummaryTime, entry: TimelineEntry): number {
  if (time.zone && entry.zone && time.date && entry.date) return Math.abs(time.instant! - entry.instant!) / 60_000;
  if (time.date && entry.date) return Math.abs(time.local! - entry.local!) / 60_000;
  const a = Math.abs(time.local! - entry.local!) / 60_000 % 1440;
  return Math.min(a, 1440 - a);
}

export const durationMismatch: Rule = {
  id: 'duration-mismatch',
  description: "The Summary's start, end or stated duration disagrees with itself or with the timeline.",
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const summary = timeline.summary;
    if (!summary) return;
    const tolerance = config.timeline.tolerance;
    const { entries, milestones } = timeline;
    const timed = timedEntries(entries);
    // Quoted as read, without the code-span and bold marks that wrap parts of it.
    const written = (start: number, end: number) => model.text.slice(start, end).replace(/[`*]+/g, '');
    const at = (e: TimelineEntry) => `${e.token ? written(e.token.start, e.token.end) : '?'} (line ${e.line + 1})`;
    const { startTime, endTime, duration } = summary;
    const usable = (t: SummaryTime | null): t is SummaryTime => Boolean(t && t.instant !== null);

    if (usable(startTime) && timed.length > 0) {
      const candidates = [timed[0], ...(milestones.startIsImpact ? [entries[milestones.start!]] : [])];
      if (candidates.every((e) => distance(startTime, e) > tolerance)) {
        const impact = milestones.startIsImpact ? ` and the impact starts at ${at(entries[milestones.start!])}` : '';
        report({
          start: startTime.timeStart,
          end: startTime.end,
          message: `The Summary says the incident started at ${written(startTime.start, startTime.end)}, but the timeline's first entry is at ${at(timed[0])}${impact}: make them agree.`,
        });
      }
    }
    if (usable(endTime) && timed.length > 0) {
      const last = timed[timed.length - 1];
      const candidates = [last, ...timed.filter((e) => e.kind === 'resolved')];
      if (candidates.every((e) => distance(endTime, e) > tolerance)) {
        const resolved = milestones.resolved !== null && milestones.resolved !== last.index ? ` and it is resolved at ${at(entries[milestones.resolved])}` : '';
        report({
          start: endTime.timeStart,
          end: endTime.end,
          message: `The Summary says the incident ended at ${written(endTime.start, endTime.end)}, but the timeline's last entry is at ${at(last)}${resolved}: make them agree.`,
        });
      }
    }
    if (usable(startTime) && usable(endTime) && endTime.instant! < startTime.instant!) {
      report({ start: endTime.timeStart, end: endTime.end, message: "The Summary's end is before its start: correct one of the two times (or their dates)." });
    }
    if (!duration) return;
    const span = usable(startTime) && usable(endTime) ? (endTime.instant! - startTime.instant!) / 60_000 : null;
    if (span !== null) {
      if (Math.abs(span - duration.minutes) > tolerance) {
        report({
          start: duration.start,
          end: duration.end,
          message: `The Summary states a duration of ${formatDuration(duration.minutes)}, but its own start and end are ${formatDuration(span)} apart: make them agree.`,
        });
      }
      return;
    }
    const { durationMinutes, ttrMinutes } = timeline.metrics;
    const figures = [durationMinutes, ttrMinutes].filter((m): m is number => m !== null);
    if (figures.length > 0 && figures.every((m) => Math.abs(m - duration.minutes) > tolerance)) {
      report({
        start: duration.start,
        end: duration.end,
        message: `The Summary states a duration of ${formatDuration(duration.minutes)}, but the timeline runs ${formatDuration(durationMinutes ?? 0)}${ttrMinutes !== null && ttrMinutes !== durationMinutes ? ` (${formatDuration(ttrMinutes)} from impact to resolution)` : ''}: make them agree.`,
      });
    }
  },
};
