/**
 * The report over a set of postmortems: the index newest first, incidents per month and per
 * severity, medians and 90th percentiles of the response metrics per quarter and overall, the
 * longest incidents, and the open action items by owner. A metric a document cannot give is
 * counted as not stated, never guessed.
 */
import { groupByOwner } from './owners';
import { median, monthOf, monthsBetween, PERCENTILE_DEFINITION, percentile, quarterOf, quartersBetween } from './stats';
import { METRIC_NAMES, type MetricSummaries, type Report, type ReportDocument, type ReportMetrics } from './types';

/** What the report covers. */
export interface ReportOptions {
  /** `YYYY-MM-DD`: the date overdue items were counted from (the documents' figures were made with it). */
  today: string;
  /** Incident dates from and to (`YYYY-MM-DD`, inclusive); a document without a date is left out when either is set. */
  since?: string;
  until?: string;
  /** The configured severities, most severe first: the order of the per-severity counts. */
  severities?: readonly string[];
}

/** How many of the longest incidents the report lists. */
export const LONGEST_COUNT = 5;

const METRIC_KEYS: Record<(typeof METRIC_NAMES)[number], keyof ReportMetrics> = { ttd: 'ttdMinutes', tta: 'ttaMinutes', ttm: 'ttmMinutes', ttr: 'ttrMinutes' };

/** The report over the documents' figures. */
export function buildReport(all: readonly ReportDocument[], options: ReportOptions): Report {
  const ranged = options.since !== undefined || options.until !== undefined;
  const inRange = (d: ReportDocument) => d.date !== null && (options.since === undefined || d.date >= options.since) && (options.until === undefined || d.date <= options.until);
  const documents = (ranged ? all.filter(inRange) : [...all]).sort(newestFirst);
  const dates = documents.map((d) => d.date).filter((d): d is string => d !== null).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const openItems = documents.flatMap((d) => d.openActionItems);
  return {
    version: 1,
    today: options.today,
    since: options.since ?? null,
    until: options.until ?? null,
    documents,
    totals: {
      incidents: documents.length,
      undated: documents.length - dates.length,
      leftOut: ranged ? { outsideRange: all.filter((d) => d.date !== null && !inRange(d)).length, undated: all.filter((d) => d.date === null).length } : { outsideRange: 0, undated: 0 },
      byMonth: first ? monthsBetween(first, last).map((month) => ({ month, incidents: dates.filter((d) => monthOf(d) === month).length })) : [],
      bySeverity: bySeverity(documents, options.severities ?? []),
    },
    metrics: {
      definition: PERCENTILE_DEFINITION,
      overall: summarise(documents),
      quarters: first
        ? quartersBetween(first, last).map((quarter) => {
            const inQuarter = documents.filter((d) => d.date !== null && quarterOf(d.date) === quarter);
            return { quarter, incidents: inQuarter.length, metrics: summarise(inQuarter) };
          })
        : [],
    },
    longest: documents
      .filter((d) => d.metrics.durationMinutes !== null)
      .sort((a, b) => b.metrics.durationMinutes! - a.metrics.durationMinutes! || newestFirst(a, b))
      .slice(0, LONGEST_COUNT)
      .map((d) => ({ file: d.file, ...(d.uri ? { uri: d.uri } : {}), id: d.id, title: d.title, date: d.date, durationMinutes: d.metrics.durationMinutes! })),
    actionItems: { open: openItems.length, overdue: openItems.filter((i) => i.overdue).length, byOwner: groupByOwner(openItems) },
  };
}

/** Newest incident first; undated documents after every dated one; then by ID and file. */
function newestFirst(a: ReportDocument, b: ReportDocument): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  return (b.id ?? '').localeCompare(a.id ?? '') || a.file.localeCompare(b.file);
}

/** The median and p90 of each metric over the documents that state it. */
function summarise(documents: readonly ReportDocument[]): MetricSummaries {
  const summaries = {} as MetricSummaries;
  for (const name of METRIC_NAMES) {
    const values = documents.map((d) => d.metrics[METRIC_KEYS[name]]).filter((v): v is number => v !== null);
    summaries[name] = { count: values.length, notStated: documents.length - values.length, median: median(values), p90: percentile(values, 90) };
  }
  return summaries;
}

/** Counts per severity: the configured ones in their order, then others as written, then not stated. */
function bySeverity(documents: readonly ReportDocument[], configured: readonly string[]): Report['totals']['bySeverity'] {
  const counts = new Map<string | null, number>();
  for (const d of documents) counts.set(d.severity, (counts.get(d.severity) ?? 0) + 1);
  const rank = (s: string | null) => (s === null ? Infinity : configured.includes(s) ? configured.indexOf(s) : configured.length);
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''))
    .map(([severity, incidents]) => ({ severity, incidents }));
}
