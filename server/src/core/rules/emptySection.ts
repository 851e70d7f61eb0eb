import { sectionSource } from '../model/query';
import type { Rule } from './types';
import { quote } from './util';

/** Template leftovers that do not count as content. */
const PLACEHOLDERS: RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g,
  /^[ \t]*(?:[-*+]|\d+[.)])?[ \t]*(?:\[[ xX]?\][ \t]*)?(?:TODO|TBD|TBA|FIXME|XXX)\b.*$/gim,
  /\bX{1,2}:X{2}\b/gi,
  /\{[^{}\n]*\}/g,
  /\?\?+/g,
];

/** Whether a section's Markdown holds anything beyond headings, markup and placeholders. */
export function hasContent(markdown: string): boolean {
  let text = markdown.replace(/^[ \t]{0,3}#{1,6}[ \t].*$/gm, '');
  for (const pattern of PLACEHOLDERS) text = text.replace(pattern, ' ');
  return /[\p{L}\p{N}]/u.test(text);
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
