/**
 * How the report writes its figures for people, the same in Markdown, HTML and the editor:
 * durations, counts, what a document does not state, and links to files and lines.
 */
import { formatDuration } from '../core/timeline/format';
import type { MetricSummary, Report, ReportDocument } from './types';

/** What a cell says for a figure the document does not state. */
export const NOT_STATED = 'not stated';

/** A length of time, "2 h 35 min"; "—" when not stated. */
export function minutes(value: number | null): string {
  return value === null ? '—' : formatDuration(value);
}

/** A count with its noun: "1 error", "3 errors". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "1 error, 2 warnings"; "none" without either. */
export function problems(doc: ReportDocument): string {
  const { errors, warnings } = doc.problems;
  const parts = [errors ? count(errors, 'error') : '', warnings ? count(warnings, 'warning') : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

/** "3 (1 overdue)", "0". */
export function openItems(doc: ReportDocument): string {
  const { open, overdue } = doc.actionItems;
  return overdue ? `${open} (${overdue} overdue)` : String(open);
}

/** The index's headers; `indexRow` gives a row's cells in this order. */
export const INDEX_HEADERS = ['Date', 'ID', 'Title', 'Severity', 'Status', 'Duration', 'TTD', 'TTA', 'TTM', 'TTR', 'Problems', 'Open action items'];

/** A document's row of the index: `text` writes document text (or what is not stated), `title` is the title already written and linked. */
export function indexRow(d: ReportDocument, text: (value: string | null) => string, title: string): string[] {
  const { durationMinutes, ttdMinutes, ttaMinutes, ttmMinutes, ttrMinutes } = d.metrics;
  return [text(d.date), text(d.id), title, text(d.severity), text(d.status), ...[durationMinutes, ttdMinutes, ttaMinutes, ttmMinutes, ttrMinutes].map(minutes), problems(d), openItems(d)];
}

/** "7 min · 12 min", with "(2 not stated)" when some incidents do not give the metric. */
export function summaryCell(summary: MetricSummary): string {
  const figures = summary.count === 0 ? '—' : `${minutes(summary.median)} · ${minutes(summary.p90)}`;
  return summary.notStated ? `${figures} (${summary.notStated} ${NOT_STATED})` : figures;
}

/** What the report covers, in one sentence. */
export function coverage(report: Report): string {
  const dated = report.documents.map((d) => d.date).filter((d): d is string => d !== null);
  const [first, last] = [dated[dated.length - 1], dated[0]];
  const span = !first ? '' : first === last ? ` on ${first}` : ` from ${first} to ${last}`;
  const range = report.since || report.until ? ` (dates ${report.since ?? '…'} to ${report.until ?? '…'})` : '';
  const items = `${count(report.actionItems.open, 'open action item')}${report.actionItems.overdue ? `, ${report.actionItems.overdue} overdue on ${report.today}` : ''}`;
  const undated = report.totals.undated ? `; ${report.totals.undated} without a date` : '';
  return `${count(report.totals.incidents, 'incident')}${span}${range}${undated} · ${items}.`;
}

/** What was left out by the date range, when anything was. */
export function leftOut(report: Report): string | undefined {
  const { outsideRange, undated } = report.totals.leftOut;
  const parts = [outsideRange ? `${count(outsideRange, 'postmortem')} outside the dates` : '', undated ? `${count(undated, 'postmortem')} without a date` : ''].filter(Boolean);
  return parts.length ? `Left out: ${parts.join(', ')}.` : undefined;
}

/** "checkout-latency.md:36": where an item is, short (its link holds the whole path). */
export function where(file: string, line: number): string {
  return `${file.split(/[\\/]/).pop()}:${line}`;
}

/** Where a row links to: a document, and a line in it. */
export interface LinkTarget {
  file: string;
  uri?: string;
}

/** The href of a file (and line), or undefined for no link. */
export type LinkFor = (target: LinkTarget, line?: number) => string | undefined;

/**
 * Links relative to where the report is read: `base` (a folder path from the report's file to
 * the folder the files are shown from, or an `https:` URL such as a repository's blob view),
 * then the file's path, then `#L12` (GitHub's line anchors).
 */
export function relativeLinks(base = ''): LinkFor {
  return (target, line) => {
    const path = target.file.split(/[\\/]/).map(encodeURIComponent).join('/');
    // `./` keeps a file named like a URL scheme ("javascript:x.md") a path.
    const prefix = /^https?:\/\//i.test(base) ? base.replace(/\/?$/, '/') : base ? `${base.replace(/[\\/]?$/, '/')}` : './';
    return `${prefix}${path}${line ? `#L${line}` : ''}`;
  };
}
