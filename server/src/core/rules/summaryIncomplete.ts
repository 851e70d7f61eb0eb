import { frontMatterString } from '../model/frontMatter';
import { sectionsFor, sectionSource } from '../model/query';
import type { PostmortemModel } from '../model/types';
import type { SummaryPart } from '../profiles/profiles';
import { hasContent } from './emptySection';
import { impactField } from './impactUnquantified';
import { findQuantity } from './quantity';
import type { Rule } from './types';
import { quote, withoutHtmlComments } from './util';

/** Clock times: `22:30`, `03:00` (also inside ISO 8601 `2024-05-19T03:00`). */
const CLOCK = /(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)/g;
/** Hours with AM/PM and no minutes: `10 PM`, `8am`. */
const HOUR_AMPM = /(?<![\d:])(?:1[0-2]|0?[1-9])[ \t]?[ap]\.?m\b/gi;

/**
 * A timezone token: an abbreviation, a spelled-out zone, a UTC offset or an IANA name. A light
 * check on purpose: the timeline engine owns real zone parsing; this only asks "is one stated?".
 */
const ZONE_ABBREVIATION =
  /\b(?:UTC|GMT|[ECMPA][SD]T|[ECMP]T|EAT|CAT|WAT|SAST|IST|BST|CET|CEST|EET|EEST|WET|WEST|MSK|JST|KST|SGT|HKT|AEST|AEDT|ACST|AWST|NZST|NZDT|HST|AKST|AKDT|BRT|ART|WIB|PHT|PKT|GST)\b|(?<=\d)Z\b|(?:^|[\s(])[+-](?:0\d|1[0-4]):?[0-5]\d\b|T\d\d:\d\d(?::\d\d)?(?:\.\d+)?[+-]\d\d:?\d\d\b|\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/;
const ZONE_NAME =
  /\b(?:pacific|eastern|central|mountain|atlantic|alaska|hawaii|greenwich|universal|coordinated universal|east africa|east african|west africa|west african|central africa|central african|central european|eastern european|western european|india|japan|korea|china|singapore|british summer|australian eastern)(?: standard| daylight| summer)? time\b/i;

/** The incident's effect on people or the service. */
const IMPACT_WORDS =
  /\b(?:impact(?:ed|ing|s)?|affect(?:ed|ing|s)?|users?|customers?|clients?|visitors?|traffic|unavailable|inaccessible|unreachable|downtime|degraded|slow(?:ness)?|errors?|unable|could ?not|couldn['’]t|can ?not|can['’]t)\b/i;

/** Words that give a cause. */
const CAUSE_WORDS =
  /\b(?:root[\s-]*causes?|caused by|cause (?:of|was)|due to|because|result(?:ed)? (?:of|from)|triggered by|stem(?:med|s)? from|traced (?:back to|to)|owing to)\b/i;

/** The document-wide zone declarations: front matter `timezone:` and the preamble before the first section. */
function documentZone(model: PostmortemModel): boolean {
  if (frontMatterString(model.frontMatter, 'timezone')) return true;
  const preamble = model.text.slice(model.frontMatter?.end ?? 0, model.preambleEnd);
  return hasZone(preamble);
}

function hasZone(text: string): boolean {
  return ZONE_ABBREVIATION.test(text) || ZONE_NAME.test(text);
}

function countTimes(text: string): number {
  return (text.match(CLOCK)?.length ?? 0) + (text.match(HOUR_AMPM)?.length ?? 0);
}

/** The parts a Summary leaves unsaid, as phrases for the message. */
export function missingParts(model: PostmortemModel, summary: string, hasImpactField: boolean, parts: readonly SummaryPart[]): string[] {
  const missing: string[] = [];
  for (const part of parts) {
    if (part === 'times') {
      const times = countTimes(summary);
      if (times < 2) missing.push(times === 0 ? 'the start and end times' : 'both a start and an end time');
      else if (!hasZone(summary) && !documentZone(model)) missing.push('a timezone for its times');
    } else if (part === 'impact') {
      if (!hasImpactField && !IMPACT_WORDS.test(summary) && !findQuantity(summary)) missing.push('the impact (what users experienced and how many)');
    } else if (!CAUSE_WORDS.test(summary)) missing.push('the root cause');
  }
  return missing;
}

export const summaryIncomplete: Rule = {
  id: 'summary-incomplete',
  description: 'The Summary leaves out what the profile asks of it (alx: start and end times with a timezone, the impact, the root cause).',
  defaultSeverity: 'info',
  tags: ['content'],
  check({ model, report }) {
    const parts = model.profile.summaryMustState;
    if (!parts || parts.length === 0) return;
    const summaries = sectionsFor(model, 'summary');
    // A missing or empty Summary is `missing-section`'s or `empty-section`'s finding.
    const text = summaries.map((s) => withoutHtmlComments(sectionSource(model, s))).join('\n\n');
    if (summaries.length === 0 || !hasContent(text)) return;
    const missing = missingParts(model, text, summaries.some((s) => impactField(model, s)), parts);
    if (missing.length === 0) return;
    const heading = summaries[0].heading;
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    report({
      start: heading.start,
      end: heading.end,
      message: `${quote(heading.pseudo?.name ?? heading.text)} does not state ${list}: the ${model.profile.name} profile asks the summary for the start and end times with a timezone, the impact and the root cause.`,
    });
  },
};
