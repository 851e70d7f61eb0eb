import type { CodeLens } from 'vscode-languageserver';
import { formatDuration, type PostmortemModel, type Timeline, type TimelineMetrics } from '../core';

const LENSES: ReadonlyArray<{ key: keyof TimelineMetrics; label: string; what: string; milestone?: string }> = [
  { key: 'durationMinutes', label: 'Duration', what: 'first timed entry to last timed entry' },
  { key: 'ttdMinutes', label: 'TTD', what: 'time to detect, from impact start', milestone: 'detected' },
  { key: 'ttaMinutes', label: 'TTA', what: 'time to acknowledge, from impact start', milestone: 'acknowledged' },
  { key: 'ttmMinutes', label: 'TTM', what: 'time to mitigate, from impact start', milestone: 'mitigated' },
  { key: 'ttrMinutes', label: 'TTR', what: 'time to resolve, from impact start', milestone: 'resolved' },
];

/**
 * Above the Timeline heading: the incident's duration and its start-anchored metrics
 * (TTD, TTA when there is an acknowledgement, TTM, TTR). A metric whose milestone the
 * timeline lacks says so instead of a number. Lenses are labels: their command does nothing.
 */
export function metricLenses(model: PostmortemModel, timeline: Timeline): CodeLens[] {
  const heading = timeline.sections[0]?.section.heading;
  if (!heading || timeline.milestones.start === null) return [];
  const range = model.index.range(heading.start, heading.end);
  return LENSES.filter((lens) => lens.key !== 'ttaMinutes' || timeline.metrics.ttaMinutes !== null).map((lens) => {
    const minutes = timeline.metrics[lens.key];
    const value = minutes === null ? '—' : formatDuration(minutes);
    const tooltip = minutes === null ? `No "${lens.milestone}" entry in the timeline` : `${lens.label}: ${lens.what} (${minutes} minutes)`;
    return { range, command: { title: `${lens.label} ${value}`, command: '', tooltip } };
  });
}
