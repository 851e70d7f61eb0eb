/**
 * Long documents are parsed in chunks: each cut after a blank line below a block that such
 * a line closes whatever follows (blocks.ts `freshAfter`), so the parser starts afresh there
 * and every chunk can be parsed on its own; its nodes are then moved into place. The tree
 * equals `parseMarkdown(text)` (test/unit/incremental.test.ts). micromark holds a token for
 * every construct until a parse ends: a 5,000-line document took 150 MB while it was parsed
 * whole, a chunk takes a few (the server's peak memory), and less garbage is faster too.
 */
import type { Root, RootContent } from 'mdast';
import { canReuse, countLines, freshAfter, moveInPlace, rootEnd, windowProcessor } from './blocks';
import { parseMarkdown } from './parse';

/** About how many characters a chunk holds (a few hundred lines). */
export const CHUNK_SIZE = 16_000;

/** Parses a document, in chunks when it is long; the same tree as `parseMarkdown`. */
export function parseDocument(text: string, chunkSize = CHUNK_SIZE): Root {
  if (text.length <= chunkSize * 2 || !canReuse(text)) return parseMarkdown(text);
  const children: RootContent[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = nextCut(text, start + chunkSize);
    for (;;) {
      const source = text.slice(start, end);
      const tree = start === 0 ? parseMarkdown(source) : windowProcessor.parse(source);
      // Quirks that reach across the whole document: parse it whole (see reparse.ts).
      if ('checked' in tree || (start === 0 && text.startsWith('---') && tree.children[0]?.type !== 'yaml')) return parseMarkdown(text);
      for (const node of tree.children) moveInPlace(node, start, line);
      const last = tree.children[tree.children.length - 1];
      if (end === text.length || !last || freshAfter(text, last, end)) {
        children.push(...tree.children);
        line += countLines(source);
        start = end;
        break;
      }
      // Not a clean cut (a list, an open fence): take in more.
      end = nextCut(text, end + chunkSize);
    }
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: rootEnd(text) } };
}

/** The start of the first line at or after `from` that has text and follows a blank line; the end of the text when none does. */
function nextCut(text: string, from: number): number {
  let at = text.indexOf('\n', Math.min(from, text.length));
  while (at !== -1) {
    const next = at + 1;
    const lineEnd = text.indexOf('\n', next);
    const lineText = text.slice(next, lineEnd === -1 ? text.length : lineEnd);
    // `at` ends a line; the line after it is blank when it holds only spaces: the cut goes after it.
    if (lineEnd !== -1 && lineText.trim() === '') {
      let after = lineEnd + 1;
      while (after < text.length) {
        const end = text.indexOf('\n', after);
        if (text.slice(after, end === -1 ? text.length : end).trim() !== '') return after;
        if (end === -1) break;
        after = end + 1;
      }
      return text.length;
    }
    at = lineEnd;
  }
  return text.length;
}
