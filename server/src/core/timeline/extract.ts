/**
 * Finds the entries of the Timeline sections: list items (nested and numbered too), table
 * rows (time column found by header or content), and lines of a paragraph that begin with a
 * time. Date lines and date sub-headings become anchors for the entries below them.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { NodeMemo } from '../memo';
import { blocksBetween } from '../model/query';
import type { PostmortemModel, Section } from '../model/types';
import type { DateToken } from './dates';
import { moveItems, shiftDate, shiftStamp } from './shift';
import { describe, StampReader, type Stamp } from './stamps';
import { isDeclaration } from './declarations';
import { classify } from './milestones';
import type { EntryContainer, ZoneDeclaration } from './types';
import { findZones } from './zones';

/** An entry as found in the text, before it is placed in time. Offsets are absolute. */
export interface RawEntry {
  type: 'entry';
  start: number;
  end: number;
  blockEnd: number;
  container: EntryContainer;
  stamp?: Stamp;
  text: string;
  /** The zone the table's time column header declares. */
  tableZone?: ZoneDeclaration;
  statesConversion: boolean;
  /** The milestone the entry's text marks (read with the entry, so it is kept with it across edits). */
  milestone?: Milestone;
}

type Milestone = ReturnType<typeof classify>;

/** A date line or date sub-heading: the entries after it fall on this date. */
export interface RawAnchor {
  type: 'anchor';
  date: DateToken;
}

export type RawItem = RawEntry | RawAnchor;

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
  for (const node of blocksBetween(model, from, to)) {
    const [start, end] = offsets(node);
    if (start < from || end > to) readBlock(model, node, from, to, items);
    else {
      const read = blockItems.get(node, () => ({ at: start, items: readBlock(model, node, from, to, []) }));
      items.push(...(read.at === start ? read.items : moveItems(read.items, start - read.at)));
    }
  }
  return items;
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
  const start = node.position?.start.offset ?? 0;
  if (node.type === 'paragraph') readParagraph(model, node, from, to, items);
  else if (start < from) return items;
  else if (node.type === 'list') readList(model, node, to, 0, items);
  else if (node.type === 'table') readTable(model, node, items);
  else if (node.type === 'heading') {
    const reader = new StampReader(toString(node));
    const date = reader.dates.find((d) => d.year !== null) ?? reader.dates[0];
    if (date) items.push({ type: 'anchor', date: shiftDate(date, start) });
  }
  return items;
}

function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

function readParagraph(model: PostmortemModel, node: Paragraph, from: number, to: number, items: RawItem[]): void {
  const [pStart, pEnd] = offsets(node);
  const start = Math.max(pStart, from);
  const end = Math.min(pEnd, to);
  if (start >= end) return;
  const container: EntryContainer = { kind: 'paragraph', start, end };
  let last: RawEntry | undefined;
  for (const line of model.index.linesBetween(start, end)) {
    const lineStart = Math.max(line.offset, start);
    const text = model.text.slice(lineStart, Math.min(line.offset + line.text.length, end));
    if (!text.trim()) continue;
    const reader = new StampReader(text);
    const date = reader.isDateLine();
    if (date) {
      items.push({ type: 'anchor', date: shiftDate(date, lineStart) });
      last = undefined;
      continue;
    }
    const stamp = reader.readAt(reader.leadPosition());
    if (stamp && (stamp.time || describe(text.slice(stamp.end)))) {
      last = entryOf(text, lineStart, stamp, container);
      items.push(last);
    } else if (last) {
      // A line without a stamp continues the entry above it (it moves with it when sorting).
      last.blockEnd = lineStart + text.trimEnd().length;
    }
  }
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
    const dayLevel = stamp?.date && !stamp.time && found?.leading && describe(text.slice(stamp.end));
    if (stamp?.time || dayLevel || (depth === 0 && !isDeclaration(text) && !PLACEHOLDER.test(text))) {
      const entry = entryOf(text, textStart, stamp, container, found?.leading === false);
      entry.start = itemStart;
      entry.blockEnd = itemEnd;
      items.push(entry);
    }
  }
  for (const child of item.children) if (child.type === 'list') readList(model, child, itemEnd, depth + 1, items);
  return items;
}

/** A template leftover (`XX:XX UTC: {event}`, `TODO`): `empty-section` reports it; it is not an entry. */
const PLACEHOLDER = /\b[Xx]{1,2}:[Xx]{2}\b|\b[Hh]{1,2}:[Mm]{2}\b|\{[^{}\n]*\}|^[\s*_]*(?:\[[ xX]?\][ \t]*)?(?:TODO|TBD|TBA|FIXME)\b|^\s*$/;

function leadingOnly(reader: StampReader): { stamp: Stamp; leading: boolean } | undefined {
  const stamp = reader.readAt(reader.leadPosition());
  return stamp ? { stamp, leading: true } : undefined;
}

/** Header names of a time column, and of a separate date column. */
const TIME_HEADER = /\b(?:time(?:stamp)?s?|when|date\s*\/\s*time|date\s*&\s*time|datetime|clock)\b/i;
const DATE_HEADER = /\b(?:date|day)\b/i;

