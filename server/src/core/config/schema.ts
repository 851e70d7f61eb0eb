import { SEVERITIES, type RuleSetting, type Severity } from '../findings';
import { checkSeverityByStatus, defaultMetadata, METADATA_CHECKS, type MetadataConfig } from './metadata';

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
  /** The Markdown preview: `chart` draws the incident chart at the top of the Timeline. */
  preview: { chart: boolean };
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
    preview: { chart: true },
  };
}

/** What a configuration source may set: any subset of the keys. */
export type ConfigPatch = Partial<Omit<PostmortemConfig, 'timeline' | 'trace' | 'metadata' | 'preview'>> & {
  preview?: Partial<PostmortemConfig['preview']>;
  timeline?: Partial<PostmortemConfig['timeline']>;
  metadata?: Partial<MetadataConfig>;
  trace?: Partial<PostmortemConfig['trace']>;
};

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const oneOf = (...values: string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.map((x) => `"${x}"`).join(', ')}`);
const nonNegative: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'must be a number of 0 or more');
const positive: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'must be a number above 0');
const stringList: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'must be a list of strings');

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
const globList: Check = (v) => {
  const bad = stringList(v);
  if (bad) return bad;
  const complex = (v as string[]).find(globTooComplex);
  return complex === undefined ? undefined : `has a pattern too complex to match quickly ("${complex}"): use at most two "*" in a path segment, four wildcards in all, and no extglobs`;
};
const zoneOrNull: Check = (v) => (v === null || (typeof v === 'string' && v.trim() !== '') ? undefined : 'must be a timezone name such as "UTC" or "America/New_York", or null');
const object: Check = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? undefined : 'must be an object');

const SCALAR_KEYS: Record<string, Check> = {
  enable: isBoolean,
  profile: isString,
  include: globList,
  detect: oneOf('auto', 'globs', 'always'),
  'timeline.maxGap': positive,
  'timeline.tolerance': nonNegative,
  'timeline.defaultTimezone': zoneOrNull,
  ...METADATA_CHECKS,
  maxFileSize: positive,
  run: oneOf('onType', 'onSave'),
  'trace.server': oneOf('off', 'messages', 'verbose'),
  reportUnusedSuppressions: isBoolean,
  'preview.chart': isBoolean,
};

/**
 * Checks raw configuration (nested objects or dotted keys, as VS Code settings and the
 * config file write them) and keeps what is valid. Every refused value gives one problem
 * naming its key; the defaults stand in for it.
 */
export function validateConfig(raw: unknown, source: string, knownRules: readonly string[]): { patch: ConfigPatch; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const patch: Record<string, unknown> = {};
  if (raw === null || raw === undefined) return { patch: {}, problems };
  const rootProblem = object(raw);
  if (rootProblem) return { patch: {}, problems: [{ key: '(root)', message: `the configuration ${rootProblem}`, source }] };

  for (const [key, value] of flatten(raw as Record<string, unknown>)) {
    if (value === undefined) continue;
    const problem = (message: string) => problems.push({ key, message: `"${key}" ${message}`, source });
    if (key === 'rules') {
      const rules = checkRules(value, knownRules);
      rules.problems.forEach((p) => problems.push({ ...p, source }));
      patch.rules = rules.rules;
    } else if (key === 'severityByStatus') {
      const caps = checkSeverityByStatus(value);
      caps.problems.forEach((p) => problems.push({ ...p, source }));
      patch.severityByStatus = caps.caps;
    } else if (key === 'profiles') {
      const bad = object(value);
      if (bad) problem(bad);
      else patch.profiles = value;
    } else if (key in SCALAR_KEYS) {
      const bad = SCALAR_KEYS[key](value);
      if (bad) problem(bad);
      else setPath(patch, key, value);
    } else if (key !== '$schema') {
      problem(`is not a setting (known: ${[...Object.keys(SCALAR_KEYS), 'rules', 'profiles', 'severityByStatus'].join(', ')})`);
    }
  }
  return { patch: patch as ConfigPatch, problems };
}

function checkRules(value: unknown, knownRules: readonly string[]): { rules: Record<string, RuleSetting>; problems: Omit<ConfigProblem, 'source'>[] } {
  const rules: Record<string, RuleSetting> = {};
  const problems: Omit<ConfigProblem, 'source'>[] = [];
  const bad = object(value);
  if (bad) return { rules, problems: [{ key: 'rules', message: `"rules" ${bad} mapping rule ids to a severity or "off"` }] };
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    const key = `rules.${id}`;
    if (!knownRules.includes(id)) problems.push({ key, message: `"${key}": there is no rule "${id}" (rules: ${knownRules.join(', ')})` });
    else if (typeof setting === 'string' && ([...SEVERITIES, 'off'] as string[]).includes(setting)) rules[id] = setting as RuleSetting;
    else problems.push({ key, message: `"${key}" must be one of "off", "hint", "info", "warning", "error"` });
  }
  return { rules, problems };
}

/** Keys whose object value holds settings of their own, opened into dotted keys. */
const NESTED = ['timeline', 'trace', 'metadata', 'preview'];

/** Yields top-level keys, with `timeline`, `trace` and `metadata` objects opened into dotted keys. */
function* flatten(raw: Record<string, unknown>): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(raw)) {
    if (NESTED.includes(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) yield [`${key}.${inner}`, innerValue];
    } else yield [key, value];
  }
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const [head, tail] = dotted.split('.', 2);
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as Record<string, unknown>) ?? {}), [tail]: value };
}

/** Lays patches over the defaults, later ones winning; `rules`, `profiles` and `severityByStatus` merge by key. */
export function mergeConfig(...patches: ConfigPatch[]): PostmortemConfig {
  const config = defaultConfig();
  for (const patch of patches) {
    const { timeline, trace, metadata, preview, severityByStatus, rules, profiles, ...rest } = patch;
    Object.assign(config, rest);
    if (timeline) config.timeline = { ...config.timeline, ...timeline };
    if (trace) config.trace = { ...config.trace, ...trace };
    if (preview) config.preview = { ...config.preview, ...preview };
    if (metadata) config.metadata = { ...config.metadata, ...metadata };
    if (severityByStatus) config.severityByStatus = { ...config.severityByStatus, ...severityByStatus };
    if (rules) config.rules = { ...config.rules, ...rules };
    if (profiles) config.profiles = { ...config.profiles, ...profiles };
  }
  return config;
}
