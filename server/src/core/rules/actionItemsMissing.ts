import { sectionsFor, sectionSource } from '../model/query';
import { actionItems } from './actionItems';
import { hasContent } from './emptySection';
import type { Rule } from './types';
import { quote } from './util';

export const actionItemsMissing: Rule = {
  id: 'action-items-missing',
  description: 'The Action items section has no list of tasks (bullets, a numbered or task list, or a table).',
  defaultSeverity: 'warning',
  tags: ['content'],
  check({ model, report }) {
    for (const section of sectionsFor(model, 'action-items')) {
      // An empty section (or one of placeholders only) is `empty-section`'s finding, not this one.
      if (!hasContent(sectionSource(model, section))) continue;
      if (actionItems(model, section).length > 0) continue;
      report({
        start: section.heading.start,
        end: section.heading.end,
        message:
          `${quote(section.heading.pseudo?.name ?? section.heading.text)} has no list of tasks, only prose: write each action as a list item or table row ` +
          '(for example "- [ ] Alert when a disk fails to mount — @alice, due 2024-06-01") so it can be owned and tracked.',
      });
    }
  },
};
