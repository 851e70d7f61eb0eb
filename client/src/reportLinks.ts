/**
 * What the report webview runs, and what its links may open. Plain functions, no `vscode`.
 * The page is the server's HTML (server/src/report/html.ts) under a strict policy: nothing
 * but its own nonce'd style and script; its links are the files' URIs with `#L` lines, and a
 * click is posted to the extension, which opens only files the report lists.
 */
import type { Report } from '../../server/src/report/types';

/** The webview's Content-Security-Policy: no source at all but the page's own style and script. */
export function reportCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The page's script: every link click becomes a message; the webview itself navigates nowhere. */
export const REPORT_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', href: link.getAttribute('href') });
  });
})();`;

/** A message the page may post. */
export interface OpenMessage {
  type: 'open';
  href: string;
}

/**
 * The file and 0-based line a clicked link names, when it is one of the report's documents;
 * anything else (a message the page should not send, a URI the report does not list) opens nothing.
 */
export function openTarget(message: unknown, report: Report): { uri: string; line: number } | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { type, href } = message as Partial<OpenMessage>;
  if (type !== 'open' || typeof href !== 'string') return undefined;
  const [, uri, line] = /^([^#]+)(?:#L(\d+))?$/.exec(href) ?? [];
  if (!uri || !report.documents.some((d) => d.uri === uri)) return undefined;
  return { uri, line: line ? Math.max(0, Number(line) - 1) : 0 };
}
