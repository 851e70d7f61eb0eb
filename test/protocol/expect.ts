/** What the protocol tests compare the server's answers with: the core, run in the test process. */
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { analyze, type Severity } from '../../server/src/core';
import { configOf } from '../helpers';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

/** The diagnostics the server should publish for a text at a `file:` URI, by the core's own analysis. */
export function expectedDiagnostics(text: string, uri: string, settings: unknown = {}): Diagnostic[] {
  const analysis = analyze(text, { config: configOf(settings), path: fileURLToPath(uri) });
  if (!analysis.isPostmortem) return [];
  return analysis.findings.map((f) => ({ range: f.range, severity: SEVERITY[f.severity], code: f.ruleId, source: 'postmortem', message: f.message }));
}

/** Diagnostics reduced to what tests compare: rule, range, severity and message, in order. */
export function comparable(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`,
  );
}

/** `line rule` pairs (1-based lines), for short assertions. */
export function rulesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
}
