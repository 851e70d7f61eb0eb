import { createColors } from 'picocolors';
import { isoDate, isOverdue, localToday, trackedActionItems, type TrackedActionItem } from '../core';
import type { ActionsArgs } from './args';
import { display, readOneDocument } from './document';

/** The CLI's JSON list of action items. */
export interface ActionsJson {
  file: string;
  /** The date `overdue` is counted from. */
  today: string;
  items: Array<{
    line: number;
    text: string;
    /** Null when the item names nobody, '' when it leaves the owner open ("Owner: TBD"). */
    owner: string | null;
    /** The due date as `YYYY-MM-DD`, null when none can be read. */
    due: string | null;
    /** The due date as written, null when the item gives none. */
    dueText: string | null;
    /** Null when the item does not say (it counts as not done). */
    state: 'open' | 'in-progress' | 'done' | null;
    tracking: string | null;
    overdue: boolean;
  }>;
}

/** The action items as JSON: lines 1-based. */
export function actionsJson(file: string, items: TrackedActionItem[], today: string): ActionsJson {
  return {
    file,
    today,
    items: items.map((t) => ({
      line: t.line + 1,
      text: t.title,
      owner: t.owner ?? null,
      due: t.due?.date ? isoDate(t.due.date) : null,
      dueText: t.due ? t.due.written : null,
      state: t.state ?? null,
      tracking: t.tracking ?? null,
      overdue: isOverdue(t, today),
    })),
  };
}

/** `postmortem-lint actions FILE [--format json|stylish] [--today YYYY-MM-DD]`: lists the action items. */
export async function runActions(args: ActionsArgs, cwd = process.cwd()): Promise<number> {
  const read = readOneDocument(args);
  if ('exitCode' in read) return read.exitCode;
  const today = args.today ?? localToday();
  const json = actionsJson(display(args.file, cwd), trackedActionItems(read.model, read.config), today);
  const useColor = args.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : formatActionsStylish(json, useColor));
  return 0;
}

/** The items for people: a count by state, then one row per item (line, state, due, owner, tracking, text). */
export function formatActionsStylish(json: ActionsJson, useColor: boolean): string {
  const c = createColors(useColor);
  const count = (state: string | null) => json.items.filter((i) => i.state === state).length;
  const overdue = json.items.filter((i) => i.overdue).length;
  const counts = [`${count('done')} done`, `${count('in-progress')} in progress`, `${count('open') + count(null)} open`];
  const out = [c.underline(json.file), `  ${json.items.length} action item${json.items.length === 1 ? '' : 's'}: ${counts.join(', ')}${overdue ? c.red(` · ${overdue} overdue`) : ''} (today ${json.today})`, ''];
  const rows = json.items.map((i) => [String(i.line), i.state ?? 'open?', i.due ?? (i.dueText ? `"${i.dueText}"` : '—'), i.owner || '—', i.tracking ?? '—', i.text]);
  const widths = [0, 1, 2, 3, 4].map((k) => Math.max(0, ...rows.map((r) => r[k].length)));
  rows.forEach((row, n) => {
    const cells = row.slice(0, 5).map((cell, k) => cell.padEnd(widths[k]));
    const state = json.items[n].state === 'done' ? c.green(cells[1]) : cells[1];
    const due = json.items[n].overdue ? c.red(cells[2]) : cells[2];
    out.push(`  ${c.dim(cells[0])}  ${state}  ${due}  ${cells[3]}  ${c.dim(cells[4])}  ${row[5]}`);
  });
  return `${out.join('\n')}\n`;
}
