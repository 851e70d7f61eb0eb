import { sectionSource } from '../model/query';
import type { Rule } from './types';
import { quote, withoutHtmlComments } from './util';

/** A line that is a template leftover as a whole: "TODO: …", "- XX:XX UTC: {event}", "??". */
const PLACEHOLDER_LINE = /^[ \t]*(?:[-*+]|\d+[.)])?[ \t]*(?:\[[ xX]?\][ \t]*)?(?:TODO|TBD|TBA|FIXME)\b|\bX{1,2}:X{2}\b|\{[^{}\n]*\}|(?:^|\s)\?\?+(?:\s|$)/i;

/** Whether a section's Markdown holds anything beyond headings, comments, markup and placeholders. */
export function hasContent(markdown: string): boolean {
  const withoutComments = withoutHtmlComments(markdown);
  return withoutComments
    .split('\n')
    .some((line) => !/^[ \t]{0,3}#{1,6}[ \t]/.test(line) && !PLACEHOLDER_LINE.test(line) && /[\p{L}\p{N}]/u.test(line));
}

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section of the profile with no content, or only template placeholders.',
  defaultSeverity: 'warning',
  tags: ['sections'],
  check({ model, report }) {
    const profileIds = new Set(model.profile.sections.flatMap((s) => s.covers));
    for (const section of model.sections) {
      if (!section.ids.some((id) => profileIds.has(id))) continue;
      if (hasContent(sectionSource(model, section))) continue;
      report({
        start: section.heading.start,
        end: section.heading.end,
        message: `The section ${quote(section.heading.text)} is empty or holds only placeholders: write it, or remove the heading.`,
      });
    }
  },
};
