import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data, type Processor } from 'unified';
import { withFastAutolinkLiterals } from './autolinks';
import { noLabels, type DefinedLabels } from './definitions';

type Extension = NonNullable<Data['micromarkExtensions']>[number];

/** The fields of a micromark extension that map character codes to constructs. */
const CONSTRUCT_MAPS = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const;

/**
 * A unified plugin that drops micromark constructs by name from the extensions before it (use
 * it after remark-gfm). Why each is dropped is at `DROPPED_CONSTRUCTS` and `parserFor`.
 */
export function withoutConstructs(this: Processor, names: readonly string[]): void {
  const data = this.data();
  const dropped = new Set(names);
  const keep = (constructs: unknown) => (Array.isArray(constructs) ? constructs : [constructs]).filter((c: { name?: string }) => !dropped.has(c.name ?? ''));
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => {
    const copy: Record<string, unknown> = { ...extension };
    for (const field of CONSTRUCT_MAPS) {
      const map = extension[field];
      if (map) copy[field] = Object.fromEntries(Object.entries(map).map(([code, constructs]) => [code, constructs ? keep(constructs) : constructs]));
    }
    return copy as Extension;
  });
}

/**
 * - `gfmPotentialFootnoteCall` (`![^1]`, a footnote call read after an image label) walks
 *   back over every earlier token at each `]` that has no opening bracket, so a line of many
 *   `]` costs quadratic time; real footnote calls (`[^1]`) are read by the other footnote
 *   construct and stay.
 * - GFM reads autolink literals twice, as GitHub does: at parse time, and again in a pass over
 *   the tree's text (mdast-util-gfm-autolink-literal; autolinks.ts). The parse-time e-mail
 *   construct tries every word of the document for an address: a fifth of the parse of a
 *   typical postmortem (`npm run bench`). The pass over the tree makes the same e-mail links,
 *   at the same places (test/unit/autolinks.test.ts), and whole `mailto:`/`xmpp:` links, as
 *   the GFM spec has them, where the parse-time construct leaves the scheme as text.
 */
export const DROPPED_CONSTRUCTS = ['gfmPotentialFootnoteCall', 'emailAutolink'] as const;

/**
 * Constructs that nest (block quotes, lists, emphasis, links, images, HTML): without them a
 * document parses flat, however deep it nests.
 */
function withoutNesting(this: Processor): void {
  const data = this.data();
  const disable = { null: ['attention', 'blockQuote', 'list', 'labelStartImage', 'labelStartLink', 'htmlFlow', 'htmlText'] };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable } as Extension];
}

/** The labels the parse under way starts with (parseWith sets them; parses are synchronous). */
let seedLabels: DefinedLabels | undefined;
const seededParsers = new WeakSet<object>();

/**
 * A unified plugin that starts each parse with `seedLabels` defined: a construct tried at
 * the start of flow lines that adds them to micromark's parser once and then declines. All
 * flow is read before any inline text, so every reference sees them (definitions.ts).
 */
function withDefinedLabels(this: Processor): void {
  const data = this.data();
  const seed = {
    tokenize(this: { parser: { defined: string[]; gfmFootnotes?: string[] } }, _effects: unknown, _ok: unknown, nok: (code: number | null) => unknown) {
      const parser = this.parser;
      if (seedLabels && !seededParsers.has(parser)) {
        seededParsers.add(parser);
        parser.defined.push(...seedLabels.links);
        parser.gfmFootnotes = [...(parser.gfmFootnotes ?? []), ...seedLabels.footnotes];
      }
      return nok;
    },
  };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { flowInitial: { null: [seed] } } as unknown as Extension];
}

/** The core's Markdown processor: CommonMark, GFM and YAML front matter (or not: for parts of a document), `DROPPED_CONSTRUCTS` dropped; `seeded`: parses start with `seedLabels` defined. */
function markdown(options: { frontMatter: boolean; tables: boolean; nesting: boolean; seeded?: boolean }) {
  const dropped = [...DROPPED_CONSTRUCTS, ...(options.tables ? [] : ['table'])];
  return unified()
    .use(remarkParse)
    .use(options.frontMatter ? [[remarkFrontmatter, ['yaml']]] : [])
    .use(remarkGfm)
    .use(withoutConstructs, dropped)
    .use(withFastAutolinkLiterals)
    .use(options.nesting ? [] : [withoutNesting])
    .use(options.seeded ? [withDefinedLabels] : [])
    .freeze();
}

