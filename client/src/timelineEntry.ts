/**
 * Postmortem: Add Timeline Entry — writes the current time, in the zone the timeline uses,
 * as a new entry shaped like its neighbours (list item, table row or line, 12- or 24-hour),
 * placed where it belongs in time order, with the cursor on its description.
 */
import * as vscode from 'vscode';
import type { TimelineResult } from '../../server/src/lsp/protocol';
import { entrySnippet, nowIn, placeAfter } from './entryText';
import { requireEditor } from './fixes';
import type { ActiveDocumentTracker } from './tracker';

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
  if (after) position = new vscode.Position(endOfItem(document, after.range.end.line), 0);
  else if (timeline.entries.length > 0) position = new vscode.Position(timeline.entries[0].line, 0);
  else position = new vscode.Position(timeline.headingLine + 1, 0);
  const atEnd = position.line >= document.lineCount;
  const needsBlank = timeline.entries.length === 0;
  const text = `${atEnd ? '\n' : ''}${needsBlank ? '\n' : ''}${snippet}${atEnd ? '' : '\n'}`;
  await editor.insertSnippet(new vscode.SnippetString(text), atEnd ? document.lineAt(document.lineCount - 1).range.end : position);
}

/** The line after an entry and its indented continuation (sub-items, wrapped text). */
function endOfItem(document: vscode.TextDocument, line: number): number {
  let next = line + 1;
  while (next < document.lineCount && /^[ \t]+\S/.test(document.lineAt(next).text)) next++;
  return next;
}
