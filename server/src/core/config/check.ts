/**
 * Checks a value against the configuration's JSON Schema (jsonSchema.ts), implementing the
 * keywords that schema uses, and keeps what is valid: an invalid key is dropped with one
 * problem naming it, its valid siblings stay. A small interpreter rather than a schema
 * compiler in the bundles (ajv adds ~120 KB to each); test/unit/configSchema.test.ts checks
 * that ajv and this agree on what is valid.
 */
import type { JsonSchema } from './jsonSchema';

/** A refused value: its dotted key (`rules.word-count`, `overrides[0].files`) and why. */
export interface KeyProblem {
  key: string;
  message: string;
}

/**
 * A check JSON Schema cannot say (a glob or regular expression that would match slowly), by
 * key with array indices written `[]` (`overrides[].files`): a message, or undefined.
 */
export type Refine = (path: string, value: unknown) => string | undefined;

/** `value` with what `schema` refuses dropped (undefined when all of it is), and a problem per refused key. */
export function checkValue(schema: JsonSchema, value: unknown, key: string, refine: Refine = () => undefined): { value: unknown; problems: KeyProblem[] } {
  const problems: KeyProblem[] = [];
  const kept = walk(schema, value, key, refine, problems);
  return { value: kept, problems };
}

function walk(schema: JsonSchema, value: unknown, key: string, refine: Refine, problems: KeyProblem[]): unknown {
  const refuse = (message: string) => {
    problems.push(key === '' ? { key: '(root)', message: `the configuration ${message}` } : { key, message: `"${key}" ${message}` });
    return undefined;
  };
  const own = ownProblem(schema, value);
  if (own) return refuse(schema.errorMessage ?? own);
  let kept = value;
  if (isObject(value) && (schema.properties || schema.additionalProperties !== undefined)) {
    const object = walkObject(schema, value, key, refine, problems);
    // A required key refused (and reported) takes its object with it.
    if ((schema.required ?? []).some((name) => !(name in object))) return undefined;
    kept = object;
  } else if (Array.isArray(value) && schema.items?.properties) {
    kept = value.map((item, i) => walk(schema.items!, item, `${key}[${i}]`, refine, problems)).filter((item) => item !== undefined);
  } else if (Array.isArray(value) && schema.items && !value.every((item) => accepts(schema.items!, item))) {
    return refuse(schema.errorMessage ?? describe(schema));
  }
  const refined = refine(key.replace(/\[\d+\]/g, '[]'), kept);
  return refined ? refuse(refined) : kept;
}

function walkObject(schema: JsonSchema, value: Record<string, unknown>, key: string, refine: Refine, problems: KeyProblem[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const innerKey = key === '' ? name : `${key}.${name}`;
    if (schema.propertyNames && !accepts(schema.propertyNames, name)) {
      problems.push({ key: innerKey, message: `"${innerKey}" ${schema.propertyNames.errorMessage ?? describe(schema.propertyNames)}` });
      continue;
    }
    const innerSchema = schema.properties?.[name] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!innerSchema) {
      if (schema.additionalProperties === false) problems.push({ key: innerKey, message: `"${innerKey}" ${unknownKey(schema, key)}` });
      else kept[name] = inner;
      continue;
    }
    const checked = walk(innerSchema, inner, innerKey, refine, problems);
    if (checked !== undefined) kept[name] = checked;
  }
  return kept;
}

function unknownKey(schema: JsonSchema, key: string): string {
  const known = Object.entries(schema.properties ?? {}).filter(([name, s]) => !s.doNotSuggest && !name.startsWith('$')).map(([name]) => name);
  return key === '' ? `is not a setting (known: ${known.join(', ')})` : `is not a key of "${key}" (known: ${known.join(', ')})`;
}

/** Whether `schema` accepts `value` whole. */
function accepts(schema: JsonSchema, value: unknown): boolean {
  if (ownProblem(schema, value)) return false;
  if (Array.isArray(value) && schema.items) return value.every((item) => accepts(schema.items!, item));
  if (!isObject(value)) return true;
  return Object.entries(value).every(([name, inner]) => {
    if (schema.propertyNames && !accepts(schema.propertyNames, name)) return false;
    const innerSchema = schema.properties?.[name] ?? schema.additionalProperties;
    return innerSchema === undefined || innerSchema === true ? true : innerSchema === false ? false : accepts(innerSchema, inner);
  });
}

/** What `schema`'s own keywords (not its children's) refuse in `value`, described, or undefined. */
function ownProblem(schema: JsonSchema, value: unknown): string | undefined {
  const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types && !types.some((type) => hasType(value, type))) return describe(schema);
  if (schema.enum && !schema.enum.includes(value)) return describe(schema);
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return describe(schema);
  if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum))) return describe(schema);
  if (Array.isArray(value) && schema.minItems !== undefined && value.length < schema.minItems) return describe(schema);
  if (isObject(value)) {
    const missing = (schema.required ?? []).find((name) => !(name in value));
    if (missing) return `needs "${missing}"`;
  }
  if (schema.anyOf && !schema.anyOf.some((branch) => accepts(branch, value))) return describe(schema);
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a schema asks for, in words, for a schema without its own `errorMessage`. */
function describe(schema: JsonSchema): string {
  if (schema.enum) return `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'boolean': return 'must be true or false';
    case 'number':
      if (schema.exclusiveMinimum !== undefined) return `must be a number above ${schema.exclusiveMinimum}`;
      return schema.minimum !== undefined ? `must be a number of ${schema.minimum} or more` : 'must be a number';
    case 'string': return schema.pattern ? 'must be a non-empty string' : 'must be a string';
    case 'array': return schema.items?.type === 'string' ? 'must be a list of strings' : 'must be a list';
    case 'object': return 'must be an object';
    default: return schema.anyOf ? `must be ${schema.anyOf.map(describe).map((d) => d.replace(/^must be /, '')).join(', or ')}` : 'is not valid here';
  }
}
