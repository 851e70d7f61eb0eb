import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { automaticFix, fixAll, preferredFix, selectFixes, type Finding, type Position, type Range, type TextEdit } from '../core';
import { toDiagnostic } from './diagnostics';
import type { DocumentState } from './documents';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './protocol';
import { diffEdits } from './textDiff';

/** What the client can take, from its capabilities. */
export interface CodeActionSupport {
  /** `documentChanges` with versions (the client refuses an edit made for an older version). */
  documentChanges: boolean;
  /** `codeAction/resolve` for `edit`: the costly "fix all" is computed only when chosen. */
  resolveEdit: boolean;
}

/** What a lazily computed "fix all" action carries to `codeAction/resolve`. */
interface FixAllData {
  uri: string;
  version: number;
}

/**
 * The code actions for a range: each finding's fixes as quick fixes with their diagnostic
 * (the preferred one marked), "fix all problems of this rule" and `source.fixAll.postmortem`,
 * filtered by `context.only`. The last two apply automatic fixes only, exactly as `--fix`.
 */
export function codeActions(state: DocumentState, params: CodeActionParams, support: CodeActionSupport): CodeAction[] {
  const findings = state.analysis?.findings ?? [];
  if (!state.active || findings.length === 0) return [];
  const wants = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction, edits: TextEdit[]) => {
    const key = JSON.stringify(edits);
    if (seen.has(key)) return;
    seen.add(key);
    actions.push({ ...action, edit: workspaceEdit(state, edits, support) });
  };

  if (wants(CodeActionKind.QuickFix)) {
    const here = findings.filter((f) => (f.fixes.length > 0 || (f.ignores?.length ?? 0) > 0) && overlaps(f.range, params.range));
    for (const finding of here) {
      const diagnostic = publishedDiagnostic(finding, params.context.diagnostics);
      const preferred = preferredFix(finding);
      for (const fix of finding.fixes) {
        add({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix === preferred }, fix.edits);
      }
    }
    for (const ruleId of new Set(here.map((f) => f.ruleId))) {
      const fixes = findings.filter((f) => f.ruleId === ruleId).map(automaticFix).filter((fix) => fix !== undefined);
      if (fixes.length < 2) continue;
      const diagnostics = here.filter((f) => f.ruleId === ruleId).map((f) => publishedDiagnostic(f, params.context.diagnostics));
      // Whole fixes only: a conversion whose carried entries were left out would move their instants.
      const whole = selectFixes(state.text, findings.filter((f) => f.ruleId === ruleId));
      add({ title: `Fix all ${ruleId} problems (${fixes.length})`, kind: CodeActionKind.QuickFix, diagnostics }, nonOverlapping(whole.flatMap((fix) => fix.edits)));
    }
    // Last, and never preferred: silencing a finding is the writer's call, after the repairs.
    for (const finding of here) {
      const diagnostic = publishedDiagnostic(finding, params.context.diagnostics);
      for (const fix of finding.ignores ?? []) add({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: false }, fix.edits);
    }
  }

  if (wants(FIX_ALL_KIND) && findings.some((f) => automaticFix(f) !== undefined)) {
    const action: CodeAction = { title: 'Fix all auto-fixable postmortem problems', kind: FIX_ALL_KIND };
    if (support.resolveEdit) actions.push({ ...action, data: { uri: state.uri, version: state.version } satisfies FixAllData });
    else {
      const edit = fixAllEdit(state, support);
      if (edit) actions.push({ ...action, edit });
    }
  }
  return actions;
}

/** `codeAction/resolve`: fills in the edit of a lazily offered "fix all" for the version it was offered for. */
export async function resolveFixAll(
  action: CodeAction,
  stateOf: (uri: string) => Promise<DocumentState> | undefined,
  support: CodeActionSupport,
): Promise<CodeAction> {
  const data = action.data as Partial<FixAllData> | undefined;
  if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
  const state = await stateOf(data.uri);
  // An edit computed for another version would land in the wrong place: offer nothing instead.
  if (!state || state.version !== data.version) return action;
  const edit = fixAllEdit(state, support);
  return edit ? { ...action, edit } : action;
}

/** Every automatic fix, applied until stable (the core's fixAll, as `--fix`), as minimal edits. */
function fixAllEdit(state: DocumentState, support: CodeActionSupport): WorkspaceEdit | undefined {
  const fixed = fixAll(state.text, { config: state.config, path: state.path });
  const edits = diffEdits(state.text, fixed.text);
  return edits.length > 0 ? workspaceEdit(state, edits, support) : undefined;
}

function workspaceEdit(state: DocumentState, edits: TextEdit[], support: CodeActionSupport): WorkspaceEdit {
  if (support.documentChanges) return { documentChanges: [{ textDocument: { uri: state.uri, version: state.version }, edits }] };
  return { changes: { [state.uri]: edits } };
}

/** The diagnostic the client holds for a finding (so the editor links the two), or a fresh one. */
function publishedDiagnostic(finding: Finding, published: readonly Diagnostic[]): Diagnostic {
  return (
    published.find(
      (d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.ruleId && d.message === finding.message && sameRange(d.range, finding.range),
    ) ?? toDiagnostic(finding)
  );
}

/** Edits sorted by position, dropping any that overlaps one already kept (a WorkspaceEdit must not overlap). */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((x, y) => compare(x.edit.range.start, y.edit.range.start) || compare(x.edit.range.end, y.edit.range.end) || x.order - y.order);
  const kept: TextEdit[] = [];
  let cursor: Position | undefined;
  for (const { edit } of sorted) {
    if (cursor && compare(edit.range.start, cursor) < 0) continue;
    kept.push(edit);
    cursor = edit.range.end;
  }
  return kept;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function sameRange(a: Range, b: Range): boolean {
  return compare(a.start, b.start) === 0 && compare(a.end, b.end) === 0;
}

/** Whether two ranges touch (an empty request range at a finding's edge counts). */
function overlaps(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}
