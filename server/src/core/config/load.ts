import { dirname, resolve } from 'node:path';
import { findConfigFile, readConfigFile } from './file';
import { scopeToFile } from './scoped';
import { mergeConfig, validateConfig, type ConfigPatch, type ConfigProblem, type PostmortemConfig } from './schema';

/** Where a document's configuration comes from, lowest precedence first. */
export interface ConfigSources {
  /** Editor settings or CLI defaults. */
  settings?: unknown;
  /** An explicit config file (`--config`), used instead of the discovered one. */
  configFile?: string;
  /** Values that win over the file (CLI flags such as `--profile`). */
  overrides?: ConfigPatch;
}

/** A reader of config files that reads and validates each file once. */
export class ConfigLoader {
  private readonly files = new Map<string, { patch: ConfigPatch; problems: ConfigProblem[] }>();
  /** With `cacheFolders`, the nearest config file of each folder asked about (the CLI lints many files of one folder). */
  private readonly nearest = new Map<string, string | undefined>();

  /** `cacheFolders`: where config files are is read once per folder; for a run that ends before files change (the CLI). */
  constructor(
    private readonly ruleIds: readonly string[],
    private readonly options: { cacheFolders?: boolean } = {},
  ) {}

  /**
   * The configuration for a document at `filePath`: defaults, settings, the nearest config
   * file, overrides; with the file's `overrides` entries that match the document applied, and
   * `ignored` when its `ignores` match it.
   */
  forFile(filePath: string | undefined, sources: ConfigSources = {}): { config: PostmortemConfig; problems: ConfigProblem[]; file?: string; ignored: boolean } {
    const settings = validateConfig(sources.settings, 'settings', this.ruleIds);
    const file = sources.configFile ? resolve(sources.configFile) : filePath ? this.findFile(dirname(resolve(filePath))) : undefined;
    const fromFile = file ? this.readFile(file) : { patch: {}, problems: [] };
    const { ignores, overrides, ...fromSettings } = settings.patch;
    // Their globs are relative to the file that names them: settings have no such place.
    const misplaced = Object.entries({ ignores, overrides })
      .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
      .map(([key]) => ({ key, message: `"${key}" is read from .postmortemrc.json only (its globs are relative to that file)`, source: 'settings' }));
    const merged = mergeConfig(fromSettings, fromFile.patch, sources.overrides ?? {});
    const scoped = scopeToFile(merged, filePath === undefined ? undefined : resolve(filePath), file === undefined ? undefined : dirname(file));
    return { config: scoped.config, problems: [...settings.problems, ...misplaced, ...fromFile.problems], file, ignored: scoped.ignored };
  }

  /** Forgets cached files, after one changed (or was created or deleted: where the nearest one is may change too). */
  invalidate(file?: string): void {
    if (file) this.files.delete(resolve(file));
    else this.files.clear();
    this.nearest.clear();
  }

  private findFile(dir: string): string | undefined {
    if (!this.options.cacheFolders) return findConfigFile(dir);
    if (!this.nearest.has(dir)) this.nearest.set(dir, findConfigFile(dir));
    return this.nearest.get(dir);
  }

  private readFile(file: string): { patch: ConfigPatch; problems: ConfigProblem[] } {
    let cached = this.files.get(file);
    if (!cached) {
      const { raw, problems } = readConfigFile(file);
      const checked = validateConfig(raw, file, this.ruleIds);
      cached = { patch: checked.patch, problems: [...problems, ...checked.problems] };
      this.files.set(file, cached);
    }
    return cached;
  }
}
