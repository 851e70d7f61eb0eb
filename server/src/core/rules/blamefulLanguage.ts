import { NodeMemo } from '../memo';
import { BLAME_STEMS, findBlame } from './blameLexicon';
import { proseUnits } from './proseUnits';
import type { Report, Rule } from './types';
import { quote } from './util';

/** The findings of each top-level block, offsets relative to its start: an edit re-reads only the blocks it touched (memo.ts). */
const blockFindings = new NodeMemo<readonly Report[]>();

export const blamefulLanguage: Rule = {
  id: 'blameful-language',
  description: 'Wording that blames people ("human error", "the SRE mistakenly…", "we forgot to…") rather than the system.',
  defaultSeverity: 'info',
  tags: ['content'],
  check({ model, report }) {
    for (const block of model.blocks) {
      const findings = blockFindings.get(block.node, () => {
        const found: Report[] = [];
        // Quotes, code and pasted chat logs are blanked out of the units: only the author's words are read.
        for (const unit of proseUnits(model, BLAME_STEMS, block.node)) {
          for (const hit of findBlame(unit.text)) {
            const phrase = unit.text.slice(hit.start, hit.end).replace(/\s+/g, ' ').trim();
            found.push({
              start: unit.start + hit.start - block.start,
              end: unit.start + hit.end - block.start,
              message: `${quote(phrase)} puts the blame on people: ${hit.advice}.`,
            });
          }
        }
        return found;
      });
      for (const finding of findings) report({ start: block.start + finding.start, end: block.start + finding.end, message: finding.message });
    }
  },
};
