/**
 * Long documents are parsed in chunks: each cut after a blank line below a block that such
 * a line closes whatever follows (blocks.ts `freshAfter`), so the parser starts afresh there
 * and every chunk can be parsed on its own; its nodes are then moved into place. The tree
 * equals `parseMarkdown(text)` (test/unit/incremental.test.ts). micromark holds a token for
 * every construct until a parse ends: a 5,000-line document took 150 MB while it was parsed
 * whole, a chunk takes a few (the server's peak memory), and less garbage is faster too.
 */
import type { Root, RootContent } from 'mdast';
import { canReuse, countLines, freshAfter, moveInPlace, opensFrontMatter, rootEnd, startsCleanly } from './blocks';
import { definitionKeys, guessLabels, labelsFromKeys, NO_LABELS, sameLabels, setLabelsOfTree, type DefinedLabels } from './definitions';
import { parseMarkdown, parseWindow } from './parse';
import { detached } from './text';

/** About how many characters a chunk holds (a few hundred lines). */
export const CHUNK_SIZE = 16_000;

/**
 * Parses a document, in chunks when it is long; the same tree as `parseMarkdown`. Every chunk
 * is parsed with the document's definition labels known (definitions.ts): guessed from its
 * lines first, and when the chunks' definitions say otherwise, parsed again with those.
 */
export function parseDocument(text: string, chunkSize = CHUNK_SIZE): Root {
  if (text.length <= chunkSize * 2 || !canReuse(text)) return parseMarkdown(text);
  const guess = text.includes(']:') ? guessLabels(text) : NO_LABELS;
  const tree = parseChunks(text, chunkSize, guess);
  if (!tree) return parseMarkdown(text);
  const found = labelsFromKeys(definitionKeys([tree]));
  if (sameLabels(found, guess)) {
    setLabelsOfTree(tree, found);
    return tree;
  }
  const again = parseChunks(text, chunkSize, found);
  if (!again) return parseMarkdown(text);
  setLabelsOfTree(again, found);
  return again;
}

/** The chunked parse with `labels` defined; undefined when the text must be parsed whole. */
function parseChunks(text: string, chunkSize: number, labels: DefinedLabels): Root | undefined {
  const children: RootContent[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = nextCut(text, start + chunkSize);
    for (;;) {
      // Its own copy: nodes reused by later versions must not keep this whole text alive (text.ts `detached`).
      const source = detached(text.slice(start, end));
      if (!startsCleanly(source, start)) return undefined;
      const tree = start === 0 ? parseMarkdown(source, labels) : parseWindow(source, labels);
      // Quirks that reach across the whole document: parse it whole (see reparse.ts).
      if ('checked' in tree || (start === 0 && opensFrontMatter(text) && tree.children[0]?.type !== 'yaml')) return undefined;
      const nodes = tree.children;
      for (const node of nodes) moveInPlace(node, start, line);
      const last = nodes[nodes.length - 1];
      if (end === text.length || !last || freshAfter(text, last, end)) {
        children.push(...nodes);
        line += countLines(source);
        start = end;
        break;
      }
      // Not a clean cut (a list, an open fence): keep the nodes up to the last clean cut inside the chunk, and go on from there.
      const kept = lastCleanCut(text, nodes);
      if (kept > 0) {
        children.push(...nodes.slice(0, kept));
        line = nodes[kept].position!.start.line - 1;
        start = text.lastIndexOf('\n', nodes[kept].position!.start.offset! - 1) + 1;
        break;
      }
      // None: take in twice as much, so a long loose list costs at most about twice its parse.
      end = nextCut(text, start + 2 * (end - start));
    }
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: rootEnd(text) } };
}

/** How many of a chunk's nodes end at a clean cut (the parser fresh at the line where the next one starts); 0 when none do. */
function lastCleanCut(text: string, nodes: readonly RootContent[]): number {
  for (let k = nodes.length - 1; k > 0; k--) {
    const next = nodes[k].position!.start.offset!;
    if (freshAfter(text, nodes[k - 1], text.lastIndexOf('\n', next - 1) + 1)) return k;
  }
  return 0;
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
