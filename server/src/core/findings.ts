import type { Range, TextEdit } from './text';

/** How loudly a finding is reported; the names match LSP and the CLI's JSON. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity, or `off` to silence a rule. */
export type RuleSetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A change that repairs a finding. */
export interface Fix {
  /** What the fix changes, in the document's words ("Change 11:21 PM to 11:21 AM"). */
  title: string;
  edits: TextEdit[];
  /** The fix a careful reader would pick: the editor offers it first (the light bulb's preferred action). Never applied unasked. */
  isPreferred?: boolean;
  /**
   * The fix keeps every stated fact: it adds structure (a heading, a missing section, a zone
   * the document states for the text) or drops markup that says nothing. Only such fixes are
   * applied without looking: `--fix`, Fix All and `source.fixAll.postmortem` (see
   * `automaticFix`). A fix that rewrites a stated time, date, meridiem or zone, or moves
   * entries, is never automatic: the writer picks it.
   */
  automatic?: boolean;
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
  /** Fixes in the order the editor offers them, the preferred one first. */
  fixes: Fix[];
  /** About the whole document (its rule's scope, or the rule said so): only `postmortem-disable-file` silences it. */
  wholeDocument?: boolean;
  /** "Ignore RULE on this line / in this file": suppression comments the writer may add; never applied by fix all or `--fix`. */
  ignores?: Fix[];
}

/** The fix applied without looking (`--fix`, Fix All, fix on save) for a finding, if any: its first automatic one. */
export function automaticFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.automatic);
}

/** The fix the editor marks preferred for a finding: the one marked so, else its automatic one. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred) ?? automaticFix(finding);
}
