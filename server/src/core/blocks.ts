/**
 * What incremental and chunked parsing share (reparse.ts, chunks.ts): when a part of a text
 * can be parsed on its own, and moving parsed nodes to where they are in the document.
 */
import type { Nodes } from 'mdast';
import type { Point, Position } from 'unist';

/**
 * Whether parts of a text may be parsed apart at all: not with lone CR line breaks (micromark
 * counts them as line endings, the line index here does not, so lines would be counted
 * apart; CRLF is fine). Definitions (`]:`) are handled with the document's labels known
 * (definitions.ts); a byte order mark by the windows (never one that starts with it, but the
 * document's start: micromark skips it there only).
 */
export function canReuse(text: string): boolean {
  return !text.includes('\r') || !/\r(?!\n)/.test(text);
}

/** Whether a part of a text that starts at `start` can be parsed apart: micromark would skip a byte order mark it starts with. */
export function startsCleanly(source: string, start: number): boolean {
  return start === 0 || source.charCodeAt(0) !== 0xfeff;
}

/** Whether a text opens with a front matter fence (micromark skips a byte order mark before it). */
export function opensFrontMatter(text: string): boolean {
  return text.startsWith('---') || text.startsWith('\uFEFF---');
}

const CLOSED_BY_BLANK_LINE = new Set(['paragraph', 'heading', 'thematicBreak', 'table', 'html', 'blockquote', 'yaml']);
const ENDS_ON_ITS_OWN = new Set(['heading', 'thematicBreak', 'yaml']);

/**
 * Whether, after top-level `block` and the blank space up to `next` (a line start), the
 * parser starts afresh whatever comes: nothing open, nothing being interrupted. A blank line
 * closes most blocks; a heading, a thematic break, front matter and a closed fence end on
 * their own. Lists never close this way (after a list, indented code splits at blank lines;
 * its items take indented lines), nor indented code (in micromark "2) a" after it, even past
 * blank lines, is a paragraph: it still counts as interrupting). But when the line at `next`
 * is known (`lineKnown`: the same in both versions) and is an ATX heading, it closes whatever
 * is above (it continues no item, is never lazy, interrupts anything) and leaves nothing open.
 */
export function freshAfter(text: string, block: Nodes, next: number, lineKnown = true): boolean {
  const end = block.position!.end.offset!;
  const gap = text.slice(end, next);
  const breaks = gap.split('\n').length - 1;
  if (breaks === 0 || gap.trim() !== '') return false;
  if (lineKnown && ATX_HEADING.test(text.slice(next, next + 8))) return true;
  return isFenced(text, block) || (breaks === 1 ? ENDS_ON_ITS_OWN : CLOSED_BY_BLANK_LINE).has(block.type);
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t\r\n]|$)/;

/** Whether a code block is fenced: its first line opens with a fence after at most three spaces (a tab makes it indented code). */
function isFenced(text: string, block: Nodes): boolean {
  if (block.type !== 'code') return false;
  const start = block.position!.start.offset!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^ {0,3}(?:```|~~~)/.test(text.slice(lineStart, start + 3));
}

/** The point at the end of a text, as micromark gives it. */
export function rootEnd(text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  return { line: countLines(text) + 1, column: text.length - lastBreak, offset: text.length };
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function movePoint(point: Point, offset: number, line: number): Point {
  return { line: point.line + line, column: point.column, offset: point.offset! + offset };
}

/** A copy of a node and its descendants, moved down the text. */
export function moved<T extends Nodes>(node: T, offset: number, line: number): T {
  const copy = { ...node };
  const position = node.position;
  if (position) copy.position = { start: movePoint(position.start, offset, line), end: movePoint(position.end, offset, line) } satisfies Position;
  if ('children' in node) {
    const children = node.children as Nodes[];
    const copies = new Array<Nodes>(children.length);
    for (let i = 0; i < children.length; i++) copies[i] = moved(children[i], offset, line);
    (copy as { children: Nodes[] }).children = copies;
  }
  return copy;
}

/** Moves a freshly parsed node in place (nothing else holds it). */
export function moveInPlace(node: Nodes, offset: number, line: number): void {
  const position = node.position;
  if (position) {
    position.start = movePoint(position.start, offset, line);
    position.end = movePoint(position.end, offset, line);
  }
  if ('children' in node) for (const child of node.children as Nodes[]) moveInPlace(child, offset, line);
}

