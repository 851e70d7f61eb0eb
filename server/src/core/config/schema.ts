import type { RuleSetting, Severity } from '../findings';
import { BUILT_IN_PROFILE_NAMES } from '../profiles/profiles';
import { checkValue, type Refine } from './check';
import { configJsonSchema, NESTED_KEYS, type JsonSchema } from './jsonSchema';
import { defaultMetadata, idPatternProblem, type MetadataConfig } from './metadata';

/** How documents are recognised as postmortems (SPEC §2). */
export type DetectMode = 'auto' | 'globs' | 'always';

/** A section of a custom profile, as written in `.postmortemrc.json`. */
export interface CustomSectionSpec {
  title: string;
  required?: boolean;
  synonyms?: string[];
  prompt?: string;
  /** Catalog sections a combined section stands for ("Root cause and resolution"). */
  covers?: string[];
}

/** A custom profile, as written in `.postmortemrc.json`. */
export interface CustomProfileSpec {
  extends?: string;
  description?: string;
  sections?: Array<string | CustomSectionSpec>;
  order?: boolean;
  wordCount?: { min: number; max: number };
}

/** The effective configuration of one document (SPEC §6). */
export interface PostmortemConfig {
  enable: boolean;
  profile: string;
  profiles: Record<string, CustomProfileSpec>;
  include: string[];
  detect: DetectMode;
  rules: Record<string, RuleSetting>;
  timeline: { maxGap: number; tolerance: number; defaultTimezone: string | null };
  /** What front matter may say (the `front-matter` rule). */
  metadata: MetadataConfig;
  /** Per status: the highest severity findings of documents in that status are shown at. */
  severityByStatus: Record<string, Severity>;
  maxFileSize: number;
  run: 'onType' | 'onSave';
  trace: { server: 'off' | 'messages' | 'verbose' };
  /** Report suppression comments that silence nothing. */
  reportUnusedSuppressions: boolean;
  /** The language server reads every postmortem of the workspace folder (the Postmortems view, the report, checks across files). */
  workspaceIndex: { enable: boolean };
  /** The Markdown preview: `chart` draws the incident chart at the top of the Timeline. */
  preview: { chart: boolean };
  /** Globs (relative to the config file) of files never linted. */
  ignores: string[];
  /** Rule settings for the files some globs match, later ones winning (scoped.ts applies them). */
  overrides: ConfigOverride[];
}

/** An `overrides` entry: rule settings for the files its globs match, relative to the config file. */
export interface ConfigOverride {
  files: string | string[];
  rules?: Record<string, RuleSetting>;
}

/** A configuration value that was refused, naming its key. */
export interface ConfigProblem {
  key: string;
  message: string;
  /** The file or settings the value came from. */
  source: string;
}

export const DEFAULT_INCLUDE = ['**/*postmortem*.md', '**/*post-mortem*.md', '**/postmortems/**/*.md', '**/incidents/**/*.md'];

export function defaultConfig(): PostmortemConfig {
  return {
    enable: true,
    profile: 'core',
    profiles: {},
    include: [...DEFAULT_INCLUDE],
    detect: 'auto',
    rules: {},
    timeline: { maxGap: 60, tolerance: 0, defaultTimezone: null },
    metadata: defaultMetadata(),
    severityByStatus: {},
    maxFileSize: 1_000_000,
    run: 'onType',
    trace: { server: 'off' },
    reportUnusedSuppressions: false,
    workspaceIndex: { enable: true },
    preview: { chart: true },
    ignores: [],
    overrides: [],
  };
}

/** What a configuration source may set: any subset of the keys. */
export type ConfigPatch = Partial<Omit<PostmortemConfig, 'timeline' | 'trace' | 'metadata' | 'workspaceIndex' | 'preview'>> & {
  workspaceIndex?: Partial<PostmortemConfig['workspaceIndex']>;
  preview?: Partial<PostmortemConfig['preview']>;
  timeline?: Partial<PostmortemConfig['timeline']>;
  metadata?: Partial<MetadataConfig>;
  trace?: Partial<PostmortemConfig['trace']>;
};

