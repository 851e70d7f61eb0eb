import { actionItemDue } from './actionItemDue';
import { actionItemOverdue } from './actionItemOverdue';
import { actionItemOwner } from './actionItemOwner';
import { actionItemsMissing } from './actionItemsMissing';
import { blamefulLanguage } from './blamefulLanguage';
import { duplicateIncidentId } from './duplicateIncidentId';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { frontMatter } from './frontMatter';
import { impactUnquantified } from './impactUnquantified';
import { missingSection } from './missingSection';
import { pseudoHeading } from './pseudoHeading';
import { sectionOrder } from './sectionOrder';
import { summaryIncomplete } from './summaryIncomplete';
import type { Rule } from './types';
import { wordCount } from './wordCount';
import { dateAmbiguous } from './dateAmbiguous';
import { durationMismatch } from './durationMismatch';
import { timelineEntryTime } from './timelineEntryTime';
import { timelineGap } from './timelineGap';
import { timelineOrder } from './timelineOrder';
import { timezoneAmbiguous } from './timezoneAmbiguous';
import { timezoneDst } from './timezoneDst';
import { timezoneMissing } from './timezoneMissing';
import { timezoneMixed } from './timezoneMixed';

/** Every rule, in the order findings are reported for one place. */
export const RULES: readonly Rule[] = [frontMatter, missingSection, pseudoHeading, emptySection, duplicateSection, sectionOrder, wordCount, impactUnquantified, actionItemsMissing, actionItemOwner, actionItemDue, actionItemOverdue, blamefulLanguage, summaryIncomplete, timelineEntryTime, timelineOrder, timelineGap, timezoneMissing, timezoneMixed, timezoneDst, timezoneAmbiguous, dateAmbiguous, durationMismatch, duplicateIncidentId];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
