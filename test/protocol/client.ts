/**
 * A small LSP client for the protocol tests: spawns the BUILT server (dist/server.js)
 * over stdio and drives it as an editor would, recording what the server publishes so
 * tests can wait on events (a publish for a version, a message), never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = resolve(__dirname, '..', '..', 'dist', 'server.js');

/** What a full-featured client (VS Code) declares. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    inlayHint: {},
    codeLens: {},
  },
};

const folders: string[] = [];
process.on('exit', () => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A fresh folder for a test's documents (and any .postmortemrc.json it writes), removed when the tests end. */
export function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-protocol-'));
  mkdirSync(join(root, 'postmortems'));
  folders.push(root);
  return root;
}

/** A `file:` URI under `root`/postmortems/ (the default `include` globs match it). */
export function postmortemUri(root: string, name: string): string {
  return pathToFileURL(join(root, 'postmortems', name)).href;
}

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** An event log that resolves waiters as events arrive (or at once when one already has). */
class Events<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.all.push(value);
    const ready = this.waiters.filter((w) => w.match(value));
    this.waiters = this.waiters.filter((w) => !w.match(value));
    ready.forEach((w) => w.resolve(value));
  }

  /** The first event (past or future, after `since`) that matches. */
  next(match: (value: T) => boolean, since = 0): Promise<T> {
    const past = this.all.slice(since).find(match);
    if (past !== undefined) return Promise.resolve(past);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The answer to each `workspace/configuration` item (default: null, as Neovim answers). */
  settings?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  /** Extra environment for the server process (test-only switches such as POSTMORTEM_TEST_FAULT_RULE). */
  env?: Record<string, string>;
  /** The server to run (default: the built dist/server.js), such as an installed package's. */
  server?: string;
  /** The workspace folders sent with `initialize` (default: none). */
  workspaceFolders?: Array<{ uri: string; name: string }>;
}

/** A running server and the client side of its connection. */
export class TestClient {
  readonly diagnostics = new Events<PublishDiagnosticsParams>();
  readonly messages = new Events<ShowMessageParams>();
  readonly logs = new Events<LogMessageParams>();
  readonly configurationRequests = new Events<ConfigurationParams>();
  readonly registrations = new Events<Registration>();
  /** `postmortem/indexChanged` notifications: the workspace index read or updated. */
  readonly indexChanges = new Events<{ ready: boolean; documents: number }>();
  readonly documents = new Map<string, TextDocument>();
  /** Every version's text of every document, to check what was published for it. */
  readonly history = new Map<string, Map<number, string>>();
  stderr = '';
  settings: NonNullable<StartOptions['settings']>;
  initializeResult!: InitializeResult;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => null);
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => client.diagnostics.push(params));
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => client.messages.push(params));
    connection.onNotification('postmortem/indexChanged', (params: { ready: boolean; documents: number }) => client.indexChanges.push(params));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => client.logs.push(params));
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => client.settings(item.section, item.scopeUri));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      params.registrations.forEach((registration) => client.registrations.push(registration));
      return null;
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders ?? null,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Opens a document (version 1) and resolves with its first published diagnostics. */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    this.openQuietly(uri, text);
    return this.waitForDiagnostics(uri, 1);
  }

  /** Opens a document without waiting for diagnostics (for documents that get none). */
  openQuietly(uri: string, text: string): void {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    this.history.set(uri, new Map([[1, text]]));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Sends an edit (incremental changes or a whole text) and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const document = this.document(uri);
    const version = document.version + 1;
    TextDocument.update(document, changes, version);
    this.history.get(uri)!.set(version, document.getText());
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies text edits (as a workspace edit would) as one incremental change each, last first. */
  applyEdits(uri: string, edits: readonly TextEdit[]): number {
    const document = this.document(uri);
    const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    return this.change(uri, sorted.map((edit) => ({ range: edit.range, text: edit.newText })));
  }

  /** The text edits a workspace edit makes to one document. */
  editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
    if (!edit) return [];
    const fromChanges = edit.changes?.[uri] ?? [];
    const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
      'textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : [],
    );
    return [...fromChanges, ...fromDocumentChanges];
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** The first diagnostics published for a document at a version (already published or still to come). */
  waitForDiagnostics(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((p) => p.uri === uri && p.version === version, since);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Shuts the server down as a client does and waits for the process to exit. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.process.exitCode !== null ? resolve() : this.process.once('exit', () => resolve())));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    await exited;
    this.connection.dispose();
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }
}

/**
 * One server and one workspace folder for a suite: started before its tests, stopped after;
 * `use` receives them (the suite keeps them in its own variables).
 */
export function serverForSuite(use: (client: TestClient, root: string) => void, options?: StartOptions): void {
  let started: TestClient | undefined;
  before(async () => {
    started = await TestClient.start(options);
    use(started, workspace());
  });
  after(() => started?.stop());
}
