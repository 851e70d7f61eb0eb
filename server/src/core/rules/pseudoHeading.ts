import type { HeadingInfo } from '../model/types';
import type { Rule } from './types';
import { quote } from './util';

export const pseudoHeading: Rule = {
  id: 'pseudo-heading',
  description: 'A line whose whole text is a section name, written as bold or plain text instead of a heading.',
  defaultSeverity: 'warning',
  tags: ['sections'],
  check({ model, report }) {
    for (const heading of model.headings) {
      if (heading.kind !== 'pseudo') continue;
      const replacement = headingLine(heading);
      report({
        start: heading.start,
        end: heading.end,
        message: `${quote(heading.text)} names a section but is not a heading: make it "${replacement}" so outlines, links and checks see it.`,
        fixes: [{ title: `Convert to heading "${replacement}"`, edits: [{ range: model.index.range(heading.start, heading.end), newText: replacement }], isPreferred: true, automatic: true }],
      });
    }
  },
};

/** The Markdown heading that replaces a pseudo-heading, at the sibling sections' level. */
export function headingLine(heading: HeadingInfo): string {
  const name = heading.pseudo?.name ?? heading.text.trim();
  return `${'#'.repeat(heading.depth)} ${name}`;
}
