/**
 * The checks across documents in the editor (issue 15): the open documents' share of the
 * `duplicate-incident-id` findings over the workspace index, as diagnostics on the `id`
 * value with the other files as related information. When the index changes (a file read,
 * edited, created, deleted), open documents whose findings across documents changed are
 * checked again; the others are left alone.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { duplicateIdFindings, type CrossFinding } from '../core';
import { filePathOf } from './config';
import { toDiagnostic } from './diagnostics';
import type { DocumentState } from './documents';
import type { WorkspaceIndex } from './workspaceIndex';

export class AcrossDocuments {
  /** By file path; made again after each change of the index. */
  private findings: Map<string, CrossFinding[]> | undefined;
  /** What was last published across documents for each open document. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly openUris: () => string[],
    private readonly recheck: (uri: string) => void,
  ) {
    // At once, not after the burst: a document checked meanwhile must see the index as it is.
    index.onChange(() => (this.findings = undefined));
  }

  /** The diagnostics an open, analysed postmortem has because of other documents (the index takes its current analysis first). */
  diagnosticsFor(state: DocumentState): Diagnostic[] {
    this.index.observeOpen(state);
    const path = state.active ? filePathOf(state.uri) : undefined;
    const found = (path && this.current().get(path)) || [];
    this.published.set(state.uri, signature(found));
    return found.map((cross) => ({
      ...toDiagnostic(cross.finding),
      relatedInformation: cross.related.map((place) => ({
        location: { uri: this.index.get(place.key)?.uri ?? place.key, range: place.range },
        message: `The same incident ID in ${place.label}`,
      })),
    }));
  }

  /** The index changed: re-check the open documents whose findings across documents are no longer what was published. */
  indexChanged(): void {
    for (const uri of this.openUris()) {
      const path = filePathOf(uri);
      const now = signature((path && this.current().get(path)) || []);
      if ((this.published.get(uri) ?? signature([])) !== now) this.recheck(uri);
    }
  }

  /** The findings across documents of an indexed file (by path). */
  findingsOf(path: string): CrossFinding[] {
    return this.current().get(path) ?? [];
  }

  /** A document closed: nothing of it is published any more. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  private current(): Map<string, CrossFinding[]> {
    this.findings ??= duplicateIdFindings(this.index.all().map((entry) => ({ key: entry.path, label: entry.label, incidentId: entry.claim })));
    return this.findings;
  }
}

/** What a document's findings across documents look like, to tell whether they changed. */
function signature(found: readonly CrossFinding[]): string {
  return JSON.stringify(found.map((c) => [c.finding.message, c.finding.severity, c.finding.range, c.related.map((r) => r.key)]));
}
