import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** One top-level `key: value` of the front matter, with where its key and value are written. */
export interface FrontMatterField {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value as YAML reads it: null for `key:` with nothing after it. */
  value: unknown;
  /** Offsets of the value's source, quotes included; both at the key's end when nothing is written. */
  valueStart: number;
  valueEnd: number;
  /** How the value is written. */
  shape: 'scalar' | 'list' | 'map' | 'other';
}

/** YAML front matter, when the document opens with it. */
export interface FrontMatter {
  data: Record<string, unknown>;
  start: number;
  end: number;
  /** Offsets of the YAML between the fences. */
  contentStart: number;
  contentEnd: number;
  /**
   * The top-level keys in the order they are written. When the YAML does not parse (a key
   * being typed), the lines that start with `key:`, their values as written.
   */
  fields: FrontMatterField[];
  /** The YAML error, when the block does not parse; `data` is then empty. */
  error?: string;
  /** Offsets of where the YAML error is, when it says. */
  errorAt?: { start: number; end: number };
  /** Set when the YAML parses to something other than a mapping (a list, a bare word). */
  notMapping?: boolean;
}

/** Front matter by its node: an incremental parse reuses the node when the edit is below it. */
const cache = new WeakMap<object, FrontMatter>();

/** Reads the front matter block of a parsed document (read-only: it may be shared between versions). */
export function readFrontMatter(tree: Root, text: string): FrontMatter | undefined {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml' || !node.position) return undefined;
  let frontMatter = cache.get(node);
  if (!frontMatter) cache.set(node, (frontMatter = parseFrontMatter(node, text)));
  return frontMatter;
}

function parseFrontMatter(node: Yaml, text: string): FrontMatter {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  // The YAML starts on the line after the opening fence.
  const lineBreak = text.indexOf('\n', start);
  const contentStart = lineBreak < 0 || lineBreak > end ? end : lineBreak + 1;
  const base = { data: {}, start, end, contentStart, contentEnd: Math.min(end, contentStart + node.value.length), fields: [] };
  try {
    const document = parseDocument(node.value, { uniqueKeys: true });
    const [error] = document.errors;
    if (error) {
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      const [from, to] = error.pos;
      const errorAt = { start: contentStart + from, end: contentStart + Math.max(from, Math.min(to, node.value.length)) };
      return { ...base, error: message, errorAt, fields: keyLines(node.value, contentStart) };
    }
    const parsed: unknown = document.toJS();
    if (parsed === null || parsed === undefined) return base;
    if (typeof parsed !== 'object' || Array.isArray(parsed) || !isMap(document.contents)) return { ...base, notMapping: true };
    const data = parsed as Record<string, unknown>;
    return { ...base, data, fields: fieldsOf(document.contents.items, data, node.value, contentStart) };
  } catch (error) {
    // toJS refuses alias bombs and the like.
    return { ...base, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

function fieldsOf(items: Array<{ key: unknown; value: unknown }>, data: Record<string, unknown>, source: string, offset: number): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  for (const { key, value } of items) {
    if (!isScalar(key) || !key.range || key.value === null || typeof key.value === 'object') continue;
    const keyStart = offset + key.range[0];
    const keyEnd = offset + key.range[1];
    const node = value as Node | null;
    const range = node?.range;
    const shape = isScalar(node) ? 'scalar' : isSeq(node) ? 'list' : isMap(node) ? 'map' : 'other';
    // A block value's range runs to the next key: it ends at its last character.
    const valueEnd = range ? range[0] + source.slice(range[0], range[1]).trimEnd().length : 0;
    const written = range && valueEnd > range[0];
    fields.push({
      key: String(key.value),
      keyStart,
      keyEnd,
      value: data[String(key.value)] ?? null,
      valueStart: written ? offset + range[0] : keyEnd,
      valueEnd: written ? offset + valueEnd : keyEnd,
      shape,
    });
  }
  return fields;
}

/** `key: value` lines at the start of a line, for YAML that does not parse. */
function keyLines(source: string, offset: number): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  for (const m of source.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:[ \t]*([^\n\r]*)/gm)) {
    const keyStart = offset + m.index;
    const value = m[2].trimEnd();
    const valueStart = keyStart + m[0].length - m[2].length;
    fields.push({ key: m[1], keyStart, keyEnd: keyStart + m[1].length, value: value === '' ? null : value, valueStart, valueEnd: valueStart + value.length, shape: 'scalar' });
  }
  return fields;
}

/** A front matter value as a string, for keys such as `profile`, `timezone` and `date`. */
export function frontMatterString(frontMatter: FrontMatter | undefined, key: string): string | undefined {
  const value = frontMatter?.data[key];
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The field written for a key, if the front matter has it. */
export function frontMatterField(frontMatter: FrontMatter | undefined, key: string): FrontMatterField | undefined {
  return frontMatter?.fields.find((field) => field.key === key);
}
