/**
 * The workspace index (issue 15): every postmortem of the workspace folders, read from disk
 * in the background, with the open documents' current analyses in place of their files. It
 * gives the checks across documents (duplicate incident IDs) and the report's figures.
 *
 * It never blocks typing: a scan of many files is read on worker threads (indexPool.ts), a
 * few files in this thread in slices of a few milliseconds, each followed by a turn of the
 * event loop; a rescan (settings or folders changed) cancels the one before. Only what the
 * report and the checks need is kept per file, not its model.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { IGNORED_FOLDERS, localToday, MARKDOWN_FILES, type IncidentIdClaim, type PostmortemConfig } from '../core';
import { reportDocument, type ReportDocument } from '../report';
import { filePathOf, type ConfigService } from './config';
import type { DocumentState } from './documents';
import { describeError, type Log } from './guard';
import { readInWorkers, type IndexWorkerOptions, type WorkerScan } from './indexPool';
import { indexFigures, type IndexedFile, type IndexFigures, type IndexJob } from './indexRead';

/** How long one slice of indexing may hold the event loop (ms). */
export const INDEX_SLICE_MS = 8;

/** From this many files a scan is read on worker threads: fewer are read here sooner than workers start, and without their memory. */
export const INDEX_WORKER_THRESHOLD = 100;

/** A file this large (about 2,000 lines, a tenth of a second's analysis or more) is read on a worker even alone. */
export const INDEX_WORKER_FILE_BYTES = 100_000;

/** A workspace folder the index covers. */
export interface IndexFolder {
  uri: string;
  name: string;
  path: string;
}

/** What the index keeps of one postmortem. */
export interface IndexEntry {
  /** The open document's URI as the client spells it, else the file's. */
  uri: string;
  path: string;
  /** As shown in messages and the report: relative to its folder (prefixed by the folder's name in a multi-root workspace). */
  label: string;
  claim?: IncidentIdClaim;
  /** The report's figures, made when first asked for (an open document changes on every keystroke). */
  report: () => ReportDocument;
  /** Whether the entry comes from an open document's text rather than the file. */
  open: boolean;
}

/** Turns the event loop once: messages that arrived (a keystroke, a request) are handled first. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Folders never indexed, as path segments (IGNORED_FOLDERS as globs are for tinyglobby). */
const IGNORED_SEGMENTS = new Set(IGNORED_FOLDERS.map((glob) => glob.replace(/^\*\*\/|\/\*\*$/g, '')));
const MARKDOWN_EXTENSION = /\.(md|markdown|mdown|mkd)$/i;

