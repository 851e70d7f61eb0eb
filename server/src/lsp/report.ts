/**
 * `postmortem/report` (issue 15): the report's figures over the workspace index, as
 * `postmortem-lint report` makes them over a folder, with each document's URI, and the HTML
 * when asked for. The figures and the HTML come from server/src/report, as in the CLI.
 */
import { localToday, type PostmortemConfig } from '../core';
import { relative, sep } from 'node:path';
import { buildReport, renderHtml, type LinkFor, type ReportDocument } from '../report';
import { filePathOf } from './config';
import type { AcrossDocuments } from './across';
import type { ReportParams, ReportResult } from './protocol';
import type { WorkspaceIndex } from './workspaceIndex';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One document's figures for the report: its problems with those across documents, overdue items counted from `today`. */
function documentFor(report: ReportDocument, across: AcrossDocuments, path: string, today: string): ReportDocument {
  const found = across.findingsOf(path).map((c) => c.finding);
  const openActionItems = report.openActionItems.map((item) => ({ ...item, overdue: item.due !== null && item.due < today }));
  return {
    ...report,
    problems: {
      errors: report.problems.errors + found.filter((f) => f.severity === 'error').length,
      warnings: report.problems.warnings + found.filter((f) => f.severity === 'warning').length,
    },
    actionItems: { ...report.actionItems, overdue: openActionItems.filter((i) => i.overdue).length },
    openActionItems,
  };
}

/** The answer to `postmortem/report`; `config` orders the severities (the first folder's). */
export function workspaceReport(index: WorkspaceIndex, across: AcrossDocuments, params: ReportParams | undefined, config: PostmortemConfig): ReportResult {
  const today = params?.today && DATE.test(params.today) ? params.today : localToday();
  const documents = index.all().map((entry) => documentFor(entry.report(), across, entry.path, today));
  const report = buildReport(documents, { today, severities: config.metadata.severities });
  const folders = index.workspaceFolders.map(({ uri, name }) => ({ uri, name }));
  const result: ReportResult = { ready: index.ready, folders, report };
  if (params?.format === 'html') result.html = renderHtml(report, { link: linksFor(params.relativeTo), ...(params.host ? { host: params.host } : {}) });
  return result;
}

/** Links to the files: their URIs (an editor opens them), or paths relative to a folder; `#L12` is how VS Code and GitHub name a line. */
function linksFor(relativeTo: string | undefined): LinkFor {
  const from = relativeTo ? filePathOf(relativeTo) : undefined;
  return (target, line) => {
    const anchor = line ? `#L${line}` : '';
    if (!target.uri) return undefined;
    const path = from ? filePathOf(target.uri) : undefined;
    if (!from || !path) return `${target.uri}${anchor}`;
    return `${relative(from, path).split(sep).map(encodeURIComponent).join('/')}${anchor}`;
  };
}
