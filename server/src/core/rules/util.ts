import type { PostmortemModel } from '../model/types';

/** Where a finding about the whole document goes: the title, else the first line with text. */
export function documentAnchor(model: PostmortemModel): { start: number; end: number } {
  const heading = model.title ?? model.headings[0];
  if (heading) return { start: heading.start, end: heading.end };
  const first = /\S[^\n\r]*/.exec(model.text.slice(model.frontMatter?.end ?? 0));
  if (!first) return { start: 0, end: 0 };
  const start = (model.frontMatter?.end ?? 0) + first.index;
  return { start, end: start + first[0].trimEnd().length };
}

/** Quotes a heading or name for a message. */
export function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

/** HTML comments (and one left open at the end) blanked out: a writer's notes to self say nothing to the reader. */
export function withoutHtmlComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}
