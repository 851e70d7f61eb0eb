import { normalizeName } from '../profiles/match';
import type { Rule } from './types';
import { quote } from './util';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'The same section appears twice.',
  defaultSeverity: 'warning',
  tags: ['sections'],
  check({ model, report }) {
    const firstLine = new Map<string, number>();
    for (const section of model.sections) {
      const name = normalizeName(section.heading.pseudo?.name ?? section.heading.text);
      for (const match of section.heading.matches) {
        // "What went well" and "What went wrong" are parts of one section, not two copies of it.
        if (match.parts?.some((part) => normalizeName(part) === name)) continue;
        const line = model.index.positionAt(section.heading.start).line + 1;
        const seen = firstLine.get(match.id);
        if (seen === undefined) {
          firstLine.set(match.id, line);
          continue;
        }
        report({
          start: section.heading.start,
          end: section.heading.end,
          message: `${quote(section.heading.text)} repeats the ${match.title} section that starts on line ${seen}: merge the two.`,
        });
      }
    }
  },
};
