/**
 * A faster GFM autolink-literal pass (`www.example.com`, `https://…`, `ops@example.com` in
 * plain text become links). mdast-util-gfm-autolink-literal runs four regular expressions over
 * every text node of the document after parsing; profiled, that was a tenth of the parse of a
 * typical postmortem, whose text nodes almost never hold a link. Each of those expressions
 * needs an `@` (e-mail, `mailto:`, `xmpp:`), `http://`, `https://` or `www.` in the text, so
 * this runs the library's own pass only on the top-level blocks that hold one: the same tree
 * (test/unit/autolinks.test.ts compares both), without the scan of every other text node.
 */
import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';

/** What a text node must contain for any of the library's patterns to match in it. */
const CANDIDATE = /@|https?:\/\/|www\./i;

type Transform = (tree: Root) => Root | undefined | void;

/** A unified plugin (use it after remark-gfm) that swaps the autolink-literal pass for the filtered one. */
export function withFastAutolinkLiterals(this: Processor): void {
  const data = this.data();
  type Extension = NonNullable<typeof data.fromMarkdownExtensions>[number];
  // Copies, never the library's own objects: other processors may share them.
  const swap = (extension: Extension): Extension => {
    if (Array.isArray(extension)) return extension.map((part) => swap(part as Extension)) as Extension;
    const transforms = (extension as { transforms?: Transform[] }).transforms;
    if (!transforms?.some((t) => t.name === 'transformGfmAutolinkLiterals')) return extension;
    return { ...extension, transforms: transforms.map((t) => (t.name === 'transformGfmAutolinkLiterals' ? onlyWhereNeeded(t) : t)) } as Extension;
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(swap);
}

function onlyWhereNeeded(original: Transform): Transform {
  // A top-level block is never inside a link, so the pass over it alone does what the pass over the tree does there.
  return (tree) => {
    for (const block of tree.children) if (holdsCandidate(block)) original(block as unknown as Root);
  };
}

function holdsCandidate(node: Nodes): boolean {
  if (node.type === 'text') return CANDIDATE.test(node.value);
  if ('children' in node) for (const child of node.children) if (holdsCandidate(child)) return true;
  return false;
}
