import { performance } from 'node:perf_hooks';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core';
import type { ConfigService } from './config';
import type { DocumentState, DocumentStore } from './documents';
import { describeError, type Log } from './guard';
import { DIAGNOSTIC_SOURCE } from './protocol';

/** Longest quiet time after the last keystroke before a document is re-analysed. */
export const DIAGNOSTICS_DELAY_MS = 150;

/** Shortest wait: edits that arrive together (a paste, a multi-cursor edit, a fix) are checked once. */
export const MIN_DIAGNOSTICS_DELAY_MS = 5;

/** Why a document is being checked: edits wait for the debounce and honour `run: onSave`. */
export type Trigger = 'open' | 'change' | 'save' | 'config';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A finding as an LSP diagnostic: the rule id is the code, the source is `postmortem`. No
 * `codeDescription` link: the project has no published page to point at yet.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

/**
 * Publishes diagnostics for the latest version of each document. Checks are debounced
 * per document; a newer edit, a close or a configuration change cancels older work, and a
 * result is dropped unless it is for the version the document has when it is ready.
 */
export class DiagnosticsScheduler {
  /** Per document: the number of the latest scheduled check; older checks see they are stale. */
  private readonly tickets = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents whose last published set was not empty (they need clearing if they stop being postmortems). */
  private readonly shown = new Set<string>();
  /** When each document was last edited (performance.now()). */
  private readonly edited = new Map<string, number>();
  private nextTicket = 1;
  /** The diagnostics a document has because of others (the workspace index), when the server keeps one; told of every analysed version. */
  across: ((state: DocumentState) => Diagnostic[]) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly configs: ConfigService,
    private readonly log: Log,
    private readonly delayMs = DIAGNOSTICS_DELAY_MS,
  ) {}

  /** Schedules a check of a document, replacing any pending one. */
  schedule(uri: string, trigger: Trigger): void {
    const ticket = this.nextTicket++;
    this.tickets.set(uri, ticket);
    clearTimeout(this.timers.get(uri));
    const delay = trigger === 'change' ? this.delayAfterEdit(uri) : 0;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri, ticket, trigger).catch((error: unknown) => this.log.error(`postmortem: diagnostics for ${uri} failed: ${describeError(error)}`));
      }, delay),
    );
  }

  /** A document closed: drop pending work and clear what was published. */
  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.tickets.delete(uri);
    this.shown.delete(uri);
    this.edited.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The debounce after an edit. An edit after a pause is checked at once (after the shortest
   * wait); edits in quick succession wait until they pause for as long as a check of the
   * document takes (its last analysis), within the longest delay: while typing fast, checking
   * takes at most about half the time. Incremental analysis of a long document costs a few
   * milliseconds, so each keystroke's diagnostics follow it; a document that must be parsed
   * whole waits for the typing to pause.
   */
  private delayAfterEdit(uri: string): number {
    const now = performance.now();
    const previous = this.edited.get(uri);
    this.edited.set(uri, now);
    const cost = this.store.lastCost(uri);
    const quiet = cost === undefined ? this.delayMs : Math.min(this.delayMs, Math.max(MIN_DIAGNOSTICS_DELAY_MS, Math.ceil(cost)));
    return previous === undefined || now - previous >= quiet ? MIN_DIAGNOSTICS_DELAY_MS : quiet;
  }

  private isCurrent(uri: string, ticket: number): boolean {
    return this.tickets.get(uri) === ticket;
  }

  private async run(uri: string, ticket: number, trigger: Trigger): Promise<void> {
    if (trigger === 'change') {
      // With `run: onSave`, edits wait for the save; reading the config is cheap, analysing is not.
      const { config } = await this.configs.forDocument(uri);
      if (config.run === 'onSave' || !this.isCurrent(uri, ticket)) return;
    }
    const pending = this.store.get(uri);
    if (!pending) return;
    const state = await pending;
    // Never publish for a version the document has left behind: a newer check is on its way.
    if (!this.isCurrent(uri, ticket) || state.version !== this.store.versionOf(uri)) return;
    const across = this.across?.(state) ?? [];
    if (!state.active || !state.analysis) {
      if (this.shown.delete(uri)) await this.connection.sendDiagnostics({ uri, version: state.version, diagnostics: [] });
      return;
    }
    const diagnostics = [...state.analysis.findings.map(toDiagnostic), ...across];
    if (diagnostics.length > 0) this.shown.add(uri);
    else this.shown.delete(uri);
    await this.connection.sendDiagnostics({ uri, version: state.version, diagnostics });
  }
}
