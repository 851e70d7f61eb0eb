/**
 * Tokenizes Markdown with the postmortem injection, the way VS Code does: vscode-textmate
 * with the oniguruma regex engine, the injection registered for `text.html.markdown`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const INJECTION = 'markdown.postmortem.injection';

/** The stand-in Markdown host kept with the tests. */
export const STAND_IN_HOST = join(import.meta.dirname, 'fixtures', 'markdown-host.tmLanguage.json');

/** VS Code's own Markdown grammar, present once `npm run test:e2e` has installed code-server. */
export const VSCODE_HOST = join(root, '.vscode-test', 'code-server-4.100.3', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');

export const hasVscodeHost = existsSync(VSCODE_HOST);

let wasm: Promise<void> | undefined;

/** Loads the Markdown grammar at `hostPath` with the postmortem injection. */
export async function loadMarkdown(hostPath: string): Promise<IGrammar> {
  wasm ??= loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  await wasm;
  const files: Record<string, string> = {
    'text.html.markdown': hostPath,
    [INJECTION]: join(root, 'syntaxes', 'postmortem.injection.tmLanguage.json'),
  };
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error(`cannot load ${hostPath}`);
  return grammar;
}

/** One token: its text and its scopes, innermost last. */
export interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes a document, line by line, carrying the grammar's state across lines. */
export function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/**
 * The postmortem scopes of a line as `text → scope` strings: consecutive tokens with the same
 * `*.postmortem` scope (other than punctuation) are one entry; prose is left out.
 */
export function postmortemScopes(tokens: Token[]): string[] {
  const runs: Array<{ text: string; scope: string }> = [];
  let open = false;
  for (const token of tokens) {
    const scope = token.scopes.find((s) => s.endsWith('.postmortem') && !s.startsWith('punctuation.'));
    const last = runs[runs.length - 1];
    if (!scope) open = false;
    else if (open && last.scope === scope) last.text += token.text;
    else {
      runs.push({ text: token.text, scope });
      open = true;
    }
  }
  return runs.map((r) => `${r.text} → ${r.scope}`);
}
