import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data, type Processor } from 'unified';
import { withFastAutolinkLiterals } from './autolinks';

type Extension = NonNullable<Data['micromarkExtensions']>[number];

/**
 * Drops GFM's "potential footnote call" construct (`![^1]`, a footnote call read after an
 * image label). It walks back over every earlier token at each `]` that has no opening
 * bracket, so a line of many `]` costs quadratic time; real footnote calls (`[^1]`) are
 * read by the other footnote construct and stay.
 */
export function withoutPotentialFootnoteCalls(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => {
    if (!('text' in extension) || !extension.text) return extension;
    const text = Object.fromEntries(
      Object.entries(extension.text).map(([code, constructs]) => [
        code,
        Array.isArray(constructs) ? constructs.filter((c: { name?: string }) => c.name !== 'gfmPotentialFootnoteCall') : constructs,
      ]),
    );
    return { ...extension, text } as Extension;
  });
}

/**
 * Constructs that nest (block quotes, lists, emphasis, links, images, HTML): without them a
 * document parses flat, however deep it nests.
 */
function withoutNesting(this: Processor): void {
  const data = this.data();
  const disable = { null: ['attention', 'blockQuote', 'list', 'labelStartImage', 'labelStartLink', 'htmlFlow', 'htmlText'] };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable } as Extension];
}

/**
 * The one Markdown processor of the core: CommonMark, GFM (tables, task lists) and YAML
 * front matter. Frozen once; `parse` is the parse floor the benchmark compares against.
 */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutPotentialFootnoteCalls).use(withFastAutolinkLiterals).freeze();

/**
 * The same without front matter, for parts of a document that do not start it (chunks.ts,
 * reparse.ts): keep it in step with `markdownProcessor`, or those parts would read differently.
 */
export const windowProcessor = unified().use(remarkParse).use(remarkGfm).use(withoutPotentialFootnoteCalls).use(withFastAutolinkLiterals).freeze();

/** The same without nesting constructs: the fallback for a document nested too deep to parse. */
const flatProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutPotentialFootnoteCalls).use(withFastAutolinkLiterals).use(withoutNesting).freeze();

/** Parses Markdown into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return markdownProcessor.parse(text);
}

/** Parses Markdown without quotes, lists, emphasis, links or HTML: a tree of any document that is never deep. */
export function parseFlat(text: string): Root {
  return flatProcessor.parse(text);
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
