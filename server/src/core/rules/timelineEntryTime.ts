import { timelineOf } from '../timeline';
import type { Rule } from './types';

export const timelineEntryTime: Rule = {
  id: 'timeline-entry-time',
  description: 'A timeline entry with no recognisable time, an invalid one (25:00, 3:AM), or a 24-hour time with AM/PM (13:15 PM).',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    for (const entry of timelineOf(model, config).entries) {
      const time = entry.time;
      if (time?.problem && entry.timeToken) {
        report({ start: entry.timeToken.start, end: entry.timeToken.end, message: `${time.problem}.` });
      } else if (time?.slip && entry.timeToken) {
        const { start, end } = entry.timeToken;
        // The hour already says which half of the day it is, so the AM/PM says nothing: dropping it keeps every fact (automatic).
        const fix = { title: `Write ${time.slip.clock}`, edits: [{ range: model.index.range(start, end), newText: time.slip.clock }], isPreferred: true, automatic: true };
        report({ start, end, message: `${time.slip.message}.`, fixes: [fix] });
      } else if (entry.placeholder) {
        report({ start: entry.placeholder.start, end: entry.placeholder.end, message: `This entry's time is a placeholder ("${model.text.slice(entry.placeholder.start, entry.placeholder.end)}"): write the time, or leave the entry out of the Timeline.` });
      } else if (!time && !entry.dayLevel) {
        report({
          start: entry.start,
          end: entry.end,
          message: 'This timeline entry has no time: start it with one (for example "14:05 UTC: …"), or move it out of the Timeline.',
        });
      }
    }
  },
};
