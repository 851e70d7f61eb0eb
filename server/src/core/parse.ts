import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The one Markdown processor of the core: CommonMark, GFM (tables, task lists) and YAML
 * front matter. Frozen once; `parse` is the parse floor the benchmark compares against.
 */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Parses Markdown into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return markdownProcessor.parse(text);
}
