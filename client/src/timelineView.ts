/**
 * The "Incident Timeline" view in the Explorer: the metrics, then the active postmortem's
 * entries in time order with their time, offset and milestone icon, and the gaps between
 * them as rows of their own. Clicking a row reveals its line. The rows come from the
 * tracker, which follows the server's `postmortem/timeline` answers as the user types.
 */
import * as vscode from 'vscode';
import type { MilestoneKind, TimelineEntryInfo, TimelineGapInfo, TimelineResult } from '../../server/src/lsp/protocol';
import { formatMinutes, formatOffset, inTimeOrder, METRICS, metricsSummary, milestoneLabel, plainText } from './format';
import type { ActiveDocument, ActiveDocumentTracker } from './tracker';

export const VIEW_ID = 'postmortem.timeline';
/** The internal command a row runs when clicked. */
export const REVEAL_COMMAND = 'postmortem.revealLine';

/** One row of the view. */
export type TimelineRow =
  | { type: 'metrics' }
  | { type: 'metric'; label: string; value: string; description: string }
  | { type: 'entry'; entry: TimelineEntryInfo }
  | { type: 'gap'; gap: TimelineGapInfo };

const ICONS: Record<MilestoneKind, [icon: string, color?: string]> = {
  'impact-start': ['flame', 'charts.red'],
  detected: ['eye', 'charts.orange'],
  acknowledged: ['person', 'charts.yellow'],
  escalated: ['arrow-up', 'charts.purple'],
  mitigated: ['shield', 'charts.blue'],
  resolved: ['pass-filled', 'charts.green'],
  other: ['circle-small-filled'],
};

export class TimelineProvider implements vscode.TreeDataProvider<TimelineRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimelineRow | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private state: ActiveDocument | undefined;
  private signature = '';

  constructor(tracker: ActiveDocumentTracker) {
    this.state = tracker.current;
    this.subscription = tracker.onDidChange((state) => {
      // Redraw only when what the view shows changed: each redraw re-asks every row.
      const signature = signatureOf(state);
      this.state = state;
      if (signature === this.signature) return;
      this.signature = signature;
      this.changed.fire(undefined);
    });
  }

  /** The timeline shown, when the active document is a postmortem. */
  get timeline(): TimelineResult | undefined {
    return this.state?.isPostmortem ? this.state.timeline : undefined;
  }

  /** The rows at the top level, in the order the view shows them (exposed for tests). */
  rows(): TimelineRow[] {
    const timeline = this.timeline;
    if (!timeline) return [];
    const rows: TimelineRow[] = [{ type: 'metrics' }];
    const gapsAfter = new Map<number, TimelineGapInfo[]>();
    for (const gap of timeline.gaps) gapsAfter.set(gap.fromLine, [...(gapsAfter.get(gap.fromLine) ?? []), gap]);
    for (const entry of inTimeOrder(timeline.entries)) {
      rows.push({ type: 'entry', entry });
      for (const gap of gapsAfter.get(entry.line) ?? []) rows.push({ type: 'gap', gap });
    }
    return rows;
  }

  getChildren(row?: TimelineRow): TimelineRow[] {
    if (!row) return this.rows();
    if (row.type !== 'metrics' || !this.timeline) return [];
    const metrics = this.timeline.metrics;
    return METRICS.map((m) => ({ type: 'metric', label: m.label, value: formatMinutes(metrics[m.key]), description: m.description }));
  }

  getTreeItem(row: TimelineRow): vscode.TreeItem {
    switch (row.type) {
      case 'metrics': {
        // One compact row, expandable into a row per metric: the entries keep the room.
        const item = new vscode.TreeItem('Metrics', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'metrics';
        item.description = this.timeline ? metricsSummary(this.timeline.metrics) : '';
        item.tooltip = 'Start-anchored: each time is measured from the impact start (the entry marked as such, else the first entry); the duration runs from the first timed entry to the last.';
        item.iconPath = new vscode.ThemeIcon('graph');
        return item;
      }
      case 'metric': {
        const item = new vscode.TreeItem(row.label);
        item.id = `metric:${row.label}`;
        item.description = row.value;
        item.tooltip = `${row.label}: ${row.value} (${row.description})`;
        return item;
      }
      case 'entry':
        return this.entryItem(row.entry);
      case 'gap': {
        const item = new vscode.TreeItem(`${formatMinutes(row.gap.minutes)} gap`);
        item.description = `lines ${row.gap.fromLine + 1}–${row.gap.toLine + 1}`;
        item.tooltip = `Nothing recorded for ${formatMinutes(row.gap.minutes)} between line ${row.gap.fromLine + 1} and line ${row.gap.toLine + 1}: what happened in between?`;
        item.iconPath = new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground'));
        item.id = `gap:${row.gap.fromLine}-${row.gap.toLine}`;
        item.contextValue = 'gap';
        item.command = this.reveal(row.gap.toLine);
        return item;
      }
    }
  }

  private entryItem(entry: TimelineEntryInfo): vscode.TreeItem {
    const time = entry.time ? `${entry.time}${entry.zone ? ` ${entry.zone}` : ''}` : entry.iso ? entry.iso.slice(0, 10) : 'no time';
    const item = new vscode.TreeItem(time);
    const offset = formatOffset(entry.offsetMinutes);
    item.description = [offset, plainText(entry.text)].filter(Boolean).join('  ');
    const [icon, color] = ICONS[entry.kind] ?? ICONS.other;
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${milestoneLabel(entry.kind)}** — line ${entry.line + 1}\n\n`);
    tooltip.appendText(plainText(entry.text));
    if (entry.iso) tooltip.appendMarkdown(`\n\n${entry.iso}`);
    if (entry.sinceImpactMinutes !== null) tooltip.appendMarkdown(`\n\n${formatMinutes(entry.sinceImpactMinutes)} after impact start`);
    item.tooltip = tooltip;
    item.id = `entry:${entry.line}`;
    item.contextValue = `entry.${entry.kind}`;
    item.command = this.reveal(entry.line, entry.range);
    return item;
  }

  private reveal(line: number, range?: TimelineEntryInfo['range']): vscode.Command | undefined {
    const document = this.state?.document;
    if (!document) return undefined;
    const target = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : document.lineAt(Math.min(line, document.lineCount - 1)).range;
    return { command: REVEAL_COMMAND, title: 'Reveal in Editor', arguments: [document.uri, target] };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** What the view's rows depend on, as a string to compare. */
function signatureOf(state: ActiveDocument | undefined): string {
  if (!state?.isPostmortem || !state.timeline) return `none:${state?.document.uri.toString() ?? ''}`;
  const { version: _version, ...shown } = state.timeline;
  return `${state.document.uri.toString()}:${JSON.stringify(shown)}`;
}

/** Opens a document and selects a range in it, centred (the view's rows run this). */
export async function revealLine(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
