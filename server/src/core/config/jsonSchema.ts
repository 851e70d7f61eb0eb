/**
 * The one description of `.postmortemrc.json` (and of the editor settings, which share its
 * keys): a JSON Schema (draft-07). `schemas/postmortemrc.schema.json` is this object written
 * out (`npm run schema`) for editors to complete and validate the file, and `validateConfig`
 * checks values against the same object (check.ts), so the two cannot drift. `errorMessage`
 * and `doNotSuggest` are VS Code's JSON keywords: the editor shows the same message the
 * language server and the CLI give.
 */
import { SEVERITIES } from '../findings';
import { defaultMetadata } from './metadata';

/** The part of JSON Schema this description uses; check.ts implements exactly these keywords. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  enumDescriptions?: string[];
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  default?: unknown;
  /** VS Code: the message shown when this schema (not a child of it) refuses a value. */
  errorMessage?: string;
  /** VS Code: a key completion does not offer (the dotted aliases of nested keys). */
  doNotSuggest?: boolean;
}

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** What the schema names: the rule registry and the built-in profiles. */
export interface SchemaCatalog {
  rules: ReadonlyArray<{ id: string; description?: string; defaultSeverity?: string }>;
  profiles: ReadonlyArray<{ name: string; description?: string }>;
}

/** Keys whose object value holds settings of their own; editor settings also write them dotted (`timeline.maxGap`). */
export const NESTED_KEYS = ['timeline', 'trace', 'metadata', 'workspaceIndex', 'preview'] as const;

const NON_EMPTY = '\\S';
const nonEmptyString = (description: string): JsonSchema => ({ type: 'string', pattern: NON_EMPTY, description });
const globs = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description, errorMessage: 'must be a list of glob patterns (strings)' });
const SETTING_VALUES = ['off', ...[...SEVERITIES].reverse()];

/** The severity a rule is set to, or `off`. */
function ruleSetting(description?: string, defaultSeverity?: string): JsonSchema {
  return {
    enum: SETTING_VALUES,
    enumDescriptions: ['Turn the rule off.', 'Show as a hint (not in the Problems view).', 'Show as information.', 'Show as a warning.', 'Show as an error.'],
    ...(description ? { description: defaultSeverity ? `${description} Default: ${defaultSeverity}.` : description } : {}),
    errorMessage: `must be one of ${SETTING_VALUES.map((v) => `"${v}"`).join(', ')}`,
  };
}

/** `rules`: rule id → severity or `off`; an id the registry does not know is refused. */
export function rulesSchema(catalog: SchemaCatalog): JsonSchema {
  const ids = catalog.rules.map((rule) => rule.id);
  return {
    type: 'object',
    description: 'Severity per rule ("off" turns a rule off). Rules not named keep their default.',
    properties: Object.fromEntries(catalog.rules.map((rule) => [rule.id, ruleSetting(rule.description, rule.defaultSeverity)])),
    // Unknown ids are refused by propertyNames alone: with additionalProperties false too, VS Code
    // would show the object's errorMessage for them.
    propertyNames: { enum: ids, errorMessage: `names no rule (rules: ${ids.join(', ')})` },
    errorMessage: 'must be an object mapping rule ids to a severity or "off"',
  };
}

function profileNameSchema(catalog: SchemaCatalog, description: string): JsonSchema {
  return {
    description,
    anyOf: [
      { enum: catalog.profiles.map((p) => p.name), enumDescriptions: catalog.profiles.map((p) => p.description ?? p.name) },
      nonEmptyString('The name of a custom profile from "profiles".'),
    ],
    errorMessage: `must be a non-empty string: a built-in profile (${catalog.profiles.map((p) => p.name).join(', ')}) or a custom one from "profiles"`,
  };
}

