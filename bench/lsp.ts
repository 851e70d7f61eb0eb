/**
 * A minimal LSP client for the benchmark: starts a language server over stdio, opens and
 * edits documents as an editor would (incrementally or whole, as the server asks), and
 * reports when diagnostics for a document version arrive, and the server's peak memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

/** A language server process and the client end of its connection. */
export class LspServer {
  /** `uri@version` → when its diagnostics arrived (performance.now()). */
  private readonly arrived = new Map<string, number>();
  private readonly waiting = new Map<string, (at: number) => void>();
  /** Resolves when the server says its workspace index is read (`postmortem/indexChanged` with `ready`); our server only. */
  readonly indexReady: Promise<{ at: number; documents: number }>;
  private resolveIndexReady!: (value: { at: number; documents: number }) => void;
  /** TextDocumentSyncKind: 1 = the whole text on every change, 2 = incremental. */
  private syncKind = 1;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {
    this.indexReady = new Promise((resolve) => (this.resolveIndexReady = resolve));
  }

  /** Starts `command args` (which must speak LSP over stdio) in `rootPath`, answering settings requests with `{}`. */
  static async start(command: string, args: string[], rootUri: string): Promise<LspServer> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspServer(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => server.published(params));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('postmortem/indexChanged', (params: { ready: boolean; documents: number }) => {
      if (params.ready) server.resolveIndexReady({ at: performance.now(), documents: params.documents });
    });
    connection.onNotification(() => undefined);
    connection.listen();
    const result: InitializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true } },
      },
    });
    const sync = result.capabilities.textDocumentSync;
    server.syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
    await connection.sendNotification('initialized', {});
    return server;
  }

  open(uri: string, text: string): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Sends one edit as the server asked: the changed range, or the whole new text. */
  change(uri: string, version: number, range: Range, newText: string, wholeText: string): void {
    const contentChanges = this.syncKind === 2 ? [{ range, text: newText }] : [{ text: wholeText }];
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** When the diagnostics of a document version arrived (already, or when they do). */
  diagnostics(uri: string, version: number): Promise<number> {
    const key = `${uri}@${version}`;
    const at = this.arrived.get(key);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => this.waiting.set(key, resolve));
  }

  /** Peak resident memory of the server process so far, in MiB (VmHWM; the current RSS where /proc is missing). */
  peakMemoryMb(): number {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      if (kb > 0) return kb / 1024;
    } catch {
      // Not Linux: ask ps for the current resident size.
    }
    const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(this.child.pid)], { encoding: 'utf8' });
    return Number(ps.stdout.trim()) / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }

  private published(params: PublishDiagnosticsParams): void {
    const key = `${params.uri}@${params.version}`;
    const at = performance.now();
    this.arrived.set(key, at);
    this.waiting.get(key)?.(at);
    this.waiting.delete(key);
  }
}
