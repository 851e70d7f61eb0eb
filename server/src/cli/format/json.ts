import { automaticFix } from '../../core';
import type { FileResult } from '../result';

/** SPEC §9's JSON: one object per file, positions 1-based. */
export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(
    results.map((result) => ({
      file: result.file,
      profile: result.profile,
      isPostmortem: result.isPostmortem,
      ...(result.error ? { error: result.error } : {}),
      ...(result.severityCap ? { severityCap: { status: result.severityCap.status, severity: result.severityCap.severity, lowered: result.severityCap.lowered } } : {}),
      diagnostics: result.findings.map((finding) => ({
        rule: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
        fixable: automaticFix(finding) !== undefined,
      })),
    })),
    null,
    2,
  )}\n`;
}
