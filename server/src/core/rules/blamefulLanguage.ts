import { BLAME_STEMS, findBlame } from './blameLexicon';
import { proseUnits } from './proseUnits';
import type { Rule } from './types';
import { quote } from './util';

export const blamefulLanguage: Rule = {
  id: 'blameful-language',
  description: 'Wording that blames people ("human error", "the SRE mistakenly…", "we forgot to…") rather than the system.',
  defaultSeverity: 'info',
  tags: ['content'],
  check({ model, report }) {
    // Quotes, code and pasted chat logs are blanked out of the units: only the author's words are read.
    for (const unit of proseUnits(model, BLAME_STEMS)) {
      for (const hit of findBlame(unit.text)) {
        const phrase = unit.text.slice(hit.start, hit.end).replace(/\s+/g, ' ').trim();
        report({
          start: unit.start + hit.start,
          end: unit.start + hit.end,
          message: `${quote(phrase)} puts the blame on people: ${hit.advice}.`,
        });
      }
    }
  },
};
