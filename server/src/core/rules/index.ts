import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { missingSection } from './missingSection';
import { pseudoHeading } from './pseudoHeading';
import { sectionOrder } from './sectionOrder';
import type { Rule } from './types';
import { wordCount } from './wordCount';

/** Every rule, in the order findings are reported for one place. */
export const RULES: readonly Rule[] = [missingSection, pseudoHeading, emptySection, duplicateSection, sectionOrder, wordCount];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
