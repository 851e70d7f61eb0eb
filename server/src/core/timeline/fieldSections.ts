/**
 * The Timeline of a postmortem written as a list of fields: `- **Timeline:**` over a nested
 * list of entries. With no Timeline heading, such a field is read as the Timeline section,
 * its label standing for the heading (a zone is declared on it: `**Timeline (UTC):**`).
 */
import { sectionsFor } from '../model/query';
import type { PostmortemModel, Section } from '../model/types';

/** The Timeline sections: its headings, else the fields labelled Timeline over the blocks under them. */
export function timelineSections(model: PostmortemModel): Section[] {
  const headed = sectionsFor(model, 'timeline');
  if (headed.length > 0) return headed;
  return model.fields.flatMap((field): Section[] => {
    if (!field.body || !field.ids.includes('timeline')) return [];
    const label = model.text.slice(field.start, field.end);
    const name = label.replace(/[*_:：\s]+$/u, '').replace(/^[*_]+/, '');
    const matches = model.profile.catalog.filter((c) => field.ids.includes(c.id));
    const heading = { kind: 'pseudo' as const, depth: model.sectionLevel, text: label, start: field.start, end: field.end, matches, pseudo: { style: 'item' as const, name, label: true } };
    return [{ heading, ids: field.ids, start: field.start, contentStart: field.body.start, end: field.body.end, subheadings: [] }];
  });
}
