/**
 * Suppression comments applied to a document's findings: the one place analyze.ts calls.
 * `<!-- postmortem-disable RULE… -->` … `<!-- postmortem-enable RULE… -->`,
 * `postmortem-disable-line`, `postmortem-disable-next-line` and `postmortem-disable-file`.
 */
import type { Finding } from '../findings';
import type { PostmortemModel } from '../model/types';
import { RULE_IDS } from '../rules';
import type { Rule } from '../rules/types';
import { applySuppressions, SUPPRESSION_INVALID, SUPPRESSION_UNUSED } from './apply';
import { readDirectives } from './directives';
import { IgnoreFixer } from './ignoreFixes';

export { SUPPRESSION_INVALID, SUPPRESSION_UNUSED } from './apply';

/** What the comments' own findings are, as rules are described (SARIF lists them beside the rules); always warnings. */
export const SUPPRESSION_FINDINGS: ReadonlyArray<{ id: string; description: string }> = [
  { id: SUPPRESSION_INVALID, description: 'A suppression comment that cannot work: an unknown rule id, a misspelt directive, or a line comment for a finding about the whole document.' },
  { id: SUPPRESSION_UNUSED, description: 'A suppression comment that silences nothing (--report-unused-disable-directives, postmortem.reportUnusedSuppressions).' },
];

/** The finding codes of the comments themselves, beside the rules' ids. */
export const SUPPRESSION_CODES: readonly string[] = SUPPRESSION_FINDINGS.map((f) => f.id);

/**
 * The findings the document's suppression comments leave, with the comments' own findings
 * (an unknown rule id always; a comment that silences nothing when `reportUnused`), and the
 * "Ignore …" quick fixes on every rule's finding, in `Finding.ignores`.
 */
export function suppress(model: PostmortemModel, findings: readonly Finding[], rules: readonly Rule[], reportUnused: boolean): Finding[] {
  const reading = readDirectives(model.tree, model.text);
  const documentRules = new Set(rules.filter((rule) => rule.scope === 'document').map((rule) => rule.id));
  const knownRules = [...new Set([...RULE_IDS, ...rules.map((rule) => rule.id)])];
  const kept = applySuppressions(findings, reading, model.index, { knownRules, documentRules, reportUnused });
  const fixer = new IgnoreFixer(model, reading.directives);
  for (const finding of kept) {
    if (!SUPPRESSION_CODES.includes(finding.ruleId)) finding.ignores = fixer.fixesFor(finding, finding.wholeDocument === true);
  }
  return kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
