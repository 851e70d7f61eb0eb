import { timelineOf } from '../timeline';
import type { Rule } from './types';

export const timelineEntryTime: Rule = {
  id: 'timeline-entry-time',
  description: 'A timeline entry with no recognisable time, or an invalid one (13:15 PM, 25:00, 3:AM).',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    for (const entry of timelineOf(model, config).entries) {
      if (entry.time?.problem && entry.timeToken) {
        report({ start: entry.timeToken.start, end: entry.timeToken.end, message: `${entry.time.problem}.` });
      } else if (!entry.time && !entry.dayLevel) {
        report({
          start: entry.start,
          end: entry.end,
          message: 'This timeline entry has no time: start it with one (for example "14:05 UTC: …"), or move it out of the Timeline.',
        });
      }
    }
  },
};
