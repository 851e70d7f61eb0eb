/**
 * **Postmortem: Show Report** (the report of the workspace in a webview, links open the files)
 * and **Postmortem: Export Report…** (the self-contained HTML page, saved where the user says).
 * The HTML is the server's (`postmortem/report` with `format: 'html'`), from server/src/report.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/lsp/protocol';
import { openTarget, REPORT_SCRIPT, reportCsp } from './reportLinks';
import { revealLine } from './timelineView';

export const REPORT_VIEW_TYPE = 'postmortem.report';

/** The open report panel, at most one: Show Report again brings it forward and redraws it. */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private result: ReportResult | undefined;

  constructor(private readonly client: LanguageClient) {}

  /** Whether a report panel is open (for tests). */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The HTML the panel shows (for tests). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  async show(): Promise<void> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Postmortem Report', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [], enableFindWidget: true });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.open(message));
    } else this.panel.reveal();
    await this.redraw();
  }

  /** Draws the report again if the panel is open (the index changed). */
  async redraw(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const nonce = randomBytes(16).toString('base64');
    const params: ReportParams = { format: 'html', host: { csp: reportCsp(nonce), nonce, script: REPORT_SCRIPT } };
    const result = await this.client.sendRequest<ReportResult | null>(REPORT_REQUEST, params);
    if (!result?.html || panel !== this.panel) return;
    this.result = result;
    panel.webview.html = result.html;
  }

  private open(message: unknown): void {
    const target = this.result && openTarget(message, this.result.report);
    if (!target) return;
    const position = new vscode.Position(target.line, 0);
    void revealLine(vscode.Uri.parse(target.uri), new vscode.Range(position, position)).then(undefined, (error: unknown) => vscode.window.showErrorMessage(`Cannot open ${target.uri}: ${String(error)}`));
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Asks where to save the report, and writes the self-contained HTML page there, links relative to it. */
export async function exportReport(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Postmortem Report',
    saveLabel: 'Export',
    filters: { HTML: ['html'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'postmortem-report.html') } : {}),
  });
  if (!target) return undefined;
  const params: ReportParams = { format: 'html', ...(target.scheme === 'file' ? { relativeTo: vscode.Uri.joinPath(target, '..').toString() } : {}) };
  const result = await client.sendRequest<ReportResult | null>(REPORT_REQUEST, params);
  if (!result?.html) {
    void vscode.window.showErrorMessage('Postmortem: the language server gave no report.');
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.html, 'utf8'));
  // Not awaited: the command is done when the file is written, whatever the user does with the message.
  void vscode.window.showInformationMessage(`Postmortem: report of ${result.report.totals.incidents} incidents saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open in Browser').then((choice) => choice && vscode.env.openExternal(target));
  return target;
}
