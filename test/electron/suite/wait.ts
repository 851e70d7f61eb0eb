/**
 * Waiting on the editor's events, never on the clock: each helper resolves when VS Code
 * reports what the test waits for, and fails after a deadline with what it saw.
 */
import * as vscode from 'vscode';

const DEADLINE_MS = 30_000;

/** Resolves once `check` holds, re-checking whenever `event` fires. */
export function when<T>(event: vscode.Event<unknown>, check: () => T | undefined, what: string): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, DEADLINE_MS);
    const subscription = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** The Postmortem diagnostics of a document. */
export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

/** The rule id of a diagnostic. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** Waits until the document's Postmortem diagnostics satisfy `check`. */
export function diagnosticsWhere(uri: vscode.Uri, check: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return when(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = postmortemDiagnostics(uri);
      return check(diagnostics) ? diagnostics : undefined;
    },
    what,
  );
}

/** Waits until a document's text satisfies `check` (after an edit the command makes). */
export function textWhere(document: vscode.TextDocument, check: (text: string) => boolean, what: string): Promise<string> {
  return when(
    vscode.workspace.onDidChangeTextDocument,
    () => (check(document.getText()) ? document.getText() : undefined),
    what,
  );
}

/**
 * The code actions offered at a diagnostic, once `check` holds. The diagnostics VS Code holds
 * can be a closed version's while the server reads the document again, so the question is
 * asked again each time the document's diagnostics change, with the diagnostic found anew.
 */
export async function codeActionsWhere(
  uri: vscode.Uri,
  diagnostic: (diagnostics: vscode.Diagnostic[]) => vscode.Diagnostic | undefined,
  check: (actions: vscode.CodeAction[]) => boolean,
  what: string,
): Promise<vscode.CodeAction[]> {
  let offered: vscode.CodeAction[] = [];
  const ask = async (): Promise<vscode.CodeAction[] | undefined> => {
    const at = diagnostic(postmortemDiagnostics(uri));
    if (!at) return undefined;
    offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at.range, vscode.CodeActionKind.QuickFix.value);
    return check(offered) ? offered : undefined;
  };
  // Subscribed before the first question, so a change while it is answered is not missed.
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (actions: vscode.CodeAction[] | undefined) => {
      if (!actions || settled) return;
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
      resolve(actions);
    };
    let asking = ask().then(finish);
    const timer = setTimeout(() => {
      settled = true;
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; offered: ${offered.map((a) => a.title).join(', ')}`));
    }, DEADLINE_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      asking = asking.then(ask).then(finish);
    });
  });
}
