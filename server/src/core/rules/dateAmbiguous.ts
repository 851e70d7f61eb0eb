import { timelineOf, type CalendarDate } from '../timeline';
import { isoDate } from '../timeline/dates';
import type { Rule } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const spoken = (d: CalendarDate) => `${MONTHS[d.month - 1]} ${d.day}`;

export const dateAmbiguous: Rule = {
  id: 'date-ambiguous',
  description: 'A numeric date whose day and month could swap, with nothing in the document to settle it.',
  defaultSeverity: 'info',
  tags: ['timeline'],
  check({ model, config, report }) {
    for (const date of timelineOf(model, config).ambiguousDates) {
      report({
        start: date.start,
        end: date.end,
        message: `${date.text} could be ${spoken(date.read)} or ${spoken(date.other)}, and no other date in the document settles it; it is read as ${spoken(date.read)}, ${date.read.year}: write the month's name or ${isoDate(date.read)}.`,
      });
    }
  },
};
