import { trackedActionItems } from '../actions/read';
import type { Rule } from './types';
import { quote } from './util';

/** Why a written due date gives no day, for the message. */
const UNREAD: Record<string, string> = {
  open: 'leaves its due date open',
  'not-a-date': 'has a due date that is not a date',
  ambiguous: 'has a due date whose day and month could swap',
  'no-year': 'has a due date without a year (and the document gives no incident date to take it from)',
};

export const actionItemDue: Rule = {
  id: 'action-item-due',
  description: 'An open action item with no due date (`due 2024-04-01`, `Due: Apr 1`, or a Due column).',
  defaultSeverity: 'off',
  tags: ['content', 'actions'],
  check({ model, config, report }) {
    for (const tracked of trackedActionItems(model, config)) {
      const { item, due, state } = tracked;
      if (state === 'done' || due?.date) continue;
      const what = quote(tracked.title);
      const why = due?.unread ? `${UNREAD[due.unread]}${due.written ? ` (${quote(due.written)})` : ''}` : 'has no due date';
      report({ start: item.start, end: item.end, message: `The action item ${what} ${why}: write the day it is due (for example "due 2024-06-01") so it can be tracked.` });
    }
  },
};
