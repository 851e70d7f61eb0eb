import type { Root, Yaml } from 'mdast';
import { parse as parseYaml } from 'yaml';

/** YAML front matter, when the document opens with it. */
export interface FrontMatter {
  data: Record<string, unknown>;
  start: number;
  end: number;
  /** The YAML error, when the block does not parse; `data` is then empty. */
  error?: string;
}

/** Front matter by its node: an incremental parse reuses the node when the edit is below it. */
const cache = new WeakMap<object, FrontMatter>();

/** Reads the front matter block of a parsed document (read-only: it may be shared between versions). */
export function readFrontMatter(tree: Root): FrontMatter | undefined {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml' || !node.position) return undefined;
  let frontMatter = cache.get(node);
  if (!frontMatter) cache.set(node, (frontMatter = parseFrontMatter(node)));
  return frontMatter;
}

function parseFrontMatter(node: Yaml): FrontMatter {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  try {
    const parsed: unknown = parseYaml(node.value);
    const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { data, start, end };
  } catch (error) {
    return { data: {}, start, end, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** A front matter value as a string, for keys such as `profile`, `timezone` and `date`. */
export function frontMatterString(frontMatter: FrontMatter | undefined, key: string): string | undefined {
  const value = frontMatter?.data[key];
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
