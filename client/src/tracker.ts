/**
 * Follows the active Markdown editor and keeps its timeline from the server up to date:
 * refreshed when the editor changes, when the server publishes new diagnostics for it (it
 * has analysed a new version) and, debounced, while the user types. Sets the
 * `postmortem.isPostmortem` context key that the view, its title actions and the commands'
 * menus depend on.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, TIMELINE_REQUEST, type TimelineParams, type TimelineResult } from '../../server/src/lsp/protocol';

export const IS_POSTMORTEM = 'postmortem.isPostmortem';

/** Typing pauses this long before the timeline is asked for again. */
const TYPING_DEBOUNCE_MS = 300;

/** What is known about the active document. */
export interface ActiveDocument {
  document: vscode.TextDocument;
  /** The server's answer, once there is one. */
  timeline?: TimelineResult;
  isPostmortem: boolean;
}

export class ActiveDocumentTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActiveDocument | undefined>();
  /** Fires after the active document or its timeline changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private currentState: ActiveDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per request, so an answer that arrives after a newer request was sent is dropped. */
  private sequence = 0;
  /** The latest refresh, which every superseded one settles with. */
  private latest: Promise<void> = Promise.resolve();
  /** Whether the context key was set once (it is unset until then). */
  private contextSet = false;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.currentState?.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = this.currentState?.document.uri.toString();
        if (uri && event.uris.some((u) => u.toString() === uri)) this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.currentState?.document) this.refresh();
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.refresh();
      }),
    );
    this.refresh();
  }

  /** The active Markdown document and its timeline, if a Markdown editor is active. */
  get current(): ActiveDocument | undefined {
    return this.currentState;
  }

  /** Asks the server again after the user stops typing. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), TYPING_DEBOUNCE_MS);
  }

  /**
   * Asks the server for the active document's timeline now. Resolves once the state holds the
   * answer to the latest request (a newer refresh supersedes this one, and this one waits for it).
   */
  refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const sequence = ++this.sequence;
    const document = activeMarkdown();
    if (!document) {
      this.update(undefined);
      this.latest = Promise.resolve();
    } else {
      if (this.currentState?.document !== document) this.update({ document, isPostmortem: hasOwnDiagnostics(document) });
      this.latest = this.request(document, sequence);
    }
    return this.latest;
  }

  private async request(document: vscode.TextDocument, sequence: number): Promise<void> {
    if (this.client.state !== State.Running) return;
    let timeline: TimelineResult | undefined;
    try {
      const params: TimelineParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
      timeline = (await this.client.sendRequest<TimelineResult | null>(TIMELINE_REQUEST, params)) ?? undefined;
    } catch (error) {
      // A server without the request (or one restarting) leaves the view on what diagnostics tell.
      this.client.debug(`${TIMELINE_REQUEST} failed`, error);
    }
    // A newer request was sent meanwhile: its answer is the one to show, so settle with it.
    if (sequence !== this.sequence) return this.latest;
    this.update({ document, timeline, isPostmortem: timeline?.isPostmortem ?? hasOwnDiagnostics(document) });
  }

  /** Records the latest state and tells listeners at once, so no older state can arrive after it. */
  private update(state: ActiveDocument | undefined): void {
    const was = this.currentState?.isPostmortem ?? false;
    this.currentState = state;
    const now = state?.isPostmortem ?? false;
    if (was !== now || !this.contextSet) {
      this.contextSet = true;
      void vscode.commands.executeCommand('setContext', IS_POSTMORTEM, now);
    }
    this.changed.fire(state);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The document of the active editor when it is Markdown. */
export function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/** Whether the server has published anything for a document (a postmortem with findings). */
function hasOwnDiagnostics(document: vscode.TextDocument): boolean {
  return vscode.languages.getDiagnostics(document.uri).some((d) => d.source === DIAGNOSTIC_SOURCE);
}
