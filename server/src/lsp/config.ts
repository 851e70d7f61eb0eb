import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { ConfigLoader, RULE_IDS, type ConfigProblem, type PostmortemConfig } from '../core';
import { describeError, type Log } from './guard';
import { CONFIGURATION_SECTION } from './protocol';

/** A document's effective configuration and the config file it came from, if any. */
export interface DocumentConfig {
  config: PostmortemConfig;
  file?: string;
}

/** The file path of a `file:` URI; other schemes (untitled, …) have none. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Our section of a settings object that holds every extension's settings, if it has one. */
function ownSection(settings: unknown): unknown {
  return settings && typeof settings === 'object' && CONFIGURATION_SECTION in settings
    ? (settings as Record<string, unknown>)[CONFIGURATION_SECTION]
    : undefined;
}

/**
 * Each document's configuration: editor settings (pulled per document with
 * `workspace/configuration`, or pushed by clients that cannot be asked) under the nearest
 * `.postmortemrc.json`, validated by the core. Results are cached per document until the
 * settings or a config file change; every problem is shown to the user once.
 */
export class ConfigService {
  private readonly loader = new ConfigLoader(RULE_IDS);
  private readonly cache = new Map<string, Promise<DocumentConfig>>();
  /** For the workspace index: config files looked up once per folder (until one changes), settings pulled once per workspace folder. */
  private readonly indexLoader = new ConfigLoader(RULE_IDS, { cacheFolders: true });
  private readonly folderSettings = new Map<string, Promise<unknown>>();
  private readonly shown = new Set<string>();
  /** Settings the client pushed (initializationOptions, didChangeConfiguration). */
  private pushed: unknown;
  private canPull = false;
  /** Bumped whenever any document's configuration may have changed; cached analyses compare it. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  /** Records what the client can do and the settings it sent with `initialize`. */
  initialize(canPull: boolean, initializationOptions: unknown): void {
    this.canPull = canPull;
    this.pushed = ownSection(initializationOptions);
  }

  /** The configuration of a document, pulled and read once until something changes. */
  forDocument(uri: string): Promise<DocumentConfig> {
    let cached = this.cache.get(uri);
    if (!cached) {
      cached = this.resolve(uri);
      this.cache.set(uri, cached);
    }
    return cached;
  }

  /**
   * The configuration of a file the workspace index reads from disk: its workspace folder's
   * settings (one `workspace/configuration` request per folder, not per file) under the
   * file's nearest `.postmortemrc.json`. Problems are shown as for open documents.
   */
  async forIndexedFile(path: string, folderUri: string): Promise<PostmortemConfig> {
    const { config, problems } = this.indexLoader.forFile(path, { settings: await this.folderSettingsOf(folderUri) });
    this.showIndexProblems(problems);
    return config;
  }

  /** A workspace folder's settings, pulled once (until they change): the index's worker threads resolve each file's configuration from them. */
  folderSettingsOf(folderUri: string): Promise<unknown> {
    let settings = this.folderSettings.get(folderUri);
    if (!settings) this.folderSettings.set(folderUri, (settings = this.pull(folderUri)));
    return settings;
  }

  /** Shows the problems of an indexed file's configuration (found in this thread or a worker's), once. */
  showIndexProblems(problems: readonly ConfigProblem[]): void {
    if (problems.length > 0) this.warnOnce(problemsMessage(problems));
  }

  /** `workspace/didChangeConfiguration`: forget every document's settings. */
  settingsChanged(settings: unknown): void {
    const own = ownSection(settings);
    if (own !== undefined) this.pushed = own;
    this.reset();
  }

  /** A `.postmortemrc.json` was created, changed or deleted. */
  filesChanged(uris: readonly string[]): void {
    for (const uri of uris) {
      const path = filePathOf(uri);
      if (path) this.loader.invalidate(path);
      else this.loader.invalidate();
    }
    this.indexLoader.invalidate();
    this.reset();
  }

  /** Forgets a closed document's configuration. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Shows a warning once per distinct message (until the configuration changes). */
  warnOnce(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.log.info(message);
    // A notification (window/showMessage), not a request: nothing waits for the user to dismiss it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Shows a piece of information once per distinct message (until the configuration changes). */
  informOnce(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.log.info(message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }

  private reset(): void {
    this.cache.clear();
    this.folderSettings.clear();
    this.shown.clear();
    this.generation++;
  }

  private async resolve(uri: string): Promise<DocumentConfig> {
    const settings = await this.pull(uri);
    const { config, problems, file, ignored } = this.loader.forFile(filePathOf(uri), { settings });
    // One message for everything wrong with this document's configuration, not one per key.
    if (problems.length > 0) this.warnOnce(problemsMessage(problems));
    // A document the config file's `ignores` match gets nothing, as with `enable: false`.
    return { config: ignored ? { ...config, enable: false } : config, file };
  }

  /** The editor's settings for a document; `null` (Neovim without settings) means the defaults. */
  private async pull(uri: string): Promise<unknown> {
    if (!this.canPull) return this.pushed;
    try {
      const pulled: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIGURATION_SECTION });
      return pulled ?? this.pushed;
    } catch (error) {
      this.log.error(`postmortem: workspace/configuration failed, using pushed settings or defaults: ${describeError(error)}`);
      return this.pushed;
    }
  }
}

/** The message shown for invalid configuration values: where each is and which key; the defaults stand in. */
function problemsMessage(problems: readonly ConfigProblem[]): string {
  const parts = problems.map((problem) => `${problem.source === 'settings' ? 'settings' : problem.source}: ${problem.message}`);
  const fallback = problems.length === 1 && problems[0].key !== '(file)' && problems[0].key !== '(root)' ? 'the default applies' : 'defaults apply';
  return `Postmortem: ${parts.join('; ')} (${fallback}).`;
}
