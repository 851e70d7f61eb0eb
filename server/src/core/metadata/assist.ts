/**
 * Editor help inside front matter, without editor types: completion of the contract's keys
 * and of enum values (severities, statuses, profiles, IANA zones), and what a key means.
 */
import type { PostmortemConfig } from '../config/schema';
import type { PostmortemModel } from '../model/types';
import { METADATA_FIELDS, metadataField, type MetadataField } from './fields';

/** One completion: what to show and the text that replaces `start`–`end`. */
export interface MetadataCompletion {
  kind: 'key' | 'value';
  label: string;
  detail: string;
  documentation?: string;
  start: number;
  end: number;
  newText: string;
}

/** What a key means, and where it is written. */
export interface MetadataHover {
  field: MetadataField;
  /** The values the key accepts, for enum keys. */
  values?: string[];
  required: boolean;
  start: number;
  end: number;
}

/** The front matter line holding an offset, when the offset is inside the YAML between the fences. */
function lineInFrontMatter(model: PostmortemModel, offset: number): { start: number; before: string; after: string } | undefined {
  const fm = model.frontMatter;
  if (!fm || offset < fm.contentStart || offset > fm.contentEnd) return undefined;
  const line = model.index.lineAt(model.index.positionAt(offset).line);
  const column = offset - line.offset;
  return { start: line.offset, before: line.text.slice(0, column), after: line.text.slice(column) };
}

/** A key being typed at the start of a line. */
const KEY_PREFIX = /^([A-Za-z_][\w-]*)?$/;
/** A value being typed after `key:`. */
const VALUE_PREFIX = /^([A-Za-z_][\w-]*):([ \t]*)([^\s'"]*)$/;

/** IANA zone names (and UTC), read once. */
let zones: string[] | undefined;
function zoneNames(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

/** The values completion offers for a key (none for free text). */
export function valuesOf(field: MetadataField, config: PostmortemConfig): string[] {
  if (field.kind === 'zone') return zoneNames();
  return field.values?.(config) ?? [];
}

/** Completions at an offset inside front matter: keys at a line's start, values after `key:`. */
export function frontMatterCompletions(model: PostmortemModel, config: PostmortemConfig, offset: number): MetadataCompletion[] {
  const line = lineInFrontMatter(model, offset);
  if (!line) return [];
  // The word under the cursor is replaced whole.
  const rest = /^[^\s:'"]*/.exec(line.after)![0].length;
  const keyTyped = KEY_PREFIX.exec(line.before);
  if (keyTyped && !line.after.trimStart().startsWith(':')) {
    const typed = keyTyped[1] ?? '';
    const present = new Set(model.frontMatter!.fields.map((f) => f.key));
    return METADATA_FIELDS.filter((field) => !present.has(field.key) || field.key === typed).map((field) => ({
      kind: 'key',
      label: field.key,
      detail: `Postmortem metadata${config.metadata.required.includes(field.key) ? ' (required)' : ''}`,
      documentation: field.meaning,
      start: offset - typed.length,
      end: offset + rest,
      newText: `${field.key}: `,
    }));
  }
  const valueTyped = VALUE_PREFIX.exec(line.before);
  const field = valueTyped && metadataField(valueTyped[1]);
  if (!valueTyped || !field) return [];
  const [, , space, typed] = valueTyped;
  return valuesOf(field, config).map((value) => ({
    kind: 'value',
    label: value,
    detail: `${field.key}${field.setting ? ` (${field.setting})` : ''}`,
    start: offset - typed.length,
    end: offset + rest,
    newText: space === '' ? ` ${value}` : value,
  }));
}

/** What the contract key under an offset means, if the offset is on one. */
export function frontMatterHover(model: PostmortemModel, config: PostmortemConfig, offset: number): MetadataHover | undefined {
  const written = model.frontMatter?.fields.find((f) => f.keyStart <= offset && offset <= f.keyEnd);
  const field = written && metadataField(written.key);
  if (!written || !field) return undefined;
  const values = field.kind === 'enum' ? valuesOf(field, config) : undefined;
  return { field, values, required: config.metadata.required.includes(field.key), start: written.keyStart, end: written.keyEnd };
}
