/**
 * Commands that apply the server's own fixes, so the editor and the lint never disagree:
 * Insert Section (a missing-section quick fix), Sort Timeline (the timeline-order quick fix)
 * and Fix All (`source.fixAll.postmortem`). Each asks VS Code for the code actions of the
 * relevant diagnostics, exactly as the light bulb would, and applies the one chosen.
 */
import * as vscode from 'vscode';
import { CodeAction, CodeActionKind, CodeActionRequest, type CodeActionParams, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../../server/src/lsp/protocol';
import { activeMarkdown } from './tracker';

/** The active Markdown editor, or a message saying one is needed. */
export function requireEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && activeMarkdown() === editor.document) return editor;
  void vscode.window.showInformationMessage('Open a postmortem (a Markdown document) first.');
  return undefined;
}

/** The server's diagnostics of one rule in a document. */
export function diagnosticsOf(document: vscode.TextDocument, ruleId: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === ruleId);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/**
 * The server's quick fixes for one rule's diagnostics. Asked of the server directly: the
 * actions VS Code's `vscode.executeCodeActionProvider` returns lose the diagnostics they fix,
 * and those are what tell a rule's fixes from other fixes on the same range.
 */
async function quickFixesFor(client: LanguageClient, document: vscode.TextDocument, ruleId: string): Promise<vscode.CodeAction[]> {
  const diagnostics = diagnosticsOf(document, ruleId);
  const actions: vscode.CodeAction[] = [];
  const seen = new Set<string>();
  for (const range of uniqueRanges(diagnostics)) {
    const params: CodeActionParams = {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
      range: client.code2ProtocolConverter.asRange(range),
      context: { diagnostics: await client.code2ProtocolConverter.asDiagnostics(diagnostics.filter((d) => d.range.isEqual(range))), only: [CodeActionKind.QuickFix] },
    };
    const found = (await client.sendRequest(CodeActionRequest.type, params)) ?? [];
    for (const item of found) {
      if (!CodeAction.is(item) || !item.diagnostics?.some((d) => String(d.code) === ruleId) || seen.has(item.title)) continue;
      seen.add(item.title);
      actions.push(await client.protocol2CodeConverter.asCodeAction(item));
    }
  }
  return actions;
}

function uniqueRanges(diagnostics: vscode.Diagnostic[]): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  for (const d of diagnostics) if (!ranges.some((r) => r.isEqual(d.range))) ranges.push(d.range);
  return ranges;
}

/** Applies a code action's edit and runs its command; false when the edit was refused (the document changed). */
async function apply(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(`Could not apply "${action.title}": the document changed. Try again.`);
    return false;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

/** Postmortem: Insert Section… — pick among the sections the profile requires and the document lacks. */
export async function insertSection(client: LanguageClient): Promise<void> {
  const editor = requireEditor();
  if (!editor) return;
  if (diagnosticsOf(editor.document, 'missing-section').length === 0) {
    void vscode.window.showInformationMessage('Every section the profile requires is there.');
    return;
  }
  const actions = await quickFixesFor(client, editor.document, 'missing-section');
  if (actions.length === 0) return;
  // The server titles its fixes "Insert section "X"" and "Insert all N missing sections".
  const items = actions.map((action) => {
    const name = /"(.+)"/.exec(action.title)?.[1];
    return { label: name ?? action.title, description: name ? undefined : 'every missing section, each in its place', action };
  });
  items.sort((a, b) => Number(a.description !== undefined) - Number(b.description !== undefined));
  const picked = await vscode.window.showQuickPick(items, { title: 'Insert Section', placeHolder: 'Sections the profile requires that this postmortem lacks' });
  if (!picked || !(await apply(picked.action))) return;
  revealInsertedHeading(editor, picked.label);
}

/** Moves the cursor to the prompt under a heading just inserted. */
function revealInsertedHeading(editor: vscode.TextEditor, title: string): void {
  const document = editor.document;
  for (let line = 0; line < document.lineCount; line++) {
    if (/^#{1,6}\s/.test(document.lineAt(line).text) && document.lineAt(line).text.replace(/^#+\s*/, '').trim() === title) {
      const target = Math.min(line + 2, document.lineCount - 1);
      const range = document.lineAt(target).range;
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
  }
}

/** Postmortem: Sort Timeline — the server's timeline-order fix. */
export async function sortTimeline(client: LanguageClient): Promise<void> {
  const editor = requireEditor();
  if (!editor) return;
  if (diagnosticsOf(editor.document, 'timeline-order').length === 0) {
    void vscode.window.showInformationMessage('The timeline is already in time order.');
    return;
  }
  const actions = await quickFixesFor(client, editor.document, 'timeline-order');
  const sort = actions.find((a) => /sort/i.test(a.title)) ?? actions.find((a) => a.isPreferred) ?? actions[0];
  if (!sort) {
    void vscode.window.showInformationMessage('The server offers no fix to sort this timeline.');
    return;
  }
  await apply(sort);
}

/** Postmortem: Fix All Auto-fixable Problems — `source.fixAll.postmortem` over the whole document. */
export async function fixAll(): Promise<void> {
  const editor = requireEditor();
  if (!editor) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND, 1)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!action) {
    void vscode.window.showInformationMessage('Nothing to fix automatically.');
    return;
  }
  await apply(action);
}
