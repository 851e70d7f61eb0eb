/**
 * Finds the entries of the Timeline sections: list items (nested and numbered too), table
 * rows (tables.ts), lines of a paragraph that begin with a time (lineEntries.ts), sub-headings
 * with a time and the text under them (headingEntries.ts), raw HTML lists, the text lines of
 * other HTML blocks (htmlBlockLines.ts), and an indented code block when nothing else in the
 * section is timed. Date lines and date sub-headings become anchors for the entries below them.
 */
import type { Code, List, ListItem, RootContent } from 'mdast';
import { NodeMemo } from '../memo';
import { blocksBetween } from '../model/query';
import type { PostmortemModel, Section } from '../model/types';
import { isDeclaration } from './declarations';
import { absorb, readHeading } from './headingEntries';
import { readHtmlBlockLines } from './htmlBlockLines';
import { isIndentedCode, readHtmlList, readLines } from './lineEntries';
import { classify } from './milestones';
import { entryOf, isPlaceholderEntry, offsets, PLACEHOLDER, type RawAnchor, type RawEntry, type RawItem } from './rawEntry';
import { moveItems, shiftDate, shiftStamp } from './shift';
import { describe, StampReader, type Stamp } from './stamps';
import { readTable } from './tables';
import type { EntryContainer } from './types';

export type { RawAnchor, RawEntry, RawItem };

export { shiftDate, shiftStamp };

/**
 * The items of a block that lies wholly inside its section, and the offset of the block they
 * were read at: they depend on nothing else, so an edit elsewhere reuses them (memo.ts).
 */
const blockItems = new NodeMemo<{ at: number; items: readonly RawItem[] }>();

/** Every entry and anchor of one Timeline section, in document order. */
export function extractSection(model: PostmortemModel, section: Section): RawItem[] {
  const items: RawItem[] = [];
  const from = section.contentStart;
  const to = section.end;
  const headings: EntryContainer = { kind: 'headings', start: from, end: to };
  const indented: Array<{ at: number; node: Code }> = [];
  /** The entry a sub-heading with a time opened, and what the blocks under it read as. */
  let headed: { entry: RawEntry; body: RawItem[] } | undefined;
  const close = () => {
    if (headed) items.push(...headedItems(headed.entry, headed.body));
    headed = undefined;
  };
  for (const node of blocksBetween(model, from, to)) {
    const [start] = offsets(node);
    if (node.type === 'heading' && start >= from) {
      close();
      const item = readHeading(model, node, headings);
      if (item?.type === 'entry') headed = { entry: item, body: [] };
      else if (item) items.push(item);
    } else if (node.type === 'code') {
      if (headed) absorb(model, headed.entry, node, to);
      else if (start >= from && isIndentedCode(model, start)) indented.push({ at: items.length, node });
    } else {
      if (headed) absorb(model, headed.entry, node, to);
      readInto(model, node, from, to, headed ? headed.body : items);
    }
  }
  close();
  const opensWithTime = items.some((item) => item.type === 'entry' && item.stamp?.time && !item.inText);
  if (indented.length > 0 && !items.some((item) => item.type === 'entry' && item.stamp?.time)) readIndented(model, indented, to, items);
  // A time inside a paragraph's line is an entry only where no entry of the section opens with one.
  return opensWithTime ? items.filter((item) => item.type !== 'entry' || !item.inText || item.container.kind !== 'paragraph') : items;
}

/**
 * A sub-heading with a time is an entry, and the blocks under it are its text; unless entries
 * under it open with times of their own (`### 22:04-23:00 UTC: Network split` over timed
 * bullets): then it titles a stretch of the timeline, and those entries are the timeline.
 */
function headedItems(entry: RawEntry, body: RawItem[]): RawItem[] {
  if (!body.some((item) => item.type === 'entry' && item.stamp?.time && !item.inText)) return [entry];
  const { date, zone } = entry.stamp ?? {};
  if (!date && !zone) return body;
  const anchor: RawAnchor = { type: 'anchor' };
  if (date) anchor.date = date;
  if (zone) anchor.zone = { zone: zone.zone, start: zone.start, end: zone.end };
  return [anchor, ...body];
}

/**
 * A timeline indented by a tab or four spaces renders as code, yet it is the timeline: read
 * only when nothing else in the section has a time (a log pasted under an entry stays code).
 */
function readIndented(model: PostmortemModel, blocks: Array<{ at: number; node: Code }>, to: number, items: RawItem[]): void {
  for (const { at, node } of [...blocks].reverse()) {
    const [start, end] = offsets(node);
    const read: RawItem[] = [];
    readLines(model, start, Math.min(end, to), { kind: 'paragraph', start, end: Math.min(end, to) }, read);
    items.splice(at, 0, ...classified(model, read));
  }
}

/** Reads a block into `items`: once, when it lies wholly inside the section (memo.ts). */
function readInto(model: PostmortemModel, node: RootContent, from: number, to: number, items: RawItem[]): void {
  const [start, end] = offsets(node);
  if (start < from || end > to) readBlock(model, node, from, to, items);
  else {
    const read = blockItems.get(node, () => ({ at: start, items: readBlock(model, node, from, to, []) }));
    items.push(...(read.at === start ? read.items : moveItems(read.items, start - read.at)));
  }
}

