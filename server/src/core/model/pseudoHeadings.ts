import type { Html, List, ListItem, Paragraph, RootContent } from 'mdast';
import type { CanonicalSection } from '../profiles/catalog';
import type { SectionMatcher } from '../profiles/match';
import type { LineIndex, SourceLine } from '../text';
import { readTitleLine, type TitleLine } from './titleLine';
import type { HeadingInfo } from './types';

/** What reading the titles of a block needs besides the block. */
export interface TitleContext {
  index: LineIndex;
  matcher: SectionMatcher;
  /** The sibling sections' level, which pseudo-headings take. */
  depth: number;
}

interface Candidate {
  read: TitleLine;
  matches: CanonicalSection[];
}

/**
 * The pseudo-headings of one top-level block: title lines of a paragraph, an HTML heading
 * that opens an HTML block, and list items that are titles (`- Root Cause and Resolution:`).
 * Nothing inside quotes, code or nested blocks is a title.
 */
export function pseudoHeadingsOf(node: RootContent, next: RootContent | undefined, context: TitleContext): HeadingInfo[] {
  if (node.type === 'paragraph') return paragraphTitles(node, context);
  if (node.type === 'html') return htmlTitle(node, context);
  if (node.type === 'list') return listTitles(node, next, context);
  return [];
}

/**
 * The lines of a paragraph that serve as titles: each names a section as a whole and stands
 * on its own (see `standsAlone`). A taken title ends the text before it and starts the text
 * after it, so its neighbours are read as the first or last line of a paragraph: the same
 * reading the document gets once the titles are headings, so converting one never reveals
 * another.
 */
function paragraphTitles(paragraph: Paragraph, context: TitleContext): HeadingInfo[] {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const lines = context.index.linesBetween(start, end);
  const candidates = lines.map((line) => candidateOf(line.text, context.matcher));
  const taken = lines.map(() => false);
  // Taking a title only makes its neighbours' reading easier: repeat until nothing more is
  // taken, down and then up the paragraph (a run of titles each waiting for the one after it is
  // taken in one pass up), so a few passes settle any paragraph.
  for (let changed = true, down = true; changed; down = !down) {
    changed = false;
    for (let step = 0; step < lines.length; step++) {
      const i = down ? step : lines.length - 1 - step;
      const candidate = candidates[i];
      if (!candidate || taken[i]) continue;
      const opens = i === 0 || taken[i - 1];
      const closes = i === lines.length - 1 || taken[i + 1];
      if (standsAlone(lines, i, candidate.read, opens, closes)) changed = taken[i] = true;
    }
  }
  return lines.flatMap((line, i) => {
    if (!taken[i]) return [];
    const heading = headingOf(line, 0, candidates[i]!, context.depth);
    if (candidates[i]!.read.boldLabel && i + 1 < lines.length && !taken[i + 1]) heading.pseudo!.label = true;
    return [heading];
  });
}

/** A word that leaves its sentence open: a line ending in one runs on into the next. */
const RUNS_ON = /(?:[,\-–—(/&+]|\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|as|into|about|our|its|their|this|that|these|is|are|was|were|be|been|has|have|had))$/i;

/**
 * Whether a line naming a section stands as a title in its paragraph: not a word of a sentence
 * that the line before runs on into, nor one that the line after continues in lower case; a
 * plain lower-case line only when it is alone. Text indented as code after it would turn into
 * code under a heading, so such a line is left as it is.
 */
function standsAlone(lines: SourceLine[], i: number, read: TitleLine, opens: boolean, closes: boolean): boolean {
  if (!read.marked && /^\p{Ll}/u.test(read.name) && !(opens && closes)) return false;
  if (!opens && RUNS_ON.test(lines[i - 1].text.trimEnd())) return false;
  if (closes) return true;
  const after = lines[i + 1].text;
  return indentWidth(after) < 4 && (read.marked || !/^\s*\p{Ll}/u.test(after));
}

/** `<h2>Timeline</h2>` as the first line of an HTML block: a heading that Markdown tools do not see. */
function htmlTitle(node: Html, context: TitleContext): HeadingInfo[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const [first, second] = context.index.linesBetween(start, end);
  const candidate = candidateOf(first.text, context.matcher);
  if (!candidate || candidate.read.style !== 'html' || (second !== undefined && indentWidth(second.text) >= 4)) return [];
  return [headingOf(first, 0, candidate, context.depth)];
}

/**
 * List items that are titles: a top-level item of one paragraph whose first line names a
 * section and ends with a colon (`- Corrective and Preventative Measures:`), or a numbered one
 * with its text under it (`3) Timeline`), with something after it. The text under it must not
 * be indented as code once the title is a heading.
 */
function listTitles(list: List, next: RootContent | undefined, context: TitleContext): HeadingInfo[] {
  const found: HeadingInfo[] = [];
  list.children.forEach((item, k) => {
    const title = itemTitle(item, context);
    if (!title) return;
    const { line, marker, candidate, continues } = title;
    const colon = /[:：][^\p{L}\p{N}]*$/u.test(line.text);
    if (!colon && !(list.ordered && continues)) return;
    if (!continues && k === list.children.length - 1 && next === undefined) return;
    const name = list.ordered ? `${marker.trim()} ${candidate.read.name}` : candidate.read.name;
    found.push(headingOf(line, indentWidthOf(line.text), { ...candidate, read: { ...candidate.read, name, style: 'item' } }, context.depth));
  });
  return found;
}

function itemTitle(item: ListItem, context: TitleContext) {
  const paragraph = item.children[0];
  const start = item.position?.start.offset;
  const end = item.position?.end.offset;
  const textStart = paragraph?.type === 'paragraph' ? paragraph.position?.start.offset : undefined;
  // An item with items or blocks under it is a field with its parts (`- Impact:` over sub-items), not a title.
  if (item.children.length !== 1 || item.checked != null || start === undefined || end === undefined || textStart === undefined) return undefined;
  const [line, ...rest] = context.index.linesBetween(start, end);
  if (textStart > line.offset + line.text.length || rest.some((l) => l.text.trim() && indentWidth(l.text) >= 4)) return undefined;
  const marker = context.index.text.slice(line.offset + indentWidthOf(line.text), textStart);
  const candidate = candidateOf(context.index.text.slice(textStart, line.offset + line.text.length), context.matcher);
  return candidate ? { line, marker, candidate, continues: rest.some((l) => l.text.trim()) } : undefined;
}

function candidateOf(text: string, matcher: SectionMatcher): Candidate | undefined {
  const read = readTitleLine(text);
  const matches = read ? matcher.matchWhole(read.name) : [];
  return read && matches.length > 0 ? { read, matches } : undefined;
}

/**
 * The pseudo-heading of a line, from `from` (its indentation, or a list item's marker) to the
 * end of its text. Only spaces and tabs may stand before a heading: other white space (a
 * no-break space) is part of what the fix replaces, or the converted line would still not be
 * a heading.
 */
function headingOf(line: SourceLine, from: number, { read, matches }: Candidate, depth: number): HeadingInfo {
  const lead = Math.max(from, line.text.length - line.text.replace(/^[ \t]+/, '').length);
  const text = line.text.slice(lead).trimEnd();
  return {
    kind: 'pseudo',
    depth,
    text,
    start: line.offset + lead,
    end: line.offset + lead + text.length,
    matches,
    pseudo: { style: read.style, name: read.name },
  };
}

/** Columns of leading white space, a tab counting to the next multiple of four. */
function indentWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Characters of leading spaces and tabs. */
function indentWidthOf(text: string): number {
  return text.length - text.replace(/^[ \t]+/, '').length;
}