/** Memoises a function of no arguments. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export class WorkspaceIndex {
  private folders: IndexFolder[] = [];
  /** Keyed by file path: clients and `pathToFileURL` escape URIs differently. */
  private readonly entries = new Map<string, IndexEntry>();
  private readonly listeners: Array<() => void> = [];
  /** Bumped by every rescan: a scan that sees a newer number stops. */
  private scan = 0;
  /** The scan being read on workers, if any. */
  private workerScan: WorkerScan | undefined;
  /** Whether every file found by the latest scan has been read. */
  ready = false;

  constructor(
    private readonly configs: ConfigService,
    private readonly log: Log,
    /** Whether a file is open in the editor (by path). */
    private readonly isOpen: (path: string) => boolean,
    /** Worker threads for scans of many files; without them every file is read in this thread. */
    private readonly workers?: IndexWorkerOptions,
  ) {}

  /** Calls `listener` after each change of the entries (batched by the caller). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The folders covered. */
  get workspaceFolders(): readonly IndexFolder[] {
    return this.folders;
  }

  /** Every postmortem indexed. */
  all(): IndexEntry[] {
    return [...this.entries.values()];
  }

  /** Sets the workspace folders and reads them all again. */
  setFolders(folders: IndexFolder[]): Promise<void> {
    this.folders = folders;
    return this.rescan();
  }

  /** Reads every folder again (settings or config files changed), cancelling a scan under way; open documents stay as they are. */
  async rescan(): Promise<void> {
    const scan = ++this.scan;
    const folders = this.folders;
    this.ready = false;
    this.workerScan?.cancel();
    this.workerScan = undefined;
    for (const [path, entry] of this.entries) if (!entry.open) this.entries.delete(path);
    this.changed();
    // One `workspace/configuration` request per folder, asked while the folders are listed; each worker resolves every file's configuration from these.
    const settingsOfFolders = this.workers ? Promise.all(folders.map((folder) => this.configs.folderSettingsOf(folder.uri))) : undefined;
    const jobs = await this.listFiles(folders);
    if (scan !== this.scan) return;
    let inThread = jobs.map((_, index) => index);
    if (settingsOfFolders && this.workers && jobs.length >= INDEX_WORKER_THRESHOLD) {
      const settings = await settingsOfFolders;
      if (scan !== this.scan) return;
      const reading = readInWorkers(jobs, settings, localToday(), this.workers, this.log, (index, file) => this.setRead(jobs[index], file, scan));
      this.workerScan = reading;
      inThread = await reading.done;
      if (this.workerScan === reading) this.workerScan = undefined;
    }
    let sliceStart = performance.now();
    for (const index of inThread) {
      if (scan !== this.scan) return;
      if (performance.now() - sliceStart > INDEX_SLICE_MS) {
        await yieldToEventLoop();
        if (scan !== this.scan) return;
        sliceStart = performance.now();
      }
      await this.readFromDisk(jobs[index].path, folders[jobs[index].folder], scan);
    }
    if (scan !== this.scan) return;
    this.ready = true;
    this.changed();
  }

  /** The Markdown files of the folders not open in the editor, each folder's in path order. */
  private async listFiles(folders: readonly IndexFolder[]): Promise<IndexJob[]> {
    const jobs: IndexJob[] = [];
    for (const [index, folder] of folders.entries()) {
      let paths: string[];
      try {
        paths = await glob(MARKDOWN_FILES, { cwd: folder.path, ignore: [...IGNORED_FOLDERS], absolute: true, dot: false });
      } catch (error) {
        this.log.error(`postmortem: cannot list ${folder.path}: ${describeError(error)}`);
        continue;
      }
      // An open document's text is analysed as it is typed: its file is not read.
      for (const path of paths.sort()) if (!this.isOpen(path)) jobs.push({ path, uri: pathToFileURL(path).href, label: this.labelOf(path, folder), folder: index });
    }
    return jobs;
  }

  /** A file read on a worker: its entry, unless the document opened meanwhile or a newer scan started. */
  private setRead(job: IndexJob, file: IndexedFile | undefined, scan: number): void {
    if (scan !== this.scan) return;
    if (file) this.configs.showIndexProblems(file.problems);
    if (file?.error) this.log.info(`postmortem: workspace index: ${job.path}: ${file.error}`);
    this.setFromDisk(job.path, file?.figures && this.entryFrom(job, file.figures), scan);
  }

  /** `workspace/didChangeWatchedFiles` for a Markdown file: created or changed (read again) or deleted. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const path = filePathOf(uri);
    const folder = path && this.folderOf(path);
    if (!path || !folder || !MARKDOWN_EXTENSION.test(path) || this.isIgnored(path, folder)) return;
    if (this.isOpen(path)) return; // the open document's text is what counts until it closes
    if (deleted) {
      if (this.entries.delete(path)) this.changed();
      return;
    }
    await this.readFromDisk(path, folder, this.scan);
  }

  /** An open document was analysed: its current text stands for the file. */
  observeOpen(state: DocumentState): void {
    const path = state.path && state.uri.startsWith('file:') ? state.path : undefined;
    const folder = path ? this.folderOf(path) : undefined;
    if (!path) return;
    // Only the workspace's postmortems: a file opened from elsewhere is checked alone.
    if (!folder || !state.active || !state.analysis || !state.config.workspaceIndex.enable) {
      this.set(path, undefined);
      return;
    }
    const { analysis, config } = state;
    const label = this.labelOf(path, folder);
    this.set(path, { uri: state.uri, path, label, claim: analysis.incidentId, open: true, report: once(() => reportDocument(analysis, config, { file: label, uri: state.uri }, localToday())) });
  }

  /** An open document closed: the file on disk counts again (or nothing, for a file that is gone or was never saved). */
  async closed(uri: string): Promise<void> {
    const path = filePathOf(uri);
    if (!path) return;
    this.set(path, undefined);
    const folder = this.folderOf(path);
    if (path && folder && !this.isIgnored(path, folder)) await this.readFromDisk(path, folder, this.scan);
  }

  /** The entry of a file, if it is an indexed postmortem. */
  get(path: string): IndexEntry | undefined {
    return this.entries.get(path);
  }

  private async readFromDisk(path: string, folder: IndexFolder, scan: number): Promise<void> {
    // An open document's text is analysed as it is typed: its file is not read.
    if (this.isOpen(path)) return;
    try {
      const config = await this.configs.forIndexedFile(path, folder.uri);
      if (!config.workspaceIndex.enable) return this.setFromDisk(path, undefined, scan);
      const stats = await stat(path);
      // Only regular files: reading a named pipe would never end.
      if (!stats.isFile() || stats.size > config.maxFileSize) return this.setFromDisk(path, undefined, scan);
      if (this.workers && stats.size >= INDEX_WORKER_FILE_BYTES && (await this.readOnWorker(path, folder, scan))) return;
      const text = await readFile(path, 'utf8');
      if (scan !== this.scan || this.isOpen(path)) return;
      this.setFromDisk(path, this.entryOf(path, folder, text, config), scan);
    } catch (error) {
      // A file deleted while the scan ran, or unreadable: it is simply not indexed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.info(`postmortem: workspace index: ${path}: ${describeError(error)}`);
      this.setFromDisk(path, undefined, scan);
    }
  }

  /** A long file read on a worker of its own, so that its analysis does not hold this thread; false when no worker could read it. */
  private async readOnWorker(path: string, folder: IndexFolder, scan: number): Promise<boolean> {
    const job: IndexJob = { path, uri: pathToFileURL(path).href, label: this.labelOf(path, folder), folder: 0 };
    const settings = await this.configs.folderSettingsOf(folder.uri);
    const options = { ...this.workers!, threads: 1 };
    const leftover = await readInWorkers([job], [settings], localToday(), options, this.log, (_, file) => this.setRead(job, file, scan)).done;
    return leftover.length === 0;
  }

  private entryOf(path: string, folder: IndexFolder, text: string, config: PostmortemConfig): IndexEntry | undefined {
    const job = { path, uri: pathToFileURL(path).href, label: this.labelOf(path, folder) };
    const figures = indexFigures(text, config, job, localToday());
    return figures && this.entryFrom(job, figures);
  }

  private entryFrom(job: Pick<IndexJob, 'path' | 'uri' | 'label'>, { claim, report }: IndexFigures): IndexEntry {
    return { uri: job.uri, path: job.path, label: job.label, claim, open: false, report: () => report };
  }

  /** Stores what was read from disk, unless the document opened meanwhile or a newer scan started. */
  private setFromDisk(path: string, entry: IndexEntry | undefined, scan: number): void {
    if (scan !== this.scan || this.isOpen(path) || this.entries.get(path)?.open) return;
    this.set(path, entry);
  }

  private set(path: string, entry: IndexEntry | undefined): void {
    const before = this.entries.get(path);
    if (!entry && !before) return;
    if (entry) this.entries.set(path, entry);
    else this.entries.delete(path);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private folderOf(path: string): IndexFolder | undefined {
    // The innermost folder, for nested workspace folders.
    return this.folders.filter((f) => path === f.path || path.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep)).sort((a, b) => b.path.length - a.path.length)[0];
  }

  private isIgnored(path: string, folder: IndexFolder): boolean {
    return relative(folder.path, path).split(sep).some((segment) => IGNORED_SEGMENTS.has(segment));
  }

  private labelOf(path: string, folder: IndexFolder | undefined): string {
    if (!folder) return path.split(sep).join('/');
    const inFolder = relative(folder.path, path).split(sep).join('/');
    return this.folders.length > 1 ? `${folder.name}/${inFolder}` : inFolder;
  }
}

