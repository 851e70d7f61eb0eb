/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, no script and
 * nothing loaded from elsewhere; every piece of document text escaped. A host page (the
 * editor's webview) may add its Content-Security-Policy, a nonce and a script of its own.
 */
import { monthsChart, ttrChart } from './charts';
import { escapeHtml } from './escape';
import { count, coverage, INDEX_HEADERS, indexRow, leftOut, minutes, NOT_STATED, relativeLinks, summaryCell, where, type LinkFor, type LinkTarget } from './format';
import { REPORT_CSS } from './style';
import { METRIC_NAMES, type MetricSummaries, type Report } from './types';

/** What a host page adds to the report (the webview): its policy, the nonce its style and script carry, and the script. */
export interface HtmlHost {
  csp: string;
  nonce: string;
  script: string;
}

export interface HtmlOptions {
  link?: LinkFor;
  host?: HtmlHost;
}

/** Document text, or "not stated" in grey. */
const text = (value: string | null) => (value === null ? `<span class="missing">${NOT_STATED}</span>` : escapeHtml(value));

function table(header: readonly string[], rows: readonly string[][], numeric: readonly number[] = []): string {
  const head = `<thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table>${head}\n<tbody>\n${body}\n</tbody></table>`;
}

const METRIC_HEADERS = METRIC_NAMES.map((name) => name.toUpperCase());

/** The report as an HTML document. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const link = options.link ?? relativeLinks();
  const linked = (label: string, target: LinkTarget, line?: number) => {
    const href = link(target, line);
    return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
  };
  const nonce = options.host ? ` nonce="${escapeHtml(options.host.nonce)}"` : '';
  const body: string[] = [`<h1>Postmortem report</h1>`, `<p class="lead">${escapeHtml(coverage(report))}</p>`];
  const omitted = leftOut(report);
  if (omitted) body.push(`<p class="note">${escapeHtml(omitted)}</p>`);

  body.push('<h2>Incidents</h2>');
  body.push(
    report.documents.length === 0
      ? '<p>No postmortems found.</p>'
      : table(
          INDEX_HEADERS,
          report.documents.map((d) => {
            const cells = indexRow(d, text, linked(escapeHtml(d.title), d));
            if (d.actionItems.overdue) cells[cells.length - 1] = `<span class="overdue">${cells[cells.length - 1]}</span>`;
            return cells;
          }),
          [0, 1, 5, 6, 7, 8, 9],
        ),
  );

  if (report.totals.byMonth.length > 0) {
    body.push('<h2>Trends</h2>', '<div class="charts">');
    body.push(`<figure>${monthsChart(report.totals.byMonth)}<figcaption>Incidents per month</figcaption></figure>`);
    body.push(`<figure>${ttrChart(report.metrics.quarters)}<figcaption>Time to resolve per quarter: median and 90th percentile</figcaption></figure>`);
    body.push('</div>');
  }
  if (report.totals.bySeverity.length > 0) {
    body.push('<h2>Incidents per severity</h2>', table(['Severity', 'Incidents'], report.totals.bySeverity.map((s) => [text(s.severity), String(s.incidents)]), [1]));
  }

  body.push('<h2>Response times</h2>', `<p class="note">Median · 90th percentile from impact start; an incident whose timeline does not give a milestone is left out of that figure and counted as ${NOT_STATED}.</p>`);
  const row = (period: string, incidents: number, metrics: MetricSummaries) => [period, String(incidents), ...METRIC_NAMES.map((name) => escapeHtml(summaryCell(metrics[name])))];
  body.push(
    table(['Period', 'Incidents', ...METRIC_HEADERS], [...report.metrics.quarters.map((q) => row(q.quarter, q.incidents, q.metrics)), row('<strong>All</strong>', report.totals.incidents, report.metrics.overall)], [1]),
    `<p class="definition">${escapeHtml(report.metrics.definition)}</p>`,
  );

  if (report.longest.length > 0) {
    body.push('<h2>Longest incidents</h2>', table(['Duration', 'Date', 'ID', 'Title'], report.longest.map((l) => [minutes(l.durationMinutes), text(l.date), text(l.id), linked(escapeHtml(l.title), l)]), [0, 1]));
  }

  body.push('<h2>Open action items</h2>');
  if (report.actionItems.byOwner.length === 0) body.push('<p>None.</p>');
  for (const group of report.actionItems.byOwner) {
    const owner = group.owner === null ? 'No owner' : escapeHtml(group.owner);
    body.push(`<h3>${owner} <span class="note">(${count(group.open, 'open item')}${group.overdue ? `, <span class="overdue">${group.overdue} overdue</span>` : ''})</span></h3>`);
    body.push(
      table(
        ['Due', 'Action item', 'Incident', 'Where'],
        group.items.map((i) => [
          i.due === null ? '—' : i.overdue ? `<span class="overdue">${i.due} (overdue)</span>` : i.due,
          `${escapeHtml(i.text)}${i.tracking ? ` <span class="note">(${escapeHtml(i.tracking)})</span>` : ''}`,
          escapeHtml([i.incident.id, i.incident.title].filter(Boolean).join(' ')),
          linked(escapeHtml(where(i.file, i.line)), i, i.line),
        ]),
        [0],
      ),
    );
  }

  const head = [
    '<meta charset="utf-8">',
    options.host ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.host.csp)}">` : '',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Postmortem report${report.totals.incidents ? ` · ${count(report.totals.incidents, 'incident')}` : ''}</title>`,
    `<style${nonce}>${REPORT_CSS}</style>`,
  ].filter(Boolean);
  const script = options.host ? `\n<script${nonce}>${options.host.script}</script>` : '';
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body.join('\n')}${script}\n</body>\n</html>\n`;
}
