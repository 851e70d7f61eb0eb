import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import type { CodeActionSupport } from './codeActions';
import { COMPLETION_TRIGGERS } from './completion';
import { FIX_ALL_KIND } from './protocol';

/** What the connected client can do, read once from `initialize`. */
export interface ClientSupport {
  /** `workspace/configuration`: settings are pulled per document. */
  pullConfiguration: boolean;
  /** The server may register `workspace/didChangeConfiguration` itself. */
  registerConfigurationChange: boolean;
  /** The server may register a watcher for `.postmortemrc.json`. */
  registerFileWatcher: boolean;
  markdownHover: boolean;
  /** The client re-asks for inlay hints and code lenses when told their inputs changed (configuration). */
  refreshInlayHints: boolean;
  refreshCodeLenses: boolean;
  hierarchicalSymbols: boolean;
  codeActions: CodeActionSupport;
}

/** Reads the client capabilities the server adapts to; a missing capability means "not supported". */
export function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  const { workspace, textDocument } = capabilities;
  return {
    pullConfiguration: workspace?.configuration === true,
    registerConfigurationChange: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    registerFileWatcher: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    markdownHover: textDocument?.hover?.contentFormat?.includes('markdown') ?? false,
    refreshInlayHints: workspace?.inlayHint?.refreshSupport === true,
    refreshCodeLenses: workspace?.codeLens?.refreshSupport === true,
    hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    codeActions: {
      documentChanges: workspace?.workspaceEdit?.documentChanges === true,
      resolveEdit: textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false,
    },
  };
}

/** What the server offers. */
export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
      resolveProvider: support.codeActions.resolveEdit,
    },
    documentSymbolProvider: { label: 'Postmortem' },
    hoverProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
    // The workspace index follows folders added and removed.
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
