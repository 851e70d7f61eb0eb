/**
 * The rows of the Postmortems view, from the report the server answers (`postmortem/report`):
 * the "Open action items" node by owner, then the postmortems newest first, grouped by year.
 * Plain data and text, no `vscode`, so they are tested without an editor.
 */
import type { OwnerActionItems, Report, ReportActionItem, ReportDocument } from '../../server/src/report/types';
import { formatMinutes, plainText } from './format';

/** One row of the view; `uri` and `line` (0-based) say what a click opens. */
export type PostmortemRow =
  | { type: 'actions'; label: string; description: string; owners: OwnerActionItems[] }
  | { type: 'owner'; label: string; description: string; owner: OwnerActionItems }
  | { type: 'item'; label: string; description: string; item: ReportActionItem; uri?: string; line: number }
  | { type: 'year'; label: string; description: string; documents: ReportDocument[] }
  | { type: 'document'; label: string; description: string; document: ReportDocument; uri?: string; line: number; rank: number };

/** "1 error, 2 warnings", "no problems". */
export function problemCounts(problems: ReportDocument['problems']): string {
  const parts = [problems.errors ? `${problems.errors} error${problems.errors === 1 ? '' : 's'}` : '', problems.warnings ? `${problems.warnings} warning${problems.warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}

const openCount = (open: number, overdue: number) => `${open} open${overdue ? `, ${overdue} overdue` : ''}`;

/** The top rows: the open action items (when there are any), then one per year, newest first ("No date" last). */
export function topRows(report: Report): PostmortemRow[] {
  const rows: PostmortemRow[] = [];
  const { actionItems } = report;
  if (actionItems.open > 0) rows.push({ type: 'actions', label: 'Open action items', description: openCount(actionItems.open, actionItems.overdue), owners: actionItems.byOwner });
  const years = new Map<string, ReportDocument[]>();
  // The report lists documents newest first, undated last: the years come out in that order.
  for (const document of report.documents) {
    const year = document.date?.slice(0, 4) ?? 'No date';
    years.set(year, [...(years.get(year) ?? []), document]);
  }
  for (const [year, documents] of years) rows.push({ type: 'year', label: year, description: `${documents.length} postmortem${documents.length === 1 ? '' : 's'}`, documents });
  return rows;
}

/** The rows under a row. `severities` ranks severities for the icons (most severe first). */
export function childRows(row: PostmortemRow, severities: readonly (string | null)[] = []): PostmortemRow[] {
  switch (row.type) {
    case 'actions':
      return row.owners.map((owner) => ({ type: 'owner', label: owner.owner ?? 'No owner', description: openCount(owner.open, owner.overdue), owner }));
    case 'owner':
      return row.owner.items.map((item) => ({ type: 'item', label: plainText(item.text), description: itemDescription(item), item, uri: item.uri, line: item.line - 1 }));
    case 'year':
      return row.documents.map((document) => documentRow(document, severities));
    default:
      return [];
  }
}

/** A postmortem's row: date and title; severity, status, duration and problems beside it. */
export function documentRow(document: ReportDocument, severities: readonly (string | null)[] = []): PostmortemRow {
  const label = `${document.date ?? 'no date'}  ${document.title}`;
  const description = [document.severity ?? 'no severity', document.status ?? 'no status', formatMinutes(document.metrics.durationMinutes), problemCounts(document.problems)].join(' · ');
  const rank = document.severity === null ? -1 : severities.indexOf(document.severity);
  return { type: 'document', label, description, document, uri: document.uri, line: 0, rank };
}

/** "due 2024-04-30, overdue · INC-047", "no due date · Login failures". */
function itemDescription(item: ReportActionItem): string {
  const due = item.due ? `due ${item.due}${item.overdue ? ', overdue' : ''}` : 'no due date';
  return `${due} · ${item.incident.id ?? item.incident.title}`;
}
