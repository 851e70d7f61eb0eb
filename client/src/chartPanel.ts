/**
 * The Incident Chart webview (`postmortem.showChart`): the server draws the SVG
 * (`postmortem/chart`), this panel shows it beside the editor and keeps it current as the
 * user types and switches editors (it follows the tracker). Clicking a mark reveals its line.
 * The page runs one nonce'd script under a Content-Security-Policy that allows nothing else
 * (no remote content, no inline handlers), and a serializer restores the panel after a reload.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CHART_REQUEST, type ChartParams, type ChartResult } from '../../server/src/lsp/protocol';
import { pageHtml } from './chartPage';
import type { ActiveDocument, ActiveDocumentTracker } from './tracker';

export const CHART_VIEW_TYPE = 'postmortem.chart';
/** The narrowest and widest charts the panel asks for (the renderer's bounds, and a width that still reads). */
const MIN_WIDTH = 320;
const MAX_WIDTH = 2400;

/** What the page keeps across reloads: the document it shows. */
interface ChartState {
  uri?: string;
}

/** What the page says to the extension. */
type FromPage = { type: 'reveal'; line: number } | { type: 'ready' } | { type: 'size'; width: number };

export class ChartPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  /** Bumped per request: an answer for an older one is dropped. */
  private sequence = 0;
  /** The page's width in pixels, as it last reported it. */
  private width: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last message posted, for tests and for a page that asks again when it is ready. */
  last: { uri: string; version: number; svg: string | null; message: string | null } | undefined;

  constructor(private readonly client: LanguageClient, private readonly tracker: ActiveDocumentTracker) {
    this.disposables.push(
      tracker.onDidChange((active) => this.follow(active)),
      vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: ChartState | undefined) => {
          this.adopt(panel);
          const saved = state?.uri ? vscode.Uri.parse(state.uri) : undefined;
          this.uri = this.tracker.current?.isPostmortem ? this.tracker.current.document.uri : saved;
          if (this.uri) await vscode.workspace.openTextDocument(this.uri).then(undefined, () => undefined);
          await this.update();
        },
      }),
    );
  }

  /** Opens the panel beside the editor (or brings it forward) for the active postmortem. */
  async show(): Promise<void> {
    const active = this.tracker.current;
    if (active) this.uri = active.document.uri;
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      const panel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, 'Incident Chart', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.adopt(panel);
    }
    await this.update();
  }

  /** Follows the active postmortem: another editor, or a new version of this one. */
  private follow(active: ActiveDocument | undefined): void {
    // Focusing the panel itself leaves no active text editor: keep the chart of the last one.
    if (!this.panel || !active?.isPostmortem) return;
    this.uri = active.document.uri;
    void this.update();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    panel.webview.html = pageHtml(randomBytes(16).toString('base64'));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((message: FromPage) => {
      if (message.type === 'reveal' && Number.isInteger(message.line) && message.line >= 1) void this.reveal(message.line);
      if (message.type === 'ready' && this.last) void panel.webview.postMessage({ type: 'chart', ...this.last });
      if (message.type === 'size' && Number.isFinite(message.width)) {
        this.width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(message.width)));
        void this.update();
      }
    });
  }

  /** Asks the server for the chart of the document shown and posts it to the page. */
  async update(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    const sequence = ++this.sequence;
    if (!panel) return;
    let result: ChartResult | null = null;
    if (!uri) result = { uri: '', version: 0, svg: null, message: 'No incident chart: open a postmortem.' };
    else if (this.client.state !== State.Running) result = { uri: uri.toString(), version: 0, svg: null, message: 'No incident chart: the Postmortem language server is not running.' };
    else {
      try {
        const params: ChartParams = { uri: this.client.code2ProtocolConverter.asUri(uri), theme: 'vscode', width: this.width };
        result = await this.client.sendRequest<ChartResult | null>(CHART_REQUEST, params);
      } catch (error) {
        this.client.debug(`${CHART_REQUEST} failed`, error);
      }
      result ??= { uri: uri.toString(), version: 0, svg: null, message: 'No incident chart: the document is not open or could not be read.' };
    }
    if (sequence !== this.sequence) return;
    panel.title = uri ? `Incident Chart: ${uri.path.split('/').pop()}` : 'Incident Chart';
    this.last = { uri: uri?.toString() ?? '', version: result.version, svg: result.svg, message: result.message };
    await panel.webview.postMessage({ type: 'chart', ...this.last });
  }

  /** Reveals a 1-based line of the document shown, in the editor column it is open in. */
  private async reveal(line: number): Promise<void> {
    if (!this.uri) return;
    const uri = this.uri;
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false });
    const position = new vscode.Position(Math.min(line - 1, editor.document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