function readTable(model: PostmortemModel, table: Table, items: RawItem[]): void {
  const [start, end] = offsets(table);
  const container: EntryContainer = { kind: 'table', start, end };
  const [header, ...rows] = table.children;
  if (!header) return;
  const headers = header.children.map((cell) => toString(cell));
  let timeCol = headers.findIndex((h) => TIME_HEADER.test(h));
  const dateCol = headers.findIndex((h, i) => i !== timeCol && DATE_HEADER.test(h) && !TIME_HEADER.test(h));
  if (timeCol === -1) timeCol = columnByContent(model, rows);
  if (timeCol === -1 && dateCol !== -1) timeCol = dateCol;
  let tableZone: ZoneDeclaration | undefined;
  const headCell = header.children[timeCol];
  if (headCell) {
    const [cellStart] = cellContent(headCell);
    const zone = findZones(model.text.slice(cellStart, cellContent(headCell)[1]))[0];
    if (zone) tableZone = { zone: zone.zone, start: cellStart + zone.start, end: cellStart + zone.end, source: 'table' };
  }
  for (const row of rows) {
    const [rowStart, rowEnd] = offsets(row);
    let read = rowReads.get(row, () => readRow(model, row, timeCol, dateCol));
    if (read.timeCol !== timeCol || read.dateCol !== dateCol) read = readRow(model, row, timeCol, dateCol);
    const delta = rowStart - read.at;
    const entry: RawEntry = { type: 'entry', start: rowStart, end: rowEnd, blockEnd: rowEnd, container, text: read.text, statesConversion: false };
    if (read.stamp) entry.stamp = delta === 0 ? read.stamp : shiftStamp(read.stamp, delta);
    if (tableZone) entry.tableZone = tableZone;
    entry.milestone = read.milestone;
    items.push(entry);
  }
}

/** What a table row says, read once per row node and column layout (an edit re-reads the rows it touched). */
interface RowRead {
  at: number;
  timeCol: number;
  dateCol: number;
  stamp?: Stamp;
  text: string;
  milestone: Milestone;
}

const rowReads = new NodeMemo<RowRead>();

function readRow(model: PostmortemModel, row: TableRow, timeCol: number, dateCol: number): RowRead {
  const [rowStart, rowEnd] = offsets(row);
  const cell = row.children[timeCol];
  let stamp: Stamp | undefined;
  if (cell) {
    const [cStart, cEnd] = cellContent(cell);
    stamp = new StampReader(model.text.slice(cStart, cEnd)).leading()?.stamp;
    if (stamp) stamp = shiftStamp(stamp, cStart);
  }
  const dateCell = dateCol !== -1 && dateCol !== timeCol ? row.children[dateCol] : undefined;
  if (dateCell && stamp && !stamp.date) {
    const [dStart, dEnd] = cellContent(dateCell);
    const date = new StampReader(model.text.slice(dStart, dEnd)).dates[0];
    if (date) stamp.date = shiftDate(date, dStart);
  }
  const text = row.children
    .filter((_, i) => i !== timeCol && (dateCol === -1 || i !== dateCol || dateCol === timeCol))
    .map((c) => toString(c).trim())
    .filter(Boolean)
    .join(' — ');
  const read: RowRead = { at: rowStart, timeCol, dateCol, text, milestone: classify(model.text.slice(rowStart, rowEnd)) };
  if (stamp) read.stamp = stamp;
  return read;
}

/** The column whose cells most often open with a time (at least half of the rows). */
function columnByContent(model: PostmortemModel, rows: Table['children']): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    row.children.forEach((cell, i) => {
      const [s, e] = cellContent(cell);
      if (new StampReader(model.text.slice(s, e)).readAt(0)?.time) counts.set(i, (counts.get(i) ?? 0) + 1);
    });
  }
  let best = -1;
  let bestCount = 0;
  for (const [i, n] of counts) if (n > bestCount) [best, bestCount] = [i, n];
  return bestCount * 2 >= rows.length && bestCount > 0 ? best : -1;
}

/** The offsets of a table cell's content (without the pipes and padding). */
function cellContent(cell: TableCell): [number, number] {
  const children = cell.children as RootContent[];
  if (children.length === 0) return [offsets(cell)[1], offsets(cell)[1]];
  return [offsets(children[0])[0], offsets(children[children.length - 1])[1]];
}

/** An entry from a line read at `base`. */
function entryOf(text: string, base: number, stamp: Stamp | undefined, container: EntryContainer, inText = false): RawEntry {
  const lead = text.length - text.trimStart().length;
  const after = stamp && !inText ? text.slice((stamp.rangeEnd ?? stamp).end) : text;
  const entry: RawEntry = {
    type: 'entry',
    start: base + lead,
    end: base + text.trimEnd().length,
    blockEnd: base + text.trimEnd().length,
    container,
    text: describe(after.replace(CONVERSION, '')),
    statesConversion: stamp ? statesConversion(text, (stamp.rangeEnd ?? stamp).end) : false,
  };
  if (stamp) entry.stamp = shiftStamp(stamp, base);
  return entry;
}

/** `10:00 PDT (17:00 UTC)`, `10:00 PDT / 17:00 UTC`: the time restated in another zone. */
const CONVERSION = /^[\s*_`]{0,4}[(/][ \t]{0,2}(?:\d{1,2}:\d{2}|\d{1,2}[ \t]?[ap]\.?m)[^)\n]{0,30}\)?/i;

function statesConversion(text: string, end: number): boolean {
  const rest = text.slice(end);
  if (!CONVERSION.test(rest)) return false;
  const reader = new StampReader(rest.replace(/^[\s*_`]{0,4}[(/][ \t]{0,2}/, (m) => ' '.repeat(m.length)));
  const other = reader.readAt(reader.leadPosition(), false);
  return Boolean(other?.time && other.zone);
}