function readBlock(model: PostmortemModel, node: RootContent, from: number, to: number, items: RawItem[]): RawItem[] {
  const first = items.length;
  readBlockItems(model, node, from, to, items);
  return classified(model, items, first);
}

/** Items with the milestone each entry's text marks, read with it (so memos keep it too), from `first` on. */
function classified(model: PostmortemModel, items: RawItem[], first = 0): RawItem[] {
  for (let i = first; i < items.length; i++) {
    const item = items[i];
    if (item.type === 'entry' && !item.milestone) item.milestone = classify(model.text.slice(item.start, item.end));
  }
  return items;
}

function readBlockItems(model: PostmortemModel, node: RootContent, from: number, to: number, items: RawItem[]): RawItem[] {
  const [start, end] = offsets(node);
  if (node.type === 'paragraph') {
    const [first, last] = [Math.max(start, from), Math.min(end, to)];
    if (first < last) readLines(model, first, last, { kind: 'paragraph', start: first, end: last }, items);
  } else if (node.type === 'html' && !/<li\b/i.test(node.value)) {
    const [first, last] = [Math.max(start, from), Math.min(end, to)];
    if (first < last) readHtmlBlockLines(model, start, first, last, items);
  } else if (node.type === 'list' && start < from) readNestedLists(model, node, from, to, items);
  else if (start < from) return items;
  else if (node.type === 'list') readList(model, node, to, 0, items);
  else if (node.type === 'table') readTable(model, node, items);
  else if (node.type === 'html' && /<li\b/i.test(node.value)) readHtmlList(model, start, Math.min(end, to), items);
  return items;
}

/** A top-level list item's items, read once per item node (an edit re-reads the items it touched). */
const itemReads = new NodeMemo<{ at: number; container: EntryContainer; items: readonly RawItem[] }>();

function readList(model: PostmortemModel, list: List, to: number, depth: number, items: RawItem[]): void {
  const [start, end] = offsets(list);
  const container: EntryContainer = { kind: 'list', start, end: Math.min(end, to), ordered: list.ordered === true };
  for (const item of list.children) {
    const [itemStart, itemEnd] = offsets(item);
    if (itemStart >= to) break;
    if (depth > 0 || itemEnd > to) readItem(model, item, itemStart, Math.min(itemEnd, to), depth, container, items);
    else {
      const read = itemReads.get(item, () => ({ at: itemStart, container, items: classified(model, readItem(model, item, itemStart, itemEnd, 0, container, [])) }));
      items.push(...(read.at === itemStart && read.container === container ? read.items : moveItems(read.items, itemStart - read.at, [read.container, container])));
    }
  }
}

/** The lists nested in a list's items within `[from, to)`: the entries of a Timeline field (`- **Timeline:**` over them, fieldSections.ts). */
function readNestedLists(model: PostmortemModel, list: List, from: number, to: number, items: RawItem[]): void {
  for (const item of list.children) {
    const [itemStart, itemEnd] = offsets(item);
    if (itemEnd <= from) continue;
    if (itemStart >= to) break;
    for (const child of item.children) if (child.type === 'list' && offsets(child)[0] >= from) readList(model, child, to, 0, items);
  }
}

function readItem(model: PostmortemModel, item: ListItem, itemStart: number, itemEnd: number, depth: number, container: EntryContainer, items: RawItem[]): RawItem[] {
  const first = item.children[0];
  const textStart = first?.type === 'paragraph' ? offsets(first)[0] : itemStart;
  const line = model.index.positionAt(textStart).line;
  const lineEnd = Math.min(model.index.lineEnd(line), itemEnd);
  const text = first?.type === 'paragraph' ? model.text.slice(textStart, lineEnd) : '';
  const reader = new StampReader(text);
  const date = reader.isDateLine();
  if (date) items.push({ type: 'anchor', date: shiftDate(date, textStart) });
  else {
    const found = depth === 0 ? reader.leading() : leadingOnly(reader);
    const stamp = found?.stamp;
    const dayLevel = stamp?.date && !stamp.time && !stamp.placeholder && found?.leading && describe(text.slice(stamp.end));
    if (stamp?.time || dayLevel || isPlaceholderEntry(text, stamp) || (depth === 0 && !isDeclaration(text) && !PLACEHOLDER.test(text))) {
      const entry = entryOf(text, textStart, stamp, container, found?.leading === false);
      entry.start = itemStart;
      entry.blockEnd = itemEnd;
      items.push(entry);
    }
  }
  for (const child of item.children) if (child.type === 'list') readList(model, child, itemEnd, depth + 1, items);
  return items;
}

function leadingOnly(reader: StampReader): { stamp: Stamp; leading: boolean } | undefined {
  const stamp = reader.atLead();
  return stamp ? { stamp, leading: true } : undefined;
}