/**
 * Whether a text may hold a GFM table. A table's delimiter row needs a `|` or an alignment
 * colon next to a dash (micromark-extension-gfm-table refuses a row with neither: it is a
 * thematic break or a setext underline), so a text with none of `|`, `:-`, `-:` holds none.
 */
const MAY_HOLD_TABLE = /\||:-|-:/;

/**
 * Each processor in two builds: with GFM tables, and without, for texts that cannot hold one
 * (most postmortems: tables were a third of their parse). Same tree either way
 * (test/unit/parse.test.ts). Frozen once.
 */
const PROCESSORS = {
  document: { tables: markdown({ frontMatter: true, tables: true, nesting: true }), plain: markdown({ frontMatter: true, tables: false, nesting: true }) },
  window: { tables: markdown({ frontMatter: false, tables: true, nesting: true }), plain: markdown({ frontMatter: false, tables: false, nesting: true }) },
  flat: { tables: markdown({ frontMatter: true, tables: true, nesting: false }), plain: markdown({ frontMatter: true, tables: false, nesting: false }) },
  seededDocument: { tables: markdown({ frontMatter: true, tables: true, nesting: true, seeded: true }), plain: markdown({ frontMatter: true, tables: false, nesting: true, seeded: true }) },
  seededWindow: { tables: markdown({ frontMatter: false, tables: true, nesting: true, seeded: true }), plain: markdown({ frontMatter: false, tables: false, nesting: true, seeded: true }) },
};

function parseWith(kind: keyof typeof PROCESSORS, text: string, labels?: DefinedLabels): Root {
  const seeded = labels && !noLabels(labels);
  const processors = PROCESSORS[seeded ? (kind === 'window' ? 'seededWindow' : 'seededDocument') : kind];
  const processor = MAY_HOLD_TABLE.test(text) ? processors.tables : processors.plain;
  seedLabels = seeded ? labels : undefined;
  try {
    // micromark skips a leading byte order mark and counts its offsets without it: put them back on the text.
    return text.charCodeAt(0) === 0xfeff ? pastByteOrderMark(processor.parse(text.slice(1))) : processor.parse(text);
  } finally {
    seedLabels = undefined;
  }
}

/** A tree of the text after a byte order mark, moved one character on (the root still starts at 0). */
function pastByteOrderMark(tree: Root): Root {
  const move = (point: Point): Point => ({ line: point.line, column: point.line === 1 ? point.column + 1 : point.column, offset: point.offset === undefined ? undefined : point.offset + 1 });
  const visit = (node: Nodes): void => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const child of tree.children) visit(child);
  if (tree.position) tree.position = { start: tree.position.start, end: move(tree.position.end) };
  return tree;
}

/**
 * Parses Markdown into an mdast tree with positions: the parse floor the benchmark compares
 * against. `labels`: definitions made elsewhere (when `text` is the first part of a document).
 */
export function parseMarkdown(text: string, labels?: DefinedLabels): Root {
  return parseWith('document', text, labels);
}

/**
 * Parses a part of a document that does not start it (no front matter; chunks.ts, reparse.ts),
 * as the whole document's parse reads it there, given the labels the document defines.
 */
export function parseWindow(text: string, labels?: DefinedLabels): Root {
  return parseWith('window', text, labels);
}

/** Parses Markdown without quotes, lists, emphasis, links or HTML: a tree of any document that is never deep. */
export function parseFlat(text: string): Root {
  return parseWith('flat', text);
}

/** More container levels on one line than any document has: the parser slows quadratically and then overflows. */
const MAX_NESTING = 200;

/**
 * Whether a line opens more than MAX_NESTING block quotes and list items (`> > - 1. …`): such
 * a document is parsed flat at once (micromark would spend seconds before overflowing). One
 * linear pass over the line starts.
 */
export function nestsTooDeep(text: string): boolean {
  const space = (at: number) => text[at] === ' ' || text[at] === '\t';
  for (let start = 0; start < text.length; ) {
    let at = start;
    let depth = 0;
    for (;;) {
      while (space(at)) at++;
      if (text[at] === '>') at++;
      else if ((text[at] === '-' || text[at] === '*' || text[at] === '+') && space(at + 1)) at += 2;
      else {
        let digits = at;
        while (digits < at + 9 && text[digits] >= '0' && text[digits] <= '9') digits++;
        if (digits === at || (text[digits] !== '.' && text[digits] !== ')') || !space(digits + 1)) break;
        at = digits + 2;
      }
      if (++depth > MAX_NESTING) return true;
    }
    const end = text.indexOf('\n', at);
    if (end === -1) break;
    start = end + 1;
  }
  return false;
}
