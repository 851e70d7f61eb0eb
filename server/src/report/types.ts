/**
 * The figures of a repository of postmortems (issue 15), as plain data: what
 * `postmortem-lint report` prints as Markdown, HTML or JSON, what the language server sends
 * the Postmortems view, and what the report webview renders. docs/report.md documents the
 * JSON shape; a change here is a change there.
 */

/** The time metrics of one incident, in minutes; null when its timeline does not state the milestone. */
export interface ReportMetrics {
  durationMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
}

/** An action item not yet done, where it is written. */
export interface ReportActionItem {
  /** The file as shown (relative to the folder the report covers). */
  file: string;
  /** The document's URI, when the host has one (the language server). */
  uri?: string;
  /** 1-based line of the item. */
  line: number;
  text: string;
  /** Null when the item names nobody or leaves the owner open ("Owner: TBD"). */
  owner: string | null;
  /** `YYYY-MM-DD`, null when no due date can be read. */
  due: string | null;
  /** `open`, `in-progress`, or null when the item does not say (it counts as not done). */
  state: 'open' | 'in-progress' | null;
  tracking: string | null;
  overdue: boolean;
  /** The incident the item comes from. */
  incident: { id: string | null; title: string; date: string | null };
}

/** Where a document's incident date comes from: front matter `date:`, or the date its text anchors its timeline to. */
export type DateSource = 'front-matter' | 'document';

/** One postmortem's row of the index. */
export interface ReportDocument {
  file: string;
  uri?: string;
  /** `YYYY-MM-DD`, the day the incident began; null when the document states none. */
  date: string | null;
  dateSource: DateSource | null;
  id: string | null;
  title: string;
  severity: string | null;
  status: string | null;
  metrics: ReportMetrics;
  /** Findings of the linter on the document, after `severityByStatus`. */
  problems: { errors: number; warnings: number };
  /** Counts of every action item of the document. */
  actionItems: { total: number; open: number; overdue: number };
  /** The items not yet done, in document order. */
  openActionItems: ReportActionItem[];
}

/** The four response metrics the figures summarise. */
export type MetricName = 'ttd' | 'tta' | 'ttm' | 'ttr';

export const METRIC_NAMES: readonly MetricName[] = ['ttd', 'tta', 'ttm', 'ttr'];

/** Median and 90th percentile of one metric over some incidents, and how many could not give it. */
export interface MetricSummary {
  /** Incidents whose timeline gives the metric. */
  count: number;
  /** Incidents whose timeline does not: left out of the figures, never guessed. */
  notStated: number;
  /** Minutes; null when no incident gives the metric. */
  median: number | null;
  p90: number | null;
}

/** The metric summaries of a set of incidents. */
export type MetricSummaries = Record<MetricName, MetricSummary>;

/** The figures of one calendar quarter. */
export interface QuarterFigures {
  /** `2024-Q1`. */
  quarter: string;
  incidents: number;
  metrics: MetricSummaries;
}

/** One owner's open action items, overdue first. */
export interface OwnerActionItems {
  /** The owner as first written; null for items that name nobody. */
  owner: string | null;
  open: number;
  overdue: number;
  items: ReportActionItem[];
}

/** Everything the report shows. */
export interface Report {
  /** The shape's version: 1. */
  version: 1;
  /** The date overdue items are counted from, and the incident dates the report covers (inclusive). */
  today: string;
  since: string | null;
  until: string | null;
  /** Newest first; documents without a date last. */
  documents: ReportDocument[];
  totals: {
    incidents: number;
    /** Documents whose incident date is not stated (in the index, left out of months and quarters). */
    undated: number;
    /** Postmortems found but outside `since`–`until`; undated ones are left out whenever a range is given. */
    leftOut: { outsideRange: number; undated: number };
    /** Every month from the first incident to the last, oldest first, months without one included. */
    byMonth: Array<{ month: string; incidents: number }>;
    /** The configured severities in their order, then others as written, then `null` (not stated); only those with incidents. */
    bySeverity: Array<{ severity: string | null; incidents: number }>;
  };
  metrics: {
    /** How the percentile is taken, for readers of the figures. */
    definition: string;
    overall: MetricSummaries;
    /** Every quarter from the first incident to the last, oldest first. */
    quarters: QuarterFigures[];
  };
  /** The five longest incidents by duration, longest first. */
  longest: Array<{ file: string; uri?: string; id: string | null; title: string; date: string | null; durationMinutes: number }>;
  actionItems: { open: number; overdue: number; byOwner: OwnerActionItems[] };
}
