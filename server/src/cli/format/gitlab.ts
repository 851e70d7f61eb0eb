import { createHash } from 'node:crypto';
import type { Severity } from '../../core';
import type { FileResult } from '../result';

const LEVEL: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab's Code Quality report (a subset of Code Climate's issues): the merge request widget
 * shows what a change adds and fixes. Each fingerprint is made of the file, the rule, the
 * message and how many times the same came before in the file, not the line, so a finding
 * that only moves is not shown as fixed and new.
 */
export function formatGitlab(results: FileResult[]): string {
  const issues: object[] = [];
  for (const result of results) {
    const path = result.file.replace(/\\/g, '/');
    const seen = new Map<string, number>();
    const issue = (check: string, description: string, severity: string, begin: number) => {
      const key = `${path}\u0000${check}\u0000${description}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const fingerprint = createHash('sha256').update(`${key}\u0000${nth}`).digest('hex').slice(0, 32);
      issues.push({ type: 'issue', check_name: check, description, severity, fingerprint, location: { path, lines: { begin } } });
    };
    if (result.error) issue('postmortem-lint', result.error, 'blocker', 1);
    for (const finding of result.findings) issue(finding.ruleId, finding.message, LEVEL[finding.severity], finding.range.start.line + 1);
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