function customProfileSchema(catalog: SchemaCatalog): JsonSchema {
  const strings: JsonSchema = { type: 'array', items: { type: 'string' } };
  const section: JsonSchema = {
    type: 'object',
    required: ['title'],
    properties: {
      title: nonEmptyString('The heading text.'),
      required: { type: 'boolean', default: true, description: 'Whether missing-section reports it when absent.' },
      synonyms: { ...strings, description: 'Other headings that count as this section.' },
      prompt: { type: 'string', description: 'The line written under the heading when a fix inserts it.' },
      covers: { ...strings, description: 'Catalog sections a combined section stands for, e.g. ["Root Cause", "Resolution"].' },
    },
    additionalProperties: false,
  };
  return {
    type: 'object',
    description: 'A custom profile: the sections your team\'s template asks for. Needs "sections" or "extends".',
    properties: {
      extends: { enum: catalog.profiles.map((p) => p.name), description: 'A built-in profile whose sections and checks this one starts from.', errorMessage: `must name a built-in profile (${catalog.profiles.map((p) => p.name).join(', ')})` },
      description: { type: 'string', description: 'What the profile is for.' },
      sections: {
        type: 'array',
        items: { anyOf: [nonEmptyString('A section name: a catalog section or one of your own.'), section] },
        description: 'The sections, in order.',
        errorMessage: 'must be a list of section names or objects with a "title" (and "required", "synonyms", "prompt", "covers")',
      },
      order: { type: 'boolean', description: 'Whether section-order checks the order of the sections.' },
      wordCount: {
        type: 'object',
        required: ['min', 'max'],
        properties: { min: { type: 'number', minimum: 0 }, max: { type: 'number', minimum: 0 } },
        additionalProperties: false,
        description: 'The word range word-count enforces.',
        errorMessage: 'must be an object such as {"min": 400, "max": 600}',
      },
    },
    additionalProperties: false,
  };
}

/** The nested groups, by key: their keys and values. */
function nestedSchemas(): Record<(typeof NESTED_KEYS)[number], JsonSchema> {
  const metadata = defaultMetadata();
  const names = (what: string, example: string): JsonSchema => ({ type: 'array', minItems: 1, items: { type: 'string', pattern: NON_EMPTY }, errorMessage: `must be a list of one or more ${what} names, such as ${example}` });
  return {
    timeline: {
      type: 'object',
      description: 'How the timeline is read and checked.',
      properties: {
        maxGap: { type: 'number', exclusiveMinimum: 0, default: 60, description: 'timeline-gap reports more than this many minutes between consecutive timeline entries.' },
        tolerance: { type: 'number', minimum: 0, default: 0, description: "Minutes the Summary's start, end and duration may differ from the timeline before duration-mismatch reports them." },
        defaultTimezone: {
          type: ['string', 'null'],
          pattern: NON_EMPTY,
          default: null,
          description: 'The zone of times that state none, when the document declares none either: "UTC", an abbreviation such as "PDT", an offset such as "UTC+3", or an IANA name such as "Europe/Paris". null: none.',
          errorMessage: 'must be a timezone name such as "UTC" or "America/New_York", or null',
        },
      },
      additionalProperties: false,
    },
    workspaceIndex: {
      type: 'object',
      description: 'The workspace index the language server keeps of every postmortem in the folder.',
      properties: { enable: { type: 'boolean', default: true, description: 'Read every postmortem of the workspace folder in the background: the Postmortems view, the report, and checks across documents (duplicate incident IDs).' } },
      additionalProperties: false,
    },
    preview: {
      type: 'object',
      description: 'The built-in Markdown preview of postmortems.',
      properties: { chart: { type: 'boolean', default: true, description: 'Draw the incident chart at the top of the Timeline section in the Markdown preview.' } },
      additionalProperties: false,
    },
    trace: {
      type: 'object',
      description: 'Logging of the language server.',
      properties: { server: { enum: ['off', 'messages', 'verbose'], default: 'off', description: 'Traces the communication between the editor and the language server.' } },
      additionalProperties: false,
    },
    metadata: {
      type: 'object',
      description: 'What front matter may say (the front-matter rule).',
      properties: {
        severities: { ...names('severity', '["SEV1", "SEV2"]'), default: metadata.severities, description: 'The values front matter "severity:" may take, most severe first.' },
        statuses: { ...names('status', '["draft", "published"]'), default: metadata.statuses, description: 'The values front matter "status:" may take, in the order a postmortem goes through them.' },
        idPattern: {
          type: 'string',
          pattern: NON_EMPTY,
          default: metadata.idPattern,
          description: 'A regular expression front matter "id:" must match. A backreference, more than five quantifiers, or a repeated group holding a repetition or alternatives is refused.',
          errorMessage: 'must be a regular expression, such as "^INC-\\\\d+$"',
        },
        required: { type: 'array', items: { type: 'string', pattern: NON_EMPTY }, default: [], description: 'Front matter keys every postmortem must set.', errorMessage: 'must be a list of front matter keys, such as ["id", "severity"]' },
      },
      additionalProperties: false,
    },
  };
}

