import type { Severity } from '../../core';
import type { FileResult } from '../result';

/** GitHub's three annotation levels: info and hint findings become notices. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub workflow commands, one line per finding, so a workflow run shows each finding as an
 * annotation on the diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::MESSAGE`.
 * A file that could not be read is an error annotation on the file.
 */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = result.file.replace(/\\/g, '/');
    if (result.error) lines.push(`::error ${properties({ file, title: 'postmortem-lint' })}::${escapeData(result.error)}`);
    for (const finding of result.findings) {
      const { start, end } = finding.range;
      const where = { file, line: start.line + 1, col: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, title: finding.ruleId };
      lines.push(`::${COMMAND[finding.severity]} ${properties(where)}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A command's message: GitHub reads `%`, CR and LF as escapes there (its toolkit's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which end a value (its toolkit's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function properties(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
}