/**
 * Globs that match in a moment. picomatch makes each `*` a lazy `[^/]*?` and each `**` a
 * run of segments, and several of them backtrack polynomially on a long path (a workspace's
 * `*a*a*a*a*b` took minutes on one file name, hanging the server): at most two `*` in a path
 * segment, four wildcards in all, and no extglobs (`+(…)`, `@(…)`).
 */
function globTooComplex(pattern: string): boolean {
  if (/[@!+*?]\(/.test(pattern)) return true;
  let wildcards = 0;
  for (const segment of pattern.split('/')) {
    const stars = segment === '**' ? 1 : (segment.match(/\*+/g) ?? []).length;
    if (segment !== '**' && stars > 2) return true;
    wildcards += stars;
  }
  return wildcards > 4;
}

/** Keys holding glob patterns, by path (`[]` for any index). */
const GLOB_KEYS = new Set(['include', 'ignores', 'overrides[].files']);

/** What JSON Schema cannot say: globs and a regular expression that would match slowly. */
const refine: Refine = (path, value) => {
  if (path === 'metadata.idPattern' && typeof value === 'string') return idPatternProblem(value);
  if (!GLOB_KEYS.has(path)) return undefined;
  const complex = (Array.isArray(value) ? value : [value]).find((glob) => typeof glob === 'string' && globTooComplex(glob));
  return complex === undefined ? undefined : `has a pattern too complex to match quickly ("${complex}"): use at most two "*" in a path segment, four wildcards in all, and no extglobs`;
};

/** The schema validation uses, per rule list (the registry's, in practice: built once). */
const schemas = new WeakMap<readonly string[], JsonSchema>();
function schemaFor(knownRules: readonly string[]): JsonSchema {
  let schema = schemas.get(knownRules);
  if (!schema) {
    schema = configJsonSchema({ rules: knownRules.map((id) => ({ id })), profiles: BUILT_IN_PROFILE_NAMES.map((name) => ({ name })) });
    schemas.set(knownRules, schema);
  }
  return schema;
}

/**
 * Checks raw configuration (nested objects or dotted keys, as VS Code settings and the
 * config file write them) against the configuration schema and keeps what is valid. Every
 * refused value gives one problem naming its key; the defaults stand in for it.
 */
export function validateConfig(raw: unknown, source: string, knownRules: readonly string[]): { patch: ConfigPatch; problems: ConfigProblem[] } {
  if (raw === null || raw === undefined) return { patch: {}, problems: [] };
  const checked = checkValue(schemaFor(knownRules), raw, '', refine);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((checked.value ?? {}) as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (NESTED.includes(key)) for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) setPath(patch, `${key}.${inner}`, innerValue);
    else setPath(patch, key, value);
  }
  return { patch: patch as ConfigPatch, problems: checked.problems.map((problem) => ({ ...problem, source })) };
}

/** Keys whose object value holds settings of their own (also written dotted: `timeline.maxGap`). */
const NESTED: readonly string[] = NESTED_KEYS;

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const [head, tail] = NESTED.some((group) => dotted.startsWith(`${group}.`)) ? dotted.split('.', 2) : [dotted, undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as Record<string, unknown>) ?? {}), [tail]: value };
}

/** Lays patches over the defaults, later ones winning; `rules`, `profiles` and `severityByStatus` merge by key. */
export function mergeConfig(...patches: ConfigPatch[]): PostmortemConfig {
  const config = defaultConfig();
  for (const patch of patches) {
    const { timeline, trace, metadata, severityByStatus, rules, profiles, workspaceIndex, preview, ...rest } = patch;
    Object.assign(config, rest);
    if (workspaceIndex) config.workspaceIndex = { ...config.workspaceIndex, ...workspaceIndex };
    if (preview) config.preview = { ...config.preview, ...preview };
    if (timeline) config.timeline = { ...config.timeline, ...timeline };
    if (trace) config.trace = { ...config.trace, ...trace };
    if (metadata) config.metadata = { ...config.metadata, ...metadata };
    if (severityByStatus) config.severityByStatus = { ...config.severityByStatus, ...severityByStatus };
    if (rules) config.rules = { ...config.rules, ...rules };
    if (profiles) config.profiles = { ...config.profiles, ...profiles };
  }
  return config;
}
