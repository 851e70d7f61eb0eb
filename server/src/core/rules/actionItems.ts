import type { List, ListItem, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionBlocks } from '../model/query';
import type { PostmortemModel, Section } from '../model/types';
import { hasContent } from './emptySection';

/** One task of an Action items section: a top-level list item or a table row. */
export interface ActionItem {
  /** Offsets of the item's first line of text, without its marker: what a finding underlines. */
  start: number;
  end: number;
  /** The item's source with its sub-items (a row: its cells), where an owner may be named. */
  text: string;
  /** For a table row: the cells of the columns that say who, by when and how far (the owner cell may be empty). */
  cells?: Partial<Record<ColumnRole, string>>;
  /** For a task list item: whether it is ticked (`- [x]`); null for other items. */
  checked: boolean | null;
  /** An owner named for the whole list, in the line that introduces it ("Owner: @sre"). */
  listOwner?: string;
}

/** What a table column says of each action item. */
export type ColumnRole = 'owner' | 'due' | 'status';

/** Table headers by what their column says: who does the work, by when, and how far it is. */
const COLUMN_HEADERS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['owner', /\b(?:owners?|assignees?|assigned|responsible|dri|who)\b/i],
  ['due', /\b(?:due|deadline|target date|eta|by when)\b/i],
  ['status', /\b(?:status|state|progress|done)\b/i],
];

/** The column of each role in a table's header: the first column that names it, one role per column. */
function columnsOf(header: TableRow): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const texts = header.children.map((cell) => toString(cell));
  const taken = new Set<number>();
  for (const [role, pattern] of COLUMN_HEADERS) {
    const column = texts.findIndex((text, i) => !taken.has(i) && pattern.test(text));
    if (column >= 0) (columns[role] = column), taken.add(column);
  }
  return columns;
}

/**
 * The action items of a section: top-level items of its lists and body rows of its tables,
 * leaving out template placeholders ("- [ ] TBD"), which are not tasks.
 */
export function actionItems(model: PostmortemModel, section: Section): ActionItem[] {
  const items: ActionItem[] = [];
  const blocks = sectionBlocks(model, section);
  blocks.forEach((node, i) => {
    const start = node.position?.start.offset ?? -1;
    // A list item that is a title (`- Action Items:`) opens the section inside a list: its items after the title are the section's.
    if (node.type === 'list') {
      const previous = start >= section.contentStart ? blocks[i - 1] : undefined;
      const leadIn = previous?.type === 'paragraph' ? model.text.slice(previous.position?.start.offset, previous.position?.end.offset) : undefined;
      items.push(...listItems(model, node, leadIn).filter((item) => item.start >= section.contentStart && item.start < section.end));
    } else if (node.type === 'table' && start >= section.contentStart) items.push(...tableRows(model, node));
  });
  return items.filter((item) => hasContent(item.text));
}

function listItems(model: PostmortemModel, list: List, leadIn: string | undefined): ActionItem[] {
  const listOwner = leadIn !== undefined ? ownerIn(leadIn) : undefined;
  return list.children.flatMap((item: ListItem) => {
    const start = item.position?.start.offset;
    const end = item.position?.end.offset;
    if (start === undefined || end === undefined) return [];
    const text = model.text.slice(start, end);
    const first = item.children[0]?.position?.start.offset ?? start;
    const lineEnd = model.index.lineEnd(model.index.positionAt(first).line);
    const line = firstLine(model, first, Math.min(lineEnd, end));
    return [{ ...line, text, listOwner, checked: item.checked ?? null }];
  });
}

function tableRows(model: PostmortemModel, table: Table): ActionItem[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const columns = columnsOf(header);
  const roleColumns = new Set(Object.values(columns));
  return rows.flatMap((row: TableRow) => {
    const start = row.position?.start.offset;
    const end = row.position?.end.offset;
    if (start === undefined || end === undefined) return [];
    const texts = row.children.map((cell) => toString(cell).trim());
    const first = row.children.find((cell, i) => !roleColumns.has(i) && toString(cell).trim() !== '');
    const from = first?.position?.start.offset ?? start;
    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const [role, column] of Object.entries(columns) as Array<[ColumnRole, number]>) cells[role] = texts[column] ?? '';
    return [{ ...firstLine(model, from, first?.position?.end.offset ?? end), text: texts.join(' | '), cells, checked: null }];
  });
}

/** The trimmed text between two offsets on one line (cell pipes and spaces left out). */
function firstLine(model: PostmortemModel, from: number, to: number): { start: number; end: number } {
  const text = model.text.slice(from, to);
  const lead = text.length - text.replace(/^[\s|]+/, '').length;
  const trail = text.length - text.replace(/(?<![\s|])[\s|]+$/, '').length;
  return lead + trail >= text.length ? { start: from, end: to } : { start: from + lead, end: to - trail };
}

/** A value that names nobody yet (or no date yet). */
export const UNASSIGNED = /^(?:tbd|tba|todo|fixme|\?+|-+|—|none|n\/a|na|unassigned|nobody|no one|unknown)?$/i;

/** `@alice` (not an e-mail address: the `@` must not follow a word character). */
const MENTION = /(?:^|[^\w.@/])@[A-Za-z0-9][\w.-]*/;

/** `Owner: Alice`, `(owner: sre team)`, `**Assignee**: Bob`, `DRI = Carol`, `Owner — Dan`. */
const OWNER_LABEL = /\b(?:owners?|assignees?|assigned to|responsible|dri)[*_ \t]*(?::|=|[-–—][ \t])[*_ \t]*([^,;()[\]\n*_]{0,60})/i;

/** "assigned to the SRE team" without a colon. */
const ASSIGNED_TO = /\bassigned to[ \t]+([A-Za-z@][^,;()[\]\n]{0,60})/i;

/**
 * The owner named in a text, `''` when a label names nobody ("Owner: TBD"), undefined when
 * there is no owner at all.
 */
export function ownerIn(markdown: string): string | undefined {
  // Code spans hold identifiers (`@Override`), not people.
  const text = markdown.replace(/`[^`\n]*`/g, ' ');
  const mention = MENTION.exec(text);
  if (mention) return mention[0].replace(/^[^@]*/, '');
  const label = OWNER_LABEL.exec(text) ?? ASSIGNED_TO.exec(text);
  if (!label) return undefined;
  const value = label[1].trim();
  return UNASSIGNED.test(value) ? '' : value;
}

/** The owner of an action item: its owner cell, a name in its text, or one given for its whole list. */
export function ownerOf(item: ActionItem): string | undefined {
  const ownerCell = item.cells?.owner;
  if (ownerCell !== undefined) {
    const cell = ownerCell.trim();
    if (cell && !UNASSIGNED.test(cell)) return cell;
  }
  const own = ownerIn(item.text);
  if (own) return own;
  if (item.listOwner) return item.listOwner;
  // An empty owner cell or "Owner: TBD" names nobody; say so rather than "no owner".
  return own === '' || ownerCell !== undefined ? '' : undefined;
}
