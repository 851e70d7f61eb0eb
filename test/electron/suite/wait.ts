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
