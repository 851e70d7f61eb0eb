/**
 * The Postmortems view in the Explorer: every postmortem of the workspace from the server's
 * workspace index (`postmortem/report`), newest first by year, and the open action items by
 * owner. It asks again when the server says the index changed (`postmortem/indexChanged`):
 * a file created, deleted, renamed or edited, a folder added.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { INDEX_CHANGED_NOTIFICATION, REPORT_REQUEST, type IndexChangedParams, type ReportParams, type ReportResult } from '../../server/src/lsp/protocol';
import { childRows, topRows, type PostmortemRow } from './postmortemRows';
import { REVEAL_COMMAND } from './timelineView';

export const POSTMORTEMS_VIEW_ID = 'postmortem.postmortems';

/** Index changes come in bursts while it is read: the view asks once they pause. */
const REFRESH_DEBOUNCE_MS = 250;

/** Icon colours by severity rank, most severe first. */
const SEVERITY_COLORS = ['charts.red', 'charts.orange', 'charts.yellow', 'charts.blue'];

export class PostmortemsProvider implements vscode.TreeDataProvider<PostmortemRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PostmortemRow | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  /** The latest answer; undefined until the server has answered once. */
  result: ReportResult | undefined;
  /** The view, for its message while the index is read. */
  view: vscode.TreeView<PostmortemRow> | undefined;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      client.onNotification(INDEX_CHANGED_NOTIFICATION, (_params: IndexChangedParams) => this.schedule()),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule();
      }),
    );
  }

  /** Asks the server again after a short pause (the latest answer wins). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  /** Asks the server for the report now. */
  async refresh(): Promise<void> {
    if (!this.client.isRunning()) return;
    const sequence = ++this.sequence;
    const params: ReportParams = {};
    const result = await this.client.sendRequest<ReportResult | null>(REPORT_REQUEST, params);
    if (sequence !== this.sequence || !result) return;
    this.result = result;
    if (this.view) this.view.message = result.ready ? undefined : `Reading the workspace's postmortems… ${result.report.documents.length} so far.`;
    this.changed.fire(undefined);
  }

  /** The rows at the top level (exposed for tests). */
  rows(): PostmortemRow[] {
    return this.result ? topRows(this.result.report) : [];
  }

  getChildren(row?: PostmortemRow): PostmortemRow[] {
    if (!row) return this.rows();
    return childRows(row, this.result?.report.totals.bySeverity.map((s) => s.severity));
  }

  getTreeItem(row: PostmortemRow): vscode.TreeItem {
    const collapsible = row.type === 'document' || row.type === 'item' ? vscode.TreeItemCollapsibleState.None : row.type === 'year' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(row.label, collapsible);
    item.description = row.description;
    switch (row.type) {
      case 'actions':
        item.id = 'actions';
        item.iconPath = new vscode.ThemeIcon('checklist');
        break;
      case 'owner':
        item.id = `owner:${row.label}`;
        item.iconPath = new vscode.ThemeIcon('person', row.owner.overdue ? new vscode.ThemeColor('list.warningForeground') : undefined);
        break;
      case 'year':
        item.id = `year:${row.label}`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        break;
      case 'item': {
        item.id = `item:${row.item.uri ?? row.item.file}:${row.item.line}`;
        item.iconPath = new vscode.ThemeIcon(row.item.overdue ? 'warning' : 'circle-large-outline', row.item.overdue ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.tooltip = `${row.item.text}\n\n${row.item.file}:${row.item.line}`;
        item.command = open(row.uri, row.line);
        break;
      }
      case 'document': {
        const d = row.document;
        item.id = `document:${d.uri ?? d.file}`;
        item.iconPath = new vscode.ThemeIcon('flame', row.rank >= 0 ? new vscode.ThemeColor(SEVERITY_COLORS[Math.min(row.rank, SEVERITY_COLORS.length - 1)]) : undefined);
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(`${d.id ?? 'No ID'}: ${d.title}\n\n${d.file}\n\n${row.description}\n\nOpen action items: ${d.actionItems.open}`);
        item.tooltip = tooltip;
        item.resourceUri = d.uri ? vscode.Uri.parse(d.uri) : undefined;
        item.command = open(row.uri, row.line);
        break;
      }
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The command a row runs: open the file at the line. */
function open(uri: string | undefined, line: number): vscode.Command | undefined {
  if (!uri) return undefined;
  const position = new vscode.Position(Math.max(0, line), 0);
  return { command: REVEAL_COMMAND, title: 'Open', arguments: [vscode.Uri.parse(uri), new vscode.Range(position, position)] };
}
