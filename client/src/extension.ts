/**
 * The VS Code client: starts the Postmortem language server (dist/server.js over IPC), and
 * adds what LSP has no words for — the commands, the Incident Timeline view and the
 * language status items. The checks themselves all live in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { addTimelineEntry } from './timelineEntry';
import { fixAll, insertSection, sortTimeline } from './fixes';
import { newPostmortem } from './newPostmortem';
import { POSTMORTEMS_VIEW_ID, PostmortemsProvider } from './postmortemsView';
import { exportReport, ReportPanel } from './reportPanel';
import { PostmortemStatus } from './status';
import { REVEAL_COMMAND, revealLine, TimelineProvider, VIEW_ID } from './timelineView';
import { ActiveDocumentTracker } from './tracker';
import { ChartPanel } from './chartPanel';

/** What `activate` returns: the extension's API, for tests and other extensions. */
export interface PostmortemApi {
  client: LanguageClient;
  timeline: TimelineProvider;
  tracker: ActiveDocumentTracker;
  chart: ChartPanel;
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`): the incident chart in the Timeline. */
  extendMarkdownIt<T>(md: T): T;
  postmortems: PostmortemsProvider;
  report: ReportPanel;
}

let running: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // Under the Extension Development Host: attach a debugger to port 6011.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Documents on disk, unsaved ones, and virtual workspaces' (the server reads the text it is sent).
    documentSelector: ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ language: 'markdown', scheme })),
    outputChannelName: 'Postmortem',
  };
  return new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const client = (running = createClient(context));
  const tracker = new ActiveDocumentTracker(client);
  const timeline = new TimelineProvider(tracker);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: timeline, showCollapseAll: false });
  const status = new PostmortemStatus(client, tracker);
  const chart = new ChartPanel(client, tracker);
  const postmortems = new PostmortemsProvider(client);
  const postmortemsView = vscode.window.createTreeView(POSTMORTEMS_VIEW_ID, { treeDataProvider: postmortems, showCollapseAll: true });
  postmortems.view = postmortemsView;
  const report = new ReportPanel(client);
  // An open report follows the index as the view does.
  postmortems.onDidChangeTreeData(() => void report.redraw());
  context.subscriptions.push(tracker, timeline, view, status, chart, postmortems, postmortemsView, report);

  // One table of commands; each is also declared in package.json.
  const commands: Record<string, (...args: never[]) => unknown> = {
    'postmortem.newPostmortem': newPostmortem,
    'postmortem.insertSection': () => insertSection(client),
    'postmortem.addTimelineEntry': () => addTimelineEntry(tracker),
    'postmortem.sortTimeline': () => sortTimeline(client),
    'postmortem.fixAll': fixAll,
    'postmortem.restartServer': () => client.restart(),
    'postmortem.showLog': () => client.outputChannel.show(true),
    'postmortem.refreshTimeline': () => tracker.refresh(),
    'postmortem.showChart': () => chart.show(),
    'postmortem.refreshPostmortems': () => postmortems.refresh(),
    'postmortem.showReport': () => report.show(),
    'postmortem.exportReport': () => exportReport(client),
    [REVEAL_COMMAND]: (uri: vscode.Uri, range: vscode.Range) => revealLine(uri, range),
  };
  for (const [id, handler] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, handler));

  try {
    await client.start();
  } catch (error) {
    // The commands that need no server (New Postmortem) still work; say what failed.
    const message = `The Postmortem language server did not start: ${error instanceof Error ? error.message : String(error)}`;
    void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => choice && client.outputChannel.show());
  }
  // The preview bundle carries the analysis core: loaded only when a Markdown preview first renders.
  const extendMarkdownIt = <T>(md: T): T => (require(context.asAbsolutePath('dist/preview.js')) as { extendMarkdownIt(md: T): T }).extendMarkdownIt(md);
  return { client, timeline, tracker, chart, extendMarkdownIt, postmortems, report };
}

export function deactivate(): Promise<void> | undefined {
  // Stopping is asynchronous (the server is asked to shut down), so it is not a subscription.
  return running?.stop();
}
