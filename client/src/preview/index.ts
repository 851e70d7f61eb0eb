/**
 * The Markdown preview bundle (dist/preview.js): loaded by the client only when VS Code's
 * Markdown preview asks for markdown-it plugins, so the analysis core it carries does not
 * weigh on the client bundle.
 */
import * as vscode from 'vscode';
import { chartPlugin, type MarkdownItLike } from './chartBlock';

/** Adds the incident chart to VS Code's markdown-it (`postmortem.preview.chart`). */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
  return chartPlugin(md, {
    pathOf(env) {
      // VS Code passes the document being rendered as `env.currentDocument` (a Uri).
      const uri = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
      return uri && uri.scheme === 'file' ? uri.fsPath : uri?.path;
    },
    settingsFor(path) {
      const settings = vscode.workspace.getConfiguration('postmortem', path ? vscode.Uri.file(path) : undefined);
      return JSON.parse(JSON.stringify(settings)) as unknown;
    },
  });
}
