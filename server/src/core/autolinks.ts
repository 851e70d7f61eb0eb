/**
 * GFM autolink literals (`www.example.com`, `https://…`, `ops@example.com` in plain text
 * become links) made by the pass over the tree alone, faster, and placed.
 *
 * GFM reads them twice, as GitHub does: micromark's parse-time constructs, and
 * mdast-util-gfm-autolink-literal's pass over the tree's text. The core drops the parse-time
 * constructs (parse.ts `DROPPED_CONSTRUCTS`: a fifth of the parse), so this pass makes every
 * such link. Two changes to the library's pass:
 * - it runs only on the top-level blocks whose text holds an `@`, `http://`, `https://` or
 *   `www.` (every one of its four expressions needs one): profiled, scanning every text node
 *   of a typical postmortem was a tenth of its parse;
 * - the nodes it makes get the positions the parse-time constructs would have given them (the
 *   library leaves them out), read from the source text: the prose rules blank link addresses
 *   by position.
 * test/unit/autolinks.test.ts checks the tree equals full GFM's on random Markdown.
 */
import type { Nodes, Parent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import type { Processor } from 'unified';

/** What a text node must contain for any of the library's patterns to match in it. */
const CANDIDATE = /@|https?:\/\/|www\./i;

type Transform = (tree: Root) => Root | undefined | void;

/** A unified plugin (use it after remark-parse and remark-gfm) that swaps the autolink-literal pass for the filtered, placed one. */
export function withFastAutolinkLiterals(this: Processor): void {
  // The pass needs the source text to place nodes: the parser hands it over while it parses.
  let source = '';
  const parse = this.parser;
  if (parse) {
    this.parser = (document, file) => {
      source = document;
      try {
        return parse(document, file);
      } finally {
        source = '';
      }
    };
  }
  const data = this.data();
  type Extension = NonNullable<typeof data.fromMarkdownExtensions>[number];
  // Copies, never the library's own objects: other processors may share them.
  const swap = (extension: Extension): Extension => {
    if (Array.isArray(extension)) return extension.map((part) => swap(part as Extension)) as Extension;
    const transforms = (extension as { transforms?: Transform[] }).transforms;
    if (!transforms?.some((t) => t.name === 'transformGfmAutolinkLiterals')) return extension;
    return { ...extension, transforms: transforms.map((t) => (t.name === 'transformGfmAutolinkLiterals' ? onlyWhereNeeded(t, () => source) : t)) } as Extension;
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(swap);
}

function onlyWhereNeeded(original: Transform, sourceOf: () => string): Transform {
  // A top-level block is never inside a link, so the pass over it alone does what the pass over the tree does there.
  return (tree) => {
    for (const block of tree.children) {
      const candidates: Array<{ parent: Parent; text: Text }> = [];
      collectCandidates(block, candidates);
      if (candidates.length === 0) continue;
      original(block as unknown as Root);
      const source = sourceOf();
      if (source) for (const parent of new Set(candidates.map((c) => c.parent))) placeReplacements(parent, candidates, source);
    }
  };
}

function collectCandidates(node: Nodes, out: Array<{ parent: Parent; text: Text }>): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  for (const child of node.children) {
    if (child.type === 'text' && CANDIDATE.test(child.value)) out.push({ parent: node, text: child });
    else collectCandidates(child, out);
  }
}

/**
 * Gives the nodes that replaced a parent's candidate text nodes their places: each run of
 * unplaced children stands for the next candidate no longer among the children.
 */
function placeReplacements(parent: Parent, candidates: ReadonlyArray<{ parent: Parent; text: Text }>, source: string): void {
  const present = new Set<RootContent>(parent.children);
  const replaced = candidates.filter((c) => c.parent === parent && !present.has(c.text)).map((c) => c.text);
  let k = 0;
  for (let i = 0; i < parent.children.length && k < replaced.length; ) {
    if (parent.children[i].position) {
      i++;
      continue;
    }
    let j = i;
    while (j < parent.children.length && !parent.children[j].position) j++;
    placePieces(parent.children.slice(i, j), replaced[k++], source);
    i = j;
  }
}

/** Places the pieces a text node was split into: each link where its text is, the text between. */
function placePieces(pieces: readonly RootContent[], old: Text, source: string): void {
  const from = old.position?.start;
  const to = old.position?.end.offset;
  if (from?.offset === undefined || to === undefined) return;
  // Where each piece ends. A text piece written as it reads is skipped whole (the next address
  // may also appear inside it); else the next link is looked for. A link whose text is not
  // found as written (an escape in it) leaves the pieces unplaced, as the library does.
  const ends: number[] = [];
  let cursor = from.offset;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.type === 'text') {
      if (source.startsWith(piece.value, cursor)) cursor = ends[i] = cursor + piece.value.length;
      continue;
    }
    if (piece.type !== 'link') return;
    const label = piece.children[0]?.type === 'text' ? piece.children[0].value : '';
    const at = source.startsWith(label, cursor) ? cursor : source.indexOf(label, cursor);
    if (!label || at === -1 || at + label.length > to) return;
    if (i > 0 && pieces[i - 1].type === 'text') ends[i - 1] = at;
    cursor = ends[i] = at + label.length;
  }
  ends[pieces.length - 1] = to;
  const points = new Points(source, from);
  let start = from.offset;
  pieces.forEach((piece, i) => {
    const end = ends[i] ?? start;
    piece.position = { start: points.at(start), end: points.at(end) };
    if (piece.type === 'link') for (const child of piece.children) child.position = { start: points.at(start), end: points.at(end) };
    start = end;
  });
}

/** Line and column of offsets after a known point, read forward (line endings: LF, CRLF, CR). */
class Points {
  private offset: number;
  private line: number;
  private lineStart: number;

  constructor(
    private readonly source: string,
    from: Point,
  ) {
    this.offset = from.offset!;
    this.line = from.line;
    this.lineStart = from.offset! - (from.column - 1);
  }

  at(offset: number): Point {
    for (; this.offset < offset; this.offset++) {
      const c = this.source.charCodeAt(this.offset);
      if (c === 10 || (c === 13 && this.source.charCodeAt(this.offset + 1) !== 10)) {
        this.line++;
        this.lineStart = this.offset + 1;
      }
    }
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }
}
