/**
 * Reads a Timeline table: one entry per row, its time from the time column (found by header
 * or content) and its date from the same cell or a separate date column, its zone from the
 * time column's header ("Time (UTC)").
 */
import type { RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { NodeMemo } from '../memo';
import type { PostmortemModel } from '../model/types';
import { classify } from './milestones';
import { offsets, type Milestone, type RawEntry, type RawItem } from './rawEntry';
import { shiftDate, shiftStamp } from './shift';
import { StampReader, type Stamp } from './stamps';
import type { EntryContainer, ZoneDeclaration } from './types';
import { findZones } from './zones';

/** Header names of a time column, and of a separate date column. */
const TIME_HEADER = /\b(?:time(?:stamp)?s?|when|date\s*\/\s*time|date\s*&\s*time|datetime|clock)\b/i;
const DATE_HEADER = /\b(?:date|day)\b/i;

/** Appends the entries of a table's rows to `items`. */
export function readTable(model: PostmortemModel, table: Table, items: RawItem[]): void {
  const [start, end] = offsets(table);
  const container: EntryContainer = { kind: 'table', start, end };
  const [header, ...rows] = table.children;
  if (!header) return;
  const { timeCol, dateCol } = columnsOf(model, header.children.map((cell) => toString(cell)), rows);
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

/**
 * The time column (by header, the named one whose cells hold times when several are named
 * "When" and "Time"; else by content) and a separate date column (by header, else a column
 * of dates alone); -1 when there is none.
 */
function columnsOf(model: PostmortemModel, headers: string[], allRows: TableRow[]): { timeCol: number; dateCol: number } {
  // The first rows tell the columns apart: a long table is not read twice over on every edit.
  const rows = allRows.slice(0, SAMPLE_ROWS);
  const named = headers.flatMap((h, i) => (TIME_HEADER.test(h) ? [i] : []));
  const times = named.length === 1 ? [] : cellCounts(model, rows, (stamp) => Boolean(stamp?.time));
  let timeCol = named.length > 0 ? named.reduce((best, i) => ((times[i] ?? 0) > (times[best] ?? 0) ? i : best), named[0]) : mostly(times, rows.length);
  let dateCol = headers.findIndex((h, i) => i !== timeCol && DATE_HEADER.test(h) && !TIME_HEADER.test(h));
  if (dateCol === -1) {
    const dates = cellCounts(model, rows, (stamp) => Boolean(stamp?.date && !stamp.time));
    if (timeCol !== -1) dates[timeCol] = 0;
    dateCol = mostly(dates, rows.length);
  }
  if (timeCol === -1 && dateCol !== -1) timeCol = dateCol;
  return { timeCol, dateCol };
}

const SAMPLE_ROWS = 50;

/** For each column, how many of the rows' cells open with a stamp that passes `test`. */
function cellCounts(model: PostmortemModel, rows: TableRow[], test: (stamp: Stamp | undefined) => boolean): number[] {
  const counts: number[] = [];
  for (const row of rows) {
    row.children.forEach((cell, i) => {
      const [s, e] = cellContent(cell);
      if (test(new StampReader(model.text.slice(s, e)).atLead(false))) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  return counts;
}

/** The column with the highest count, if it covers at least half of the rows. */
function mostly(counts: number[], rows: number): number {
  let best = -1;
  let bestCount = 0;
  counts.forEach((n, i) => {
    if (n > bestCount) [best, bestCount] = [i, n];
  });
  return bestCount * 2 >= rows && bestCount > 0 ? best : -1;
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

/** The offsets of a table cell's content (without the pipes and padding). */
function cellContent(cell: TableCell): [number, number] {
  const children = cell.children as RootContent[];
  if (children.length === 0) return [offsets(cell)[1], offsets(cell)[1]];
  return [offsets(children[0])[0], offsets(children[children.length - 1])[1]];
}