/** The schema of a configuration: `.postmortemrc.json`, and the editor settings' `postmortem` section. */
export function configJsonSchema(catalog: SchemaCatalog): JsonSchema {
  const nested = nestedSchemas();
  const properties: Record<string, JsonSchema> = {
    $schema: { type: 'string', description: 'The JSON Schema of this file.' },
    enable: { type: 'boolean', default: true, description: 'Check postmortems under this folder. false: nothing is reported for them.' },
    profile: { ...profileNameSchema(catalog, 'The template postmortems are checked against: a built-in profile or a custom one from "profiles". A document\'s front matter "profile:" wins.'), default: 'core' },
    profiles: { type: 'object', description: 'Custom profiles by name.', additionalProperties: customProfileSchema(catalog) },
    include: { ...globs('Glob patterns of Markdown files that are always postmortems. At most two "*" in a path segment, four wildcards in all, no extglobs.'), default: ['**/*postmortem*.md', '**/*post-mortem*.md', '**/postmortems/**/*.md', '**/incidents/**/*.md'] },
    detect: {
      enum: ['auto', 'globs', 'always'],
      enumDescriptions: ['Files matching "include", with "type: postmortem" front matter, or with postmortem sections.', 'Only files matching "include" or with "type: postmortem" front matter.', 'Every Markdown file.'],
      default: 'auto',
      description: 'How Markdown documents are recognised as postmortems.',
    },
    rules: rulesSchema(catalog),
    ignores: { ...globs('Glob patterns of files never linted (not by the CLI, not in the editor), relative to this file\'s folder: "incidents/archive/**", "**/drafts/*.md". "*" does not cross a "/".'), default: [] },
    overrides: {
      type: 'array',
      description: 'Rule settings for some files: each entry\'s "rules" apply to the files its "files" globs match (relative to this file\'s folder), over "rules"; later entries win.',
      items: {
        type: 'object',
        required: ['files'],
        properties: {
          files: {
            anyOf: [nonEmptyString('A glob.'), { type: 'array', minItems: 1, items: { type: 'string', pattern: NON_EMPTY } }],
            description: 'A glob or a list of globs, relative to this file\'s folder: "incidents/legacy/**".',
            errorMessage: 'must be a glob or a list of globs, such as "incidents/legacy/**"',
          },
          rules: rulesSchema(catalog),
        },
        additionalProperties: false,
      },
      default: [],
      errorMessage: 'must be a list of objects such as {"files": "incidents/legacy/**", "rules": {"section-order": "off"}}',
    },
    ...nested,
    severityByStatus: {
      type: 'object',
      description: 'Caps the findings of documents by their front matter "status:", e.g. {"draft": "warning"}. A cap lowers, never raises.',
      additionalProperties: { enum: SEVERITIES, errorMessage: `must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}` },
      errorMessage: 'must be an object mapping a status to a severity, such as {"draft": "warning"}',
    },
    maxFileSize: { type: 'number', exclusiveMinimum: 0, default: 1_000_000, description: 'Documents larger than this many bytes are not checked.' },
    run: { enum: ['onType', 'onSave'], default: 'onType', description: 'When the editor checks documents.' },
    reportUnusedSuppressions: { type: 'boolean', default: false, description: 'Report suppression comments that silence nothing (suppression-unused).' },
  };
  // The dotted forms editor settings write (`"timeline.maxGap": 30`) are accepted, not offered.
  for (const key of NESTED_KEYS) {
    for (const [inner, schema] of Object.entries(nested[key].properties ?? {})) properties[`${key}.${inner}`] = { ...schema, doNotSuggest: true };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Postmortem configuration (.postmortemrc.json)',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
