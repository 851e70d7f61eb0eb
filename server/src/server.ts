/**
 * The Postmortem language server (`postmortem-language-server --stdio`). This file only
 * wires LSP handlers to the modules in ./lsp, each handler guarded so that an exception
 * is logged and answered with an empty result instead of taking the server down.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  TextDocuments,
  type WorkspaceFolder,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, defaultConfig, MARKDOWN_FILES } from './core';
import { readServerArgs } from './lsp/args';
import { clientSupport, serverCapabilities, type ClientSupport } from './lsp/capabilities';
import { codeActions, resolveFixAll } from './lsp/codeActions';
import { metricLenses } from './lsp/codeLens';
import { metadataCompletions, sectionCompletions, timeCompletions } from './lsp/completion';
import { ConfigService } from './lsp/config';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { DocumentStore, timelineOfState } from './lsp/documents';
import { describeError, guard, type Log } from './lsp/guard';
import { headingHover, metadataHover } from './lsp/hover';
import { elapsedHints } from './lsp/inlayHints';
import { AcrossDocuments } from './lsp/across';
import { chartResult } from './lsp/chart';
import { filePathOf } from './lsp/config';
import { CHART_REQUEST, CONFIGURATION_SECTION, INDEX_CHANGED_NOTIFICATION, REPORT_REQUEST, TIMELINE_REQUEST, type ChartParams, type ChartResult, type IndexChangedParams, type ReportParams, type ReportResult, type TimelineParams, type TimelineResult } from './lsp/protocol';
import { workspaceReport } from './lsp/report';
import { WorkspaceIndex, type IndexFolder } from './lsp/workspaceIndex';
import { indexThreads } from './lsp/indexPool';
import { documentSymbols, flattenSymbols, timelineSymbols } from './lsp/symbols';
import { timeHover } from './lsp/timeHover';
import { timelineResult } from './lsp/timeline';
import { injectTestFaults } from './lsp/testFaults';
import { limitHeapGrowth } from './lsp/heap';

declare const PACKAGE_VERSION: string;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev';

const args = readServerArgs(process.argv.slice(2), version);
if (!args.run) {
  (args.exitCode === 0 ? process.stdout : process.stderr).write(args.output);
  process.exit(args.exitCode);
}

limitHeapGrowth();
const connection = createConnection();
const log: Log = { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) };
const documents = new TextDocuments(TextDocument);
const configs = new ConfigService(connection, log);
const store = new DocumentStore(documents, configs, log);
const diagnostics = new DiagnosticsScheduler(connection, store, configs, log);
const openPaths = () => new Set(store.openUris().map((uri) => filePathOf(uri)));
// Scans of many files are read on worker threads running this same bundle (serverEntry.ts), leaving this thread to typing.
const index = new WorkspaceIndex(configs, log, (path) => openPaths().has(path), { file: __filename, threads: indexThreads() });
const across = new AcrossDocuments(index, () => store.openUris(), (uri) => diagnostics.schedule(uri, 'config'));
diagnostics.across = (state) => across.diagnosticsFor(state);
let support: ClientSupport = clientSupport({});
let folders: IndexFolder[] = [];
/** Documents opened but not yet checked: their first content event is an open, not an edit. */
const opening = new Set<string>();

