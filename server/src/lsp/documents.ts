import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { performance } from 'node:perf_hooks';
import { analyzeIncremental, timelineOf, type Analysis, type PostmortemConfig, type Timeline } from '../core';
import { filePathOf, type ConfigService } from './config';
import { describeError, type Log } from './guard';

/** One analysed version of an open document: what every feature reads. */
export interface DocumentState {
  uri: string;
  version: number;
  /** The text that was analysed (the document may have moved on since). */
  text: string;
  /** The file path for `file:` URIs. */
  path?: string;
  config: PostmortemConfig;
  /** Undefined when the document was not analysed (over `maxFileSize`, or the parse failed). */
  analysis?: Analysis;
  /** Whether the document is a postmortem: features answer nothing for other Markdown. */
  active: boolean;
}

/** An analysed postmortem: what the features work on. */
export type ActiveState = DocumentState & { analysis: Analysis };

/** The timeline of an analysed postmortem; the core memoises it per model, so every feature shares one. */
export function timelineOfState(state: ActiveState): Timeline {
  return timelineOf(state.analysis.model, state.config);
}

interface Entry {
  version: number;
  generation: number;
  state: Promise<DocumentState>;
}

/**
 * The analysis cache: one parse and analysis per document version and configuration,
 * shared by diagnostics, code actions, symbols, hover, completion and the rest. A new
 * version is analysed incrementally from the document's last analysis (the core re-parses
 * only what the edit can change, with the same result as a full analysis).
 */
export class DocumentStore {
  private readonly cache = new Map<string, Entry>();
  private readonly logged = new Set<string>();
  /** Each open document's latest finished analysis, what the next version is parsed from. */
  private readonly last = new Map<string, Analysis>();
  /** How long each document's latest analysis took (ms): what the diagnostics debounce waits. */
  private readonly costs = new Map<string, number>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ConfigService,
    private readonly log: Log,
  ) {}

  /** The open document's current version, if it is open. */
  versionOf(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  /** The analysis of the document's current version (cached), or undefined when it is not open. */
  get(uri: string): Promise<DocumentState> | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const generation = this.configs.generation;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === generation) return cached.state;
    // TextDocument objects are updated in place: take the text and version now, before any await.
    const state = this.compute(uri, document.getText(), document.version);
    const entry = { version: document.version, generation, state };
    this.cache.set(uri, entry);
    // A failure is not cached: the next request for this version tries again.
    state.catch(() => {
      if (this.cache.get(uri) === entry) this.cache.delete(uri);
    });
    return state;
  }

  /** The current analysis when the document is an analysed postmortem; undefined otherwise. */
  async active(uri: string): Promise<ActiveState | undefined> {
    const state = await this.get(uri);
    return state?.active && state.analysis ? (state as ActiveState) : undefined;
  }

  /** Every open document's URI. */
  openUris(): string[] {
    return this.documents.keys();
  }

  /** Milliseconds the document's latest analysis took, if it has been analysed. */
  lastCost(uri: string): number | undefined {
    return this.costs.get(uri);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.last.delete(uri);
    this.costs.delete(uri);
    this.configs.forget(uri);
  }

  private async compute(uri: string, text: string, version: number): Promise<DocumentState> {
    const { config } = await this.configs.forDocument(uri);
    const path = filePathOf(uri) ?? uriPath(uri);
    const base = { uri, version, text, path, config };
    if (Buffer.byteLength(text, 'utf8') > config.maxFileSize) {
      this.configs.informOnce(`Postmortem: ${path ?? uri} is larger than postmortem.maxFileSize (${config.maxFileSize} bytes): it is not checked.`);
      this.last.delete(uri);
      return { ...base, active: false };
    }
    let analysis: Analysis;
    try {
      const started = performance.now();
      // Never mutates the previous analysis: a request may still be reading it.
      analysis = analyzeIncremental(this.last.get(uri), text, { config, path });
      this.costs.set(uri, performance.now() - started);
      // A document closed while its configuration was read keeps nothing.
      if (this.documents.get(uri)) this.last.set(uri, analysis);
    } catch (error) {
      this.last.delete(uri);
      this.once(`postmortem: analysing ${uri} failed: ${describeError(error)}`, true);
      return { ...base, active: false };
    }
    for (const problem of analysis.problems) {
      // Rule failures are bugs for the log; anything else is configuration the user should fix.
      if (problem.startsWith('rule ')) this.once(`postmortem: ${uri}: ${problem}`, true);
      else this.configs.warnOnce(`Postmortem: ${problem}.`);
    }
    return { ...base, analysis, active: analysis.isPostmortem };
  }

  /** Logs a message the first time it occurs (the same failure on every keystroke is noise). */
  private once(message: string, isError = false): void {
    const key = message.split('\n', 1)[0];
    if (this.logged.has(key)) return;
    this.logged.add(key);
    if (isError) this.log.error(message);
    else this.log.info(message);
  }
}

/** The path part of a non-file URI (untitled:…), for the `include` globs. */
function uriPath(uri: string): string | undefined {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}
