import { sectionsFor } from '../model/query';
import { actionItems, ownerOf } from './actionItems';
import type { Rule } from './types';
import { quote } from './util';

export const actionItemOwner: Rule = {
  id: 'action-item-owner',
  description: 'An action item names no owner (`@name`, `Owner: name`, or an owner column).',
  defaultSeverity: 'info',
  tags: ['content'],
  check({ model, report }) {
    for (const section of sectionsFor(model, 'action-items')) {
      // One finding per item, on the item: that is the line someone has to take.
      for (const item of actionItems(model, section)) {
        const owner = ownerOf(item);
        if (owner) continue;
        const what = quote(model.text.slice(item.start, item.end).replace(/[*_`]/g, '').trim());
        report({
          start: item.start,
          end: item.end,
          message:
            owner === ''
              ? `The action item ${what} leaves its owner open: name the person or team who will do it (for example "@alice").`
              : `The action item ${what} has no owner: add one (for example "@alice" or "Owner: Alice") so someone is accountable for it.`,
        });
      }
    }
  },
};
