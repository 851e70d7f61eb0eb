import { sectionsFor, sectionSource } from '../model/query';
import type { PostmortemModel, Section } from '../model/types';
import { hasContent } from './emptySection';
import { findQuantity } from './quantity';
import type { Rule } from './types';
import { withoutHtmlComments } from './util';

/**
 * An impact field inside another section: `**Impact**:`, `**Impact:**`, `Impact:`, `- User impact:`.
 * No nested quantifiers: linear on any line.
 */
const IMPACT_LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*(?:customer |user |business )?impact[ \t]*(?:\*\*[ \t]*:|__[ \t]*:|:[ \t]*\*\*|:[ \t]*__|:)/gim;

/** An impact field of a section: its label's offsets and its text (up to the next blank line). */
export interface ImpactField {
  start: number;
  end: number;
  text: string;
}

/** The first impact field in a section ("**Impact**: 85% of users"), if it has one. */
export function impactField(model: PostmortemModel, section: Section): ImpactField | undefined {
  const source = sectionSource(model, section);
  IMPACT_LABEL.lastIndex = 0;
  const match = IMPACT_LABEL.exec(source);
  if (!match) return undefined;
  const lead = match[0].length - match[0].trimStart().length;
  const labelEnd = match.index + match[0].length;
  // The field's text may start on the label's line or after a blank line under it.
  const textStart = labelEnd + (/^\s*/.exec(source.slice(labelEnd))?.[0].length ?? 0);
  const blank = /\n[ \t]*\n/.exec(source.slice(textStart));
  const text = source.slice(textStart, blank ? textStart + blank.index : source.length);
  return { start: section.contentStart + match.index + lead, end: section.contentStart + labelEnd, text };
}

/** The source of sections without HTML comments (template hints are not statements). */
function prose(model: PostmortemModel, sections: Section[]): string {
  return sections.map((section) => withoutHtmlComments(sectionSource(model, section))).join('\n\n');
}

export const impactUnquantified: Rule = {
  id: 'impact-unquantified',
  description: 'The Impact section (or, without one, the Summary) gives no share or count of what was affected.',
  defaultSeverity: 'warning',
  tags: ['content'],
  check({ model, report }) {
    const impacts = sectionsFor(model, 'impact');
    const summaries = sectionsFor(model, 'summary');
    if (impacts.length > 0) {
      // An empty Impact section is `empty-section`'s finding; a Summary's "Impact:" field is an impact statement too.
      const fields = summaries.map((s) => impactField(model, s)?.text ?? '');
      const statement = [prose(model, impacts), ...fields].join('\n\n');
      if (!hasContent(statement) || findQuantity(statement)) return;
      const heading = impacts[0].heading;
      report({
        start: heading.start,
        end: heading.end,
        message:
          'The Impact section does not say how much was affected: give a share or a count (for example "about 30% of users" or "1,200 failed checkouts"), not only how long it lasted.',
      });
      return;
    }
    const summary = prose(model, summaries);
    if (summaries.length === 0 || !hasContent(summary) || findQuantity(summary)) return;
    const anchor = summaries.map((s) => impactField(model, s)).find(Boolean) ?? summaries[0].heading;
    report({
      start: anchor.start,
      end: anchor.end,
      message:
        'The Summary does not say how much was affected: state a share or a count of users, requests or orders (for example "about 30% of users"); a duration alone does not measure impact.',
    });
  },
};
