/**
 * The Postmortem language server (`postmortem-language-server --stdio`). This file only
 * wires LSP handlers to the modules in ./lsp, each handler guarded so that an exception
 * is logged and answered with an empty result instead of taking the server down.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
import { CHART_REQUEST, CONFIGURATION_SECTION, TIMELINE_REQUEST, type ChartParams, type ChartResult, type TimelineParams, type TimelineResult } from './lsp/protocol';
import { chartResult } from './lsp/chart';
import { documentSymbols, flattenSymbols, timelineSymbols } from './lsp/symbols';
import { timeHover } from './lsp/timeHover';
import { timelineResult } from './lsp/timeline';
import { injectTestFaults } from './lsp/testFaults';

declare const PACKAGE_VERSION: string;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev';

const args = readServerArgs(process.argv.slice(2), version);
if (!args.run) {
  (args.exitCode === 0 ? process.stdout : process.stderr).write(args.output);
  process.exit(args.exitCode);
}

const connection = createConnection();
const log: Log = { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) };
const documents = new TextDocuments(TextDocument);
const configs = new ConfigService(connection, log);
const store = new DocumentStore(documents, configs, log);
const diagnostics = new DiagnosticsScheduler(connection, store, configs, log);
let support: ClientSupport = clientSupport({});
/** Documents opened but not yet checked: their first content event is an open, not an edit. */
const opening = new Set<string>();

process.on('uncaughtException', (error) => log.error(`postmortem: uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (error) => log.error(`postmortem: unhandled rejection: ${describeError(error)}`));

const serverInfo = { name: 'postmortem-language-server', version };
connection.onInitialize(
  // Capabilities it cannot read leave the client with the features every client has.
  guard(log, 'initialize', { capabilities: serverCapabilities(support), serverInfo }, (params): InitializeResult => {
    support = clientSupport(params.capabilities);
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
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc.json' }] });
    }
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
  }),
);

connection.onDidChangeWatchedFiles(
  guard(log, 'didChangeWatchedFiles', undefined, (params) => {
    configs.filesChanged(params.changes.map((change) => change.uri));
    recheckAll();
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
  CHART_REQUEST,
  guard(log, CHART_REQUEST, null, async (params: ChartParams): Promise<ChartResult | null> => {
    const state = await store.get(params.uri);
    return state ? chartResult(state, params) : null;
  }),
);

documents.listen(connection);
connection.listen();
injectTestFaults(log);
