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
  const candidates = lines.map((line) => (startsBlock(line.text) ? undefined : candidateOf(line.text, context.matcher)));
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
 * plain lower-case line only when it is alone. The line after it must read the same once the
 * title is a heading: text indented as code, or a line that would then open a block of its
 * own (`startsBlock`), leaves the title as it is.
 */
function standsAlone(lines: SourceLine[], i: number, read: TitleLine, opens: boolean, closes: boolean): boolean {
  if (!read.marked && /^\p{Ll}/u.test(read.name) && !(opens && closes)) return false;
  if (!opens && RUNS_ON.test(lines[i - 1].text.trimEnd())) return false;
  if (i === lines.length - 1) return true;
  const after = lines[i + 1].text;
  if (startsBlock(after)) return false;
  return closes || read.marked || !/^\s*\p{Ll}/u.test(after);
}

/** A paragraph line that would start a block of another kind at the start of one: it is never a title, nor is the line before it. */
function startsBlock(text: string): boolean {
  return indentWidth(text) >= 4 || OPENS_BLOCK.test(text);
}

/**
 * A line inside a paragraph that would open a block of its own at the start of one (a list
 * numbered from 3, an empty item, an HTML tag, a table row): after a heading it would.
 */
const OPENS_BLOCK = /^[ \t]*(?:\d{1,9}[.)](?:[ \t]|$)|[-*+](?:[ \t]|$)|<|\|)/;

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
 * List items that are titles, with something after them: a top-level item of one line that
 * names a section and ends with a colon (`- Corrective and Preventative Measures:`), or a
 * numbered one alone in its list (`3) Timeline`, where a list of several is a table of
 * contents). An item with text or items under it is a field with its parts, not a title; and
 * converting one would make the text under it part of what follows.
 */
function listTitles(list: List, next: RootContent | undefined, context: TitleContext): HeadingInfo[] {
  const titles = list.children.map((item, k) => {
    const title = itemTitle(item, context);
    const followed = k < list.children.length - 1 || next !== undefined;
    return title && followed ? { ...title, colon: /[:：][^\p{L}\p{N}]*$/u.test(title.line.text) } : undefined;
  });
  // A converted title splits its list: a numbered item between titles is then alone in its list.
  const taken = titles.map((title) => title?.colon === true);
  titles.forEach((title, k) => {
    if (title && !title.colon && list.ordered) taken[k] = (k === 0 || taken[k - 1]) && (k === titles.length - 1 || taken[k + 1]);
  });
  return titles.flatMap((title, k) => {
    if (!title || !taken[k]) return [];
    const name = list.ordered ? `${title.marker.trim()} ${title.candidate.read.name}` : title.candidate.read.name;
    return [headingOf(title.line, indentWidthOf(title.line.text), { ...title.candidate, read: { ...title.candidate.read, name, style: 'item' } }, context.depth)];
  });
}

/** A list item read as a title: its line, its marker (`- `, `3) `) and what its text names. */
interface ItemTitle {
  line: SourceLine;
  marker: string;
  candidate: Candidate;
}

/** An item of one line, not a task, whose text reads as a title naming a section. */
function itemTitle(item: ListItem, context: TitleContext): ItemTitle | undefined {
  const paragraph = item.children[0];
  const start = item.position?.start.offset;
  const end = item.position?.end.offset;
  const textStart = paragraph?.type === 'paragraph' ? paragraph.position?.start.offset : undefined;
  if (item.children.length !== 1 || item.checked != null || start === undefined || end === undefined || textStart === undefined) return undefined;
  const [line, ...rest] = context.index.linesBetween(start, end);
  if (textStart > line.offset + line.text.length || rest.some((l) => l.text.trim())) return undefined;
  const marker = context.index.text.slice(line.offset + indentWidthOf(line.text), textStart);
  const candidate = candidateOf(context.index.text.slice(textStart, line.offset + line.text.length), context.matcher);
  return candidate ? { line, marker, candidate } : undefined;
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
