/**
 * Timeline lines that Markdown swallowed into an HTML block. A block that opens with an HTML
 * tag such as `<h3>Timeline</h3>` runs on to the next blank line, so the bullets written right
 * under it are raw HTML to the parser, yet a reader (and a browser) sees the timed lines.
 */
import { endsOnlyAtMark } from '../htmlBlocks';
import type { PostmortemModel } from '../model/types';
import { readLines } from './lineEntries';
import type { RawItem } from './rawEntry';
import type { EntryContainer } from './types';

/** A line that is markup, not text: it opens with a tag. */
const TAG_LINE = /^[ \t]*<\/?[A-Za-z!?]/;
/** A Markdown list marker at a line's start: what the reader skips to reach the time. */
const LIST_MARKER = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/**
 * Reads the lines of the HTML block `[start, end)` (already clipped to the section) that are
 * not tags: each bulleted line with what follows it up to the next bullet, read as lines
 * (lineEntries.ts) from after its marker.
 */
export function readHtmlBlockLines(model: PostmortemModel, blockStart: number, start: number, end: number, items: RawItem[]): void {
  // Comments, processing instructions and raw text elements are not read as lines.
  if (endsOnlyAtMark(model.text.slice(blockStart, blockStart + 16))) return;
  const groups: Array<{ start: number; end: number }> = [];
  for (const line of model.index.linesBetween(start, end)) {
    const lineStart = Math.max(line.offset, start);
    const lineEnd = Math.min(line.offset + line.text.length, end);
    const text = model.text.slice(lineStart, lineEnd);
    if (!text.trim() || TAG_LINE.test(text)) {
      groups.push({ start: lineEnd, end: lineEnd }); // a tag line ends the entry above it
      continue;
    }
    const marker = LIST_MARKER.exec(text);
    const last = groups[groups.length - 1];
    if (marker || !last) groups.push({ start: lineStart + (marker?.[0].length ?? 0), end: lineEnd });
    else last.end = lineEnd;
  }
  const read = groups.filter((group) => group.end > group.start);
  if (read.length === 0) return;
  const container: EntryContainer = { kind: 'list', start: read[0].start, end: read[read.length - 1].end };
  for (const group of read) readLines(model, group.start, group.end, container, items);
}
