import type { Range, TextEdit } from './text';

/** How loudly a finding is reported; the names match LSP and the CLI's JSON. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity, or `off` to silence a rule. */
export type RuleSetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A change that repairs a finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix, applied by "fix all" and `--fix`; `false` keeps a finding's only fix out of them too. */
  isPreferred?: boolean;
  /**
   * The part of the document this fix makes read differently (a zone declared on a heading
   * changes the instant of every time under it): "fix all" leaves the other fixes there to
   * the next pass, where they are judged again on the new reading.
   */
  rereads?: Range;
}

/** What a rule reports: where, what is wrong and what to do, and how to fix it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Fixes in order of preference; `--fix` and "fix all" take the preferred one. */
  fixes: Fix[];
  /** About the whole document (its rule's scope, or the rule said so): only `postmortem-disable-file` silences it. */
  wholeDocument?: boolean;
  /** "Ignore RULE on this line / in this file": suppression comments the writer may add; never applied by fix all or `--fix`. */
  ignores?: Fix[];
}

/** The fix "fix all" and `--fix` apply for a finding, if any: the one marked, or the only one unless marked `false`. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred) ?? (finding.fixes.length === 1 && finding.fixes[0].isPreferred !== false ? finding.fixes[0] : undefined);
}