process.on('uncaughtException', (error) => log.error(`postmortem: uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (error) => log.error(`postmortem: unhandled rejection: ${describeError(error)}`));

const serverInfo = { name: 'postmortem-language-server', version };
connection.onInitialize(
  // Capabilities it cannot read leave the client with the features every client has.
  guard(log, 'initialize', { capabilities: serverCapabilities(support), serverInfo }, (params): InitializeResult => {
    support = clientSupport(params.capabilities);
    folders = indexFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri.split('/').pop() ?? '' }] : []));
    configs.initialize(support.pullConfiguration, params.initializationOptions);
    return { capabilities: serverCapabilities(support), serverInfo };
  }),
);

connection.onInitialized(
  guard(log, 'initialized', undefined, async () => {
    if (support.registerConfigurationChange) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION });
    }
    if (support.registerFileWatcher) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc.json' }, { globPattern: MARKDOWN_FILES }] });
    }
    // In the background: the server answers while the index is read.
    void index.setFolders(folders);
  }),
);

/** The workspace folders the index reads (`file:` ones: a virtual workspace has no files to read). */
function indexFolders(list: readonly WorkspaceFolder[]): IndexFolder[] {
  return list.flatMap((folder) => {
    const path = filePathOf(folder.uri);
    return path ? [{ uri: folder.uri, name: folder.name, path }] : [];
  });
}

// Index changes come in bursts (a scan reads hundreds of files): the findings across documents
// and the client's view follow once the burst pauses.
let indexTimer: NodeJS.Timeout | undefined;
index.onChange(() => {
  if (indexTimer) return;
  indexTimer = setTimeout(() => {
    indexTimer = undefined;
    across.indexChanged();
    const params: IndexChangedParams = { ready: index.ready, documents: index.all().length };
    void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, params);
  }, 50);
});

connection.onNotification(
  DidChangeWorkspaceFoldersNotification.type,
  guard(log, 'didChangeWorkspaceFolders', undefined, (params) => {
    const removed = new Set(params.event.removed.map((f) => f.uri));
    folders = [...folders.filter((f) => !removed.has(f.uri)), ...indexFolders(params.event.added)];
    void index.setFolders(folders);
  }),
);

/** After a configuration change: re-check every open document, and have the client re-ask for hints and lenses. */
const recheckAll = () => {
  store.openUris().forEach((uri) => diagnostics.schedule(uri, 'config'));
  if (support.refreshInlayHints) void connection.languages.inlayHint.refresh();
  if (support.refreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh');
};

connection.onDidChangeConfiguration(
  guard(log, 'didChangeConfiguration', undefined, (params) => {
    configs.settingsChanged(params.settings);
    recheckAll();
    void index.rescan();
  }),
);

connection.onDidChangeWatchedFiles(
  guard(log, 'didChangeWatchedFiles', undefined, (params) => {
    const configFiles = params.changes.filter((change) => change.uri.endsWith(CONFIG_FILE_NAME));
    if (configFiles.length > 0) {
      configs.filesChanged(configFiles.map((change) => change.uri));
      recheckAll();
      void index.rescan();
      return;
    }
    for (const change of params.changes) void index.fileChanged(change.uri, change.type === FileChangeType.Deleted);
  }),
);

documents.onDidOpen(guard(log, 'didOpen', undefined, (event) => void opening.add(event.document.uri)));
documents.onDidChangeContent(
  guard(log, 'didChange', undefined, (event) => diagnostics.schedule(event.document.uri, opening.delete(event.document.uri) ? 'open' : 'change')),
);
documents.onDidSave(guard(log, 'didSave', undefined, (event) => diagnostics.schedule(event.document.uri, 'save')));
documents.onDidClose(
  guard(log, 'didClose', undefined, (event) => {
    opening.delete(event.document.uri);
    diagnostics.clear(event.document.uri);
    store.forget(event.document.uri);
    across.forget(event.document.uri);
    void index.closed(event.document.uri);
  }),
);

connection.onCodeAction(
  guard(log, 'codeAction', [], async (params) => {
    const state = await store.active(params.textDocument.uri);
    return state ? codeActions(state, params, support.codeActions) : [];
  }),
);

// A failed resolve answers with the action as it came, without an edit.
connection.onCodeActionResolve((action) =>
  guard(log, 'codeAction/resolve', action, () => resolveFixAll(action, (uri) => store.get(uri), support.codeActions))(),
);

connection.onDocumentSymbol(
  guard(log, 'documentSymbol', [], async (params) => {
    const state = await store.active(params.textDocument.uri);
    if (!state) return [];
    const model = state.analysis.model;
    const symbols = documentSymbols(model, timelineSymbols(model, timelineOfState(state)));
    return support.hierarchicalSymbols ? symbols : flattenSymbols(state.uri, symbols);
  }),
);

connection.onHover(
  guard(log, 'hover', null, async (params) => {
    const state = await store.active(params.textDocument.uri);
    if (!state) return null;
    const model = state.analysis.model;
    return (
      metadataHover(model, state.config, params.position, support.markdownHover) ??
      timeHover(model, timelineOfState(state), params.position, support.markdownHover) ??
      headingHover(model, params.position, support.markdownHover) ??
      null
    );
  }),
);

connection.onCompletion(
  guard(log, 'completion', [], async (params) => {
    const state = await store.active(params.textDocument.uri);
    if (!state) return [];
    const model = state.analysis.model;
    return [...metadataCompletions(model, state.config, params.position), ...sectionCompletions(model, params.position), ...timeCompletions(model, timelineOfState(state), params.position)];
  }),
);

connection.languages.inlayHint.on(
  guard(log, 'inlayHint', [], async (params) => {
    const state = await store.active(params.textDocument.uri);
    return state ? elapsedHints(state.analysis.model, timelineOfState(state), params.range) : [];
  }),
);

connection.onCodeLens(
  guard(log, 'codeLens', [], async (params) => {
    const state = await store.active(params.textDocument.uri);
    return state ? metricLenses(state.analysis.model, timelineOfState(state)) : [];
  }),
);

connection.onRequest(
  TIMELINE_REQUEST,
  guard(log, TIMELINE_REQUEST, null, async (params: TimelineParams): Promise<TimelineResult | null> => {
    const state = await store.get(params.uri);
    if (!state?.analysis) return null;
    const timeline = state.active ? timelineOfState({ ...state, analysis: state.analysis }) : undefined;
    return timelineResult(state.uri, state.version, state.analysis.model, timeline, state.active, state.analysis.severityCap);
  }),
);

connection.onRequest(
  REPORT_REQUEST,
  guard(log, REPORT_REQUEST, null, async (params: ReportParams | undefined): Promise<ReportResult | null> => {
    // The first folder's configuration orders the severities, as the working folder's does in the CLI.
    const first = folders[0];
    const config = first ? await configs.forIndexedFile(`${first.path}/report.md`, first.uri) : defaultConfig();
    return workspaceReport(index, across, params, config);
  }),
);

connection.onRequest(
  CHART_REQUEST,
  guard(log, CHART_REQUEST, null, async (params: ChartParams): Promise<ChartResult | null> => {
    const state = await store.get(params.uri);
    return state ? chartResult(state, params) : null;
  }),
);

documents.listen(connection);
connection.listen();
injectTestFaults(log);
