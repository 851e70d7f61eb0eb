/**
 * The report as GitHub-flavoured Markdown: tables that render on GitHub (and in a job's
 * summary), every piece of document text escaped.
 */
import { escapeMarkdown, markdownHref } from './escape';
import { count, coverage, INDEX_HEADERS, indexRow, leftOut, minutes, NOT_STATED, relativeLinks, summaryCell, where, type LinkFor, type LinkTarget } from './format';
import { METRIC_NAMES, type MetricSummaries, type Report } from './types';

const METRIC_HEADERS = METRIC_NAMES.map((name) => name.toUpperCase());

/** A table from its header and rows of cells already escaped. */
function table(header: readonly string[], rows: readonly string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** Document text as a cell, or "not stated". */
const text = (value: string | null) => (value === null ? `_${NOT_STATED}_` : escapeMarkdown(value));

/** The report in Markdown; `link` gives each file's (and line's) href. */
export function renderMarkdown(report: Report, link: LinkFor = relativeLinks()): string {
  const linked = (label: string, target: LinkTarget, line?: number) => {
    const href = link(target, line);
    return href ? `[${label}](${markdownHref(href)})` : label;
  };
  const out: string[] = ['# Postmortem report', '', escapeMarkdown(coverage(report))];
  const omitted = leftOut(report);
  if (omitted) out.push('', omitted);

  out.push('', '## Incidents', '');
  if (report.documents.length === 0) out.push('No postmortems found.');
  else
    out.push(
      ...table(
        INDEX_HEADERS,
        report.documents.map((d) => indexRow(d, text, linked(escapeMarkdown(d.title), d))),
      ),
    );

  if (report.totals.byMonth.length > 0) {
    out.push('', '## Incidents per month', '', ...table(['Month', 'Incidents', ''], report.totals.byMonth.map((m) => [m.month, String(m.incidents), '█'.repeat(m.incidents)])));
  }
  if (report.totals.bySeverity.length > 0) {
    out.push('', '## Incidents per severity', '', ...table(['Severity', 'Incidents'], report.totals.bySeverity.map((s) => [text(s.severity), String(s.incidents)])));
  }

  out.push('', '## Response times', '', `Median · 90th percentile from impact start; an incident whose timeline does not give a milestone is left out of that figure and counted as ${NOT_STATED}.`, '');
  const row = (period: string, incidents: number, metrics: MetricSummaries) => [period, String(incidents), ...METRIC_NAMES.map((name) => summaryCell(metrics[name]))];
  out.push(
    ...table(
      ['Period', 'Incidents', ...METRIC_HEADERS],
      [...report.metrics.quarters.map((q) => row(q.quarter, q.incidents, q.metrics)), row('**All**', report.totals.incidents, report.metrics.overall)],
    ),
  );
  out.push('', `<sub>${escapeMarkdown(report.metrics.definition)}</sub>`);

  if (report.longest.length > 0) {
    out.push('', '## Longest incidents', '', ...table(['Duration', 'Date', 'ID', 'Title'], report.longest.map((l) => [minutes(l.durationMinutes), text(l.date), text(l.id), linked(escapeMarkdown(l.title), l)])));
  }

  out.push('', '## Open action items', '');
  if (report.actionItems.byOwner.length === 0) out.push('None.');
  for (const group of report.actionItems.byOwner) {
    const heading = group.owner === null ? 'No owner' : escapeMarkdown(group.owner);
    out.push(`### ${heading} (${count(group.open, 'open item')}${group.overdue ? `, ${group.overdue} overdue` : ''})`, '');
    out.push(
      ...table(
        ['Due', 'Action item', 'Incident', 'Where'],
        group.items.map((i) => [
          i.due === null ? '—' : i.overdue ? `**${i.due} (overdue)**` : i.due,
          `${escapeMarkdown(i.text)}${i.tracking ? ` (${escapeMarkdown(i.tracking)})` : ''}`,
          escapeMarkdown([i.incident.id, i.incident.title].filter(Boolean).join(' ')),
          linked(escapeMarkdown(where(i.file, i.line)), i, i.line),
        ]),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
