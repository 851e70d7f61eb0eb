import type { Severity } from '../../core';
import type { FileResult } from '../result';

const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];
const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵', hint: '⚪' };

/**
 * The findings as GitHub-flavoured Markdown: a count line, then a table per file. Written
 * for a CI job's summary page (`$GITHUB_STEP_SUMMARY`, a merge request note), where it is
 * rendered as Markdown with HTML allowed: every bit of document text is escaped.
 */
export function formatMarkdown(results: FileResult[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const sections: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0 && !result.error) continue;
    const rows = result.findings.map((f) => {
      counts[f.severity]++;
      return `| ${f.range.start.line + 1}:${f.range.start.character + 1} | ${ICON[f.severity]} ${f.severity} | ${cell(f.message)} | \`${f.ruleId}\` |`;
    });
    const error = result.error ? `\n**Not linted:** ${cell(result.error)}\n` : '';
    const table = rows.length > 0 ? `\n| Line | Severity | Message | Rule |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n` : '';
    sections.push(`### ${cell(result.file)}\n${error}${table}`);
  }
  const total = ORDER.reduce((sum, s) => sum + counts[s], 0);
  const unread = results.filter((r) => r.error).length;
  const checked = results.length - unread;
  const files = `${checked} file${checked === 1 ? '' : 's'} checked`;
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`);
  const headline =
    total === 0 && unread === 0
      ? `✅ No problems: ${files}.`
      : `${counts.error > 0 || unread > 0 ? '❌' : '⚠️'} ${total} problem${total === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}: ${files}${unread > 0 ? `, ${unread} could not be read` : ''}.`;
  return `## Postmortem lint\n\n${headline}\n${sections.map((s) => `\n${s}`).join('')}`;
}

/** Text in a table cell or heading: one line, no table or HTML syntax, no Markdown emphasis or links. */
function cell(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}
