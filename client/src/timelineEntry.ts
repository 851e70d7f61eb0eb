/**
 * Postmortem: Add Timeline Entry — writes the current time, in the zone the timeline uses,
 * as a new entry shaped like its neighbours (list item, table row or line, 12- or 24-hour),
 * placed where it belongs in time order, with the cursor on its description.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import * as vscode from 'vscode';
import { parseZone } from '../../server/src/core/timeline/zones';
import type { TimelineEntryInfo, TimelineResult } from '../../server/src/lsp/protocol';
import { escapeSnippet } from './templates';
import { requireEditor } from './fixes';
import type { ActiveDocumentTracker } from './tracker';

/** Now, on the wall clock of a zone as the document names it (`UTC`, `PDT`, `Europe/Paris`). */
export function nowIn(zoneLabel: string | null, now: DateTime = DateTime.now()): DateTime {
  if (!zoneLabel) return now;
  const zone = parseZone(zoneLabel);
  if (!zone) return now;
  // An abbreviation names a fixed offset (PDT is UTC−7 whatever today's date).
  if (zone.nominalOffset !== undefined) return now.setZone(FixedOffsetZone.instance(zone.nominalOffset));
  const inZone = now.setZone(zone.id);
  return inZone.isValid ? inZone : now;
}

/** Where the new entry goes: after the last entry not later than now (the end, usually). */
export function placeAfter(entries: readonly TimelineEntryInfo[], now: DateTime): TimelineEntryInfo | undefined {
  const timed = entries.filter((e) => e.time !== null);
  if (timed.length === 0) return entries[entries.length - 1];
  const minutesOfDay = now.hour * 60 + now.minute;
  for (let i = timed.length - 1; i >= 0; i--) {
    const entry = timed[i];
    const instant = entry.iso ? DateTime.fromISO(entry.iso, { setZone: true }) : undefined;
    // With a date the comparison is exact; without one, by time of day.
    const notLater = instant?.isValid ? instant.toMillis() <= now.toMillis() : minutesOfDay >= toMinutes(entry.time!);
    if (notLater) return lastOfBlock(entries, entry);
  }
  return undefined;
}

/** The last entry that shares a line-block with `entry` (its sub-entries stay with it). */
function lastOfBlock(entries: readonly TimelineEntryInfo[], entry: TimelineEntryInfo): TimelineEntryInfo {
  const index = entries.indexOf(entry);
  let last = entry;
  for (const next of entries.slice(index + 1)) {
    if (next.time !== null) break;
    last = next;
  }
  return last;
}

function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** A time written the way `written` is: `22:05`, or `10:05 PM` / `10:05pm` / `10:05 p.m.`. */
export function clockLike(time: DateTime, written: string): string {
  const meridiem = /(\s?)([ap])(\.?)m(\.?)/i.exec(written);
  if (!meridiem) return time.toFormat('HH:mm');
  const [, space, letter, dot1, dot2] = meridiem;
  const am = time.hour < 12;
  const mark = `${am ? 'a' : 'p'}${dot1}m${dot2}`;
  return `${time.hour % 12 || 12}:${time.toFormat('mm')}${space}${letter === letter.toUpperCase() ? mark.toUpperCase() : mark}`;
}

/** The new entry's text as a snippet, shaped like `model` (a neighbouring entry's line). */
export function entrySnippet(time: DateTime, model: { line: string; entry: TimelineEntryInfo } | undefined): string {
  const description = '${1:what happened}';
  if (!model || !model.entry.timeRange) return `- ${time.toFormat('HH:mm')} ${description}`;
  const { line, entry } = model;
  const start = entry.timeRange!.start.character;
  const end = entry.timeRange!.end.character;
  const written = line.slice(start, end);
  const clock = clockLike(time, written);
  if (/^\s*\|/.test(line)) {
    // A table row: the time in the time column, the description in the next, other cells empty.
    const cells = line.split('|');
    let offset = 0;
    const rebuilt = cells.map((cell, i) => {
      const cellStart = offset;
      offset += cell.length + 1;
      if (i === 0 || i === cells.length - 1) return cell;
      if (start >= cellStart && start <= cellStart + cell.length) return ` ${escapeSnippet(clock)} `;
      return ' ';
    });
    const timeCell = rebuilt.findIndex((c, i) => i > 0 && c.trim() === escapeSnippet(clock));
    if (timeCell > 0 && timeCell + 1 < rebuilt.length - 1) rebuilt[timeCell + 1] = ` ${description} `;
    return rebuilt.join('|');
  }
  const textAt = entry.text ? line.indexOf(entry.text, end) : -1;
  const between = textAt > end ? line.slice(end, textAt) : ' ';
  return `${escapeSnippet(line.slice(0, start))}${escapeSnippet(clock)}${escapeSnippet(between)}${description}`;
}

/** Postmortem: Add Timeline Entry. */
export async function addTimelineEntry(tracker: ActiveDocumentTracker): Promise<void> {
  const editor = requireEditor();
  if (!editor) return;
  await tracker.refresh();
  const state = tracker.current;
  const timeline: TimelineResult | undefined = state?.document === editor.document ? state.timeline : undefined;
  if (!timeline?.isPostmortem) {
    void vscode.window.showInformationMessage('This document is not a postmortem the server knows (or the server is still starting).');
    return;
  }
  if (timeline.headingLine === null) {
    const choice = await vscode.window.showInformationMessage('This postmortem has no Timeline section yet.', 'Insert Section…');
    if (choice) await vscode.commands.executeCommand('postmortem.insertSection');
    return;
  }
  const neighbour = [...timeline.entries].reverse().find((e) => e.time !== null && e.timeRange !== null);
  const now = nowIn(neighbour?.zone ?? timeline.zone);
  const after = placeAfter(timeline.entries, now);
  const document = editor.document;
  const model = neighbour ? { line: document.lineAt(neighbour.line).text, entry: neighbour } : undefined;
  const snippet = entrySnippet(now, model);
  let position: vscode.Position;
  if (after) position = new vscode.Position(after.range.end.line + 1, 0);
  else if (timeline.entries.length > 0) position = new vscode.Position(timeline.entries[0].line, 0);
  else position = new vscode.Position(timeline.headingLine + 1, 0);
  const atEnd = position.line >= document.lineCount;
  const needsBlank = timeline.entries.length === 0;
  const text = `${atEnd ? '\n' : ''}${needsBlank ? '\n' : ''}${snippet}${atEnd ? '' : '\n'}`;
  await editor.insertSnippet(new vscode.SnippetString(text), atEnd ? document.lineAt(document.lineCount - 1).range.end : position);
}
