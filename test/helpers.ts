import { analyze, mergeConfig, validateConfig, RULE_IDS, type Analysis, type ConfigPatch, type PostmortemConfig } from '../server/src/core';

/** A configuration from a patch, failing the test on any problem in it. */
export function configOf(patch: unknown = {}): PostmortemConfig {
  const { patch: valid, problems } = validateConfig(patch, 'test', RULE_IDS);
  if (problems.length > 0) throw new Error(`bad test config: ${problems.map((p) => p.message).join('; ')}`);
  return mergeConfig(valid as ConfigPatch);
}

/** Analyses a text as a postmortem named on the command line would be (`today`: the date due-date rules count from). */
export function lint(text: string, patch: unknown = {}, path = '/work/postmortems/test.md', today?: string): Analysis {
  return analyze(text, { config: configOf(patch), path, force: true, today });
}

/** `line rule` pairs of an analysis (1-based lines), sorted, for compact assertions. */
export function summary(analysis: Analysis, rules?: string[]): string[] {
  return analysis.findings
    .filter((f) => !rules || rules.includes(f.ruleId))
    .map((f) => `${f.range.start.line + 1} ${f.ruleId}`)
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}

/** Builds a document from lines, so tests read like the Markdown they hold. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
