import { isOverdue, trackedActionItems } from '../actions/read';
import { isoDate } from '../timeline/dates';
import type { Rule } from './types';
import { quote } from './util';

export const actionItemOverdue: Rule = {
  id: 'action-item-overdue',
  description: 'An action item past its due date and not done (`- [x]`, or a Status column saying done, marks it done).',
  defaultSeverity: 'off',
  tags: ['content', 'actions'],
  check({ model, config, today, report }) {
    for (const tracked of trackedActionItems(model, config)) {
      if (!isOverdue(tracked, today)) continue;
      const state = tracked.state === 'in-progress' ? 'is still in progress' : 'is not done';
      report({
        start: tracked.item.start,
        end: tracked.item.end,
        message: `The action item ${quote(tracked.title)} was due on ${isoDate(tracked.due!.date!)} and ${state} (today is ${today}): finish it and mark it done, or agree on a new due date.`,
      });
    }
  },
};
