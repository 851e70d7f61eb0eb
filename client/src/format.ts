/**
 * How the client writes minutes and milestones for people: "2h 05m", "+1:05", "Time to
 * detect". Plain functions, no `vscode`, so they are easy to test.
 */
import type { MilestoneKind, TimelineEntryInfo, TimelineMetrics } from '../../server/src/lsp/protocol';

/** A length of time: "45m", "2h 05m", "1d 3h 00m"; "—" when unknown. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.round(Math.abs(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  if (days > 0) return `${sign}${days}d ${hours}h ${String(mins).padStart(2, '0')}m`;
  if (hours > 0) return `${sign}${hours}h ${String(mins).padStart(2, '0')}m`;
  return `${sign}${mins}m`;
}

/** An offset from the start: "+0:00", "+1:05", "+26:30", "-0:10"; "" when unknown. */
export function formatOffset(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '';
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes));
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The metrics in the order the view lists them, with their names. */
export const METRICS: ReadonlyArray<{ key: keyof TimelineMetrics; label: string; description: string }> = [
  { key: 'durationMinutes', label: 'Duration', description: 'first timed entry to last timed entry' },
  { key: 'ttdMinutes', label: 'Time to detect', description: 'impact start to detection' },
  { key: 'ttaMinutes', label: 'Time to acknowledge', description: 'impact start to acknowledgement' },
  { key: 'ttmMinutes', label: 'Time to mitigate', description: 'impact start to mitigation' },
  { key: 'ttrMinutes', label: 'Time to resolve', description: 'impact start to resolution' },
];

/** A milestone kind for people. */
export function milestoneLabel(kind: MilestoneKind): string {
  switch (kind) {
    case 'impact-start':
      return 'Impact starts';
    case 'detected':
      return 'Detected';
    case 'acknowledged':
      return 'Acknowledged';
    case 'escalated':
      return 'Escalated';
    case 'mitigated':
      return 'Mitigated';
    case 'resolved':
      return 'Resolved';
    default:
      return 'Event';
  }
}

/** A count with its noun: "1 problem", "3 problems". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text without the Markdown emphasis and code marks a row or tooltip would show literally. */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
}

/** The metrics on one line: "1h 56m · TTD 7m · TTA 13m · TTM — · TTR 1h 56m". */
export function metricsSummary(metrics: TimelineMetrics): string {
  return [
    formatMinutes(metrics.durationMinutes),
    `TTD ${formatMinutes(metrics.ttdMinutes)}`,
    `TTA ${formatMinutes(metrics.ttaMinutes)}`,
    `TTM ${formatMinutes(metrics.ttmMinutes)}`,
    `TTR ${formatMinutes(metrics.ttrMinutes)}`,
  ].join(' · ');
}

/**
 * Entries by time: timed entries by their offset from the first, the rest kept in document
 * order after the timed entry before them, so the list never loses an entry.
 */
export function inTimeOrder(entries: readonly TimelineEntryInfo[]): TimelineEntryInfo[] {
  let lastKey = Number.NEGATIVE_INFINITY;
  const keyed = entries.map((entry, index) => {
    if (entry.offsetMinutes !== null) lastKey = entry.offsetMinutes;
    return { entry, index, key: entry.offsetMinutes ?? lastKey };
  });
  return keyed.sort((a, b) => a.key - b.key || a.index - b.index).map((k) => k.entry);
}
