/**
 * Timeline entries written as lines: a paragraph's lines (and its `<br>`-separated parts)
 * that begin with a time, an indented code block read the same way (a timeline indented by
 * a tab renders as code), and the items of a raw HTML list (`<ul><li>10:00 …</li></ul>`).
 */
import type { PostmortemModel } from '../model/types';
import { entryOf, isPlaceholderEntry, type RawEntry, type RawItem } from './rawEntry';
import { shiftDate } from './shift';
import { describe, StampReader } from './stamps';
import type { EntryContainer } from './types';

/** A piece of a line with its absolute offset. */
interface Piece {
  at: number;
  text: string;
}

/** `<br>`, `<br/>`, `<br />`: a line break written in HTML. */
const BREAK = /<br[ \t]{0,3}\/?>/gi;

/** The parts of a line between its `<br>` tags. */
function piecesOf(text: string, at: number): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    pieces.push({ at: at + from, text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  pieces.push({ at: at + from, text: text.slice(from) });
  return pieces;
}

/**
 * Reads the lines between `start` and `end` as entries: a line (or `<br>` part) that begins
 * with a stamp is an entry, a line after one continues it, a date line anchors the lines
 * below. Before the first entry, a line with a time inside it ("Around 09:07 WAT, users
 * reported errors") is an entry too: nothing else there claims it.
 */
export function readLines(model: PostmortemModel, start: number, end: number, container: EntryContainer, items: RawItem[]): void {
  let last: RawEntry | undefined;
  for (const line of model.index.linesBetween(start, end)) {
    const lineStart = Math.max(line.offset, start);
    for (const { at, text } of piecesOf(model.text.slice(lineStart, Math.min(line.offset + line.text.length, end)), lineStart)) {
      if (!text.trim()) continue;
      const reader = new StampReader(text);
      const date = reader.isDateLine();
      if (date) {
        items.push({ type: 'anchor', date: shiftDate(date, at) });
        last = undefined;
        continue;
      }
      const stamp = reader.atLead();
      const usable = stamp && (stamp.placeholder ? isPlaceholderEntry(text, stamp) : stamp.time || describe(text.slice(stamp.end)));
      if (usable) {
        last = entryOf(text, at, stamp, container);
        items.push(last);
      } else if (last) {
        // A line without a stamp continues the entry above it (it moves with it when sorting).
        last.blockEnd = at + text.trimEnd().length;
        if (!last.text) last.text = describe(text);
      } else {
        const inside = reader.leading();
        if (inside?.stamp.time) items.push((last = entryOf(text, at, inside.stamp, container, true)));
      }
    }
  }
}

/** Whether a code node is an indented block (not fenced): the only code a Timeline reads. */
export function isIndentedCode(model: PostmortemModel, start: number): boolean {
  return !/^[ \t]{0,3}(?:`{3}|~{3})/.test(model.text.slice(model.index.lineStart(model.index.positionAt(start).line), start + 4));
}

/** An `<li>` opening tag, and any tag inside an item's text. */
const ITEM = /<li\b[^<>\n]{0,200}>/gi;
const TAG = /<\/?[A-Za-z][^<>\n]{0,200}>/g;
/** Where an item's text ends: the next item or list tag, or the line's end. */
const ITEM_END = /<\/?(?:li|ul|ol)\b|\r|\n/gi;

/** Reads the `<li>` items of a raw HTML block: each is an entry when it opens with a stamp. */
export function readHtmlList(model: PostmortemModel, start: number, end: number, items: RawItem[]): void {
  const html = model.text.slice(start, end);
  const container: EntryContainer = { kind: 'list', start, end };
  ITEM.lastIndex = 0;
  for (let m = ITEM.exec(html); m; m = ITEM.exec(html)) {
    const from = m.index + m[0].length;
    ITEM_END.lastIndex = from;
    const close = ITEM_END.exec(html)?.index ?? html.length;
    // Tags become spaces so offsets stay those of the document.
    const text = html.slice(from, close).replace(TAG, (tag) => ' '.repeat(tag.length));
    const stamp = new StampReader(text).atLead();
    if (stamp?.time) items.push(entryOf(text, start + from, stamp, container));
  }
}
