/**
 * Checks of one front-matter value against the contract (fields.ts): what is wrong with it,
 * and the replacement when there is one right answer.
 */
import { DateTime } from 'luxon';
import type { PostmortemConfig } from '../config/schema';
import type { FrontMatterField } from '../model/frontMatter';
import { findDates, isoDate } from '../timeline/dates';
import { parseZone } from '../timeline/zones';
import type { MetadataField } from './fields';

/** What is wrong with a value. */
export interface ValueProblem {
  message: string;
  /** The value to write instead, when there is one right answer. */
  replacement?: string;
  /** Whether the replacement only respells the value (case, separators, brackets): safe to apply without looking. */
  respells?: boolean;
}

/** Longest ID matched against `metadata.idPattern`: a longer one is malformed without running the pattern. */
export const MAX_ID_LENGTH = 64;

/** The problem with a written value, or undefined when it is fine. An empty value is no problem here. */
export function checkValue(field: FrontMatterField, spec: MetadataField, config: PostmortemConfig): ValueProblem | undefined {
  if (field.value === null || field.value === '') return undefined;
  if (spec.kind === 'list') return checkList(field, spec);
  if (field.shape !== 'scalar') return { message: `"${spec.key}" must be ${spec.noun}, not ${field.shape === 'list' ? 'a list' : 'a mapping'}.` };
  const value = field.value;
  if (typeof value !== 'string' && typeof value !== 'number') return { message: `"${spec.key}" must be ${spec.noun}, not ${JSON.stringify(value)}.` };
  const text = String(value);
  switch (spec.kind) {
    case 'enum':
      return checkEnum(text, spec, spec.values?.(config) ?? []);
    case 'id':
      return checkId(text, config.metadata.idPattern);
    case 'date':
      return checkDate(text);
    case 'zone':
      return parseZone(text) ? undefined : { message: `"${text}" is not a timezone: write an IANA name ("Europe/Berlin"), "UTC" or an offset ("UTC+2").` };
    default:
      return undefined;
  }
}

/** A value compared loosely: case and separators (`-`, `_`, spaces) do not count. */
const loose = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

function checkEnum(text: string, spec: MetadataField, values: readonly string[]): ValueProblem | undefined {
  if (values.includes(text)) return undefined;
  const near = values.filter((v) => loose(v) === loose(text));
  if (near.length === 1) return { message: `"${text}" is not written as ${spec.noun}: write "${near[0]}".`, replacement: near[0], respells: true };
  const listed = values.length === 1 ? `"${values[0]}"` : `one of ${values.map((v) => `"${v}"`).join(', ')}`;
  return { message: `"${text}" is not ${spec.noun}: use ${listed}${spec.setting ? ` (from ${spec.setting})` : ''}.` };
}

const patterns = new Map<string, RegExp | null>();

/** The compiled `idPattern` (null for one that does not compile: the configuration check refuses those). */
function idRegExp(source: string): RegExp | null {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch {
      re = null;
    }
    patterns.set(source, re);
  }
  return re;
}

function checkId(text: string, pattern: string): ValueProblem | undefined {
  const re = idRegExp(pattern);
  if (!re) return undefined;
  const matches = (s: string) => s.length <= MAX_ID_LENGTH && re.test(s);
  if (matches(text)) return undefined;
  const message = `"${text.length > MAX_ID_LENGTH ? `${text.slice(0, MAX_ID_LENGTH)}…` : text}" is not an incident ID of the form ${pattern} (set by metadata.idPattern)`;
  const upper = text.toUpperCase();
  if (upper !== text && matches(upper)) return { message: `${message}: write "${upper}".`, replacement: upper, respells: true };
  return { message: `${message}.` };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function checkDate(text: string): ValueProblem | undefined {
  if (ISO_DATE.test(text) && DateTime.fromISO(text.replace(' ', 'T'), { setZone: true }).isValid) return undefined;
  const [token, ...others] = findDates(text);
  // One date, written whole, that reads one way only: the ISO form is its one right spelling.
  const whole = token && others.length === 0 && token.start === 0 && token.end === text.trim().length;
  if (whole && token.year !== null && !token.swapped) {
    const iso = isoDate({ year: token.year, month: token.month, day: token.day });
    return { message: `"${text}" is not an ISO date: write "${iso}".`, replacement: iso };
  }
  const why = whole && token.swapped ? ' (its day and month could swap)' : '';
  return { message: `"${text}" is not an ISO date${why}: write the day as YYYY-MM-DD, such as "2024-03-02".` };
}

function checkList(field: FrontMatterField, spec: MetadataField): ValueProblem | undefined {
  if (field.shape === 'list') {
    const items = Array.isArray(field.value) ? field.value : [];
    const odd = items.find((item) => typeof item !== 'string' && typeof item !== 'number');
    return odd === undefined ? undefined : { message: `Each of "${spec.key}" must be a name, not ${JSON.stringify(odd)}.` };
  }
  if (field.shape === 'scalar' && typeof field.value === 'string') {
    // A bare word or a comma-separated line is the list written without its brackets.
    const plain = /^[\w .,/-]+$/.test(field.value);
    return {
      message: `"${spec.key}" must be ${spec.noun} ("[${field.value}]"), not one string.`,
      ...(plain ? { replacement: `[${field.value}]`, respells: true } : {}),
    };
  }
  return { message: `"${spec.key}" must be ${spec.noun}, such as "[api, billing]".` };
}
