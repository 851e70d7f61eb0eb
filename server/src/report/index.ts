/**
 * The report over a repository of postmortems (issue 15): figures per document and across
 * them, and their renderers (Markdown, HTML with SVG charts, JSON). Plain modules with no
 * editor API: the CLI, the language server and the VS Code client call them.
 */
export { buildReport, LONGEST_COUNT, type ReportOptions } from './build';
export { reportDocument, type DocumentPlace } from './document';
export { escapeHtml, escapeMarkdown } from './escape';
export { relativeLinks, type LinkFor, type LinkTarget } from './format';
export { renderHtml, type HtmlHost, type HtmlOptions } from './html';
export { renderMarkdown } from './markdown';
export { median, percentile, PERCENTILE_DEFINITION } from './stats';
export type * from './types';
