import type { Nodes } from 'mdast';
import type { PostmortemModel } from '../model/types';
import type { Rule } from './types';
import { documentAnchor } from './util';

/** Words of prose: text and inline code, not front matter, HTML or code blocks. */
export function countWords(model: PostmortemModel): number {
  let words = 0;
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      for (const token of node.value.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++;
    } else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(model.tree);
  return words;
}

export const wordCount: Rule = {
  id: 'word-count',
  description: "The postmortem's length is outside the profile's range (alx: 400–600 words).",
  defaultSeverity: 'info',
  tags: ['content'],
  scope: 'document',
  check({ model, report }) {
    const range = model.profile.wordCount;
    if (!range) return;
    const words = countWords(model);
    if (words >= range.min && words <= range.max) return;
    const advice = words < range.min ? `add about ${range.min - words}` : `cut about ${words - range.max}`;
    report({
      ...documentAnchor(model),
      message: `The postmortem has ${words} words; the ${model.profile.name} profile asks for ${range.min}–${range.max}: ${advice}.`,
    });
  },
};
