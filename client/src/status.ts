/**
 * The language status items of a Markdown document (the `{}` in the status bar): the
 * postmortem's profile, problems (and the status cap on them, "draft: errors shown as
 * warnings") and incident duration, with a link to the server's log,
 * and the server's state with a link to restart it.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../../server/src/lsp/protocol';
import { formatMinutes, plural } from './format';
import type { ActiveDocumentTracker } from './tracker';

/** A selector for one document: its file, or unsaved Markdown documents. */
function selectorFor(document: vscode.TextDocument): vscode.DocumentSelector {
  if (document.uri.scheme !== 'file') return { language: 'markdown', scheme: document.uri.scheme };
  const folder = vscode.Uri.joinPath(document.uri, '..');
  return { language: 'markdown', pattern: new vscode.RelativePattern(folder, document.uri.path.slice(folder.path.length + 1)) };
}

export class PostmortemStatus implements vscode.Disposable {
  private readonly summary = vscode.languages.createLanguageStatusItem('postmortem.summary', []);
  private readonly server = vscode.languages.createLanguageStatusItem('postmortem.server', []);
  private readonly disposables: vscode.Disposable[];
  /** The document the items are shown for ('' for none). */
  private shownFor = '';

  constructor(
    private readonly client: LanguageClient,
    private readonly tracker: ActiveDocumentTracker,
  ) {
    this.summary.name = 'Postmortem';
    this.server.name = 'Postmortem language server';
    this.disposables = [
      this.summary,
      this.server,
      tracker.onDidChange(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      client.onDidChangeState(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const state = this.tracker.current;
    // Shown for the active postmortem only: other Markdown files get nothing from us.
    const shownFor = state?.isPostmortem ? state.document.uri.toString() : '';
    if (shownFor !== this.shownFor) {
      this.shownFor = shownFor;
      const selector = state?.isPostmortem ? selectorFor(state.document) : [];
      this.summary.selector = selector;
      this.server.selector = selector;
    }
    if (state?.isPostmortem) {
      const diagnostics = vscode.languages.getDiagnostics(state.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      const profile = state.timeline?.profile;
      const duration = state.timeline?.metrics.durationMinutes;
      this.summary.text = `$(checklist) Postmortem${profile ? `: ${profile}` : ''}`;
      this.summary.detail = [
        diagnostics.length === 0 ? 'no problems' : plural(diagnostics.length, 'problem'),
        // Say why a draft's missing sections are not errors.
        state.timeline?.severityCap?.note,
        duration !== null && duration !== undefined ? `lasted ${formatMinutes(duration)}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      this.summary.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      this.summary.command = { title: 'Show Log', command: 'postmortem.showLog' };
    }
    const running = this.client.state === State.Running;
    this.server.text = running ? '$(pass) Postmortem server' : this.client.state === State.Starting ? '$(sync~spin) Postmortem server' : '$(error) Postmortem server';
    this.server.detail = running ? 'running' : this.client.state === State.Starting ? 'starting' : 'stopped';
    this.server.busy = this.client.state === State.Starting;
    this.server.severity = running || this.client.state === State.Starting ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
    this.server.command = { title: 'Restart', command: 'postmortem.restartServer' };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
