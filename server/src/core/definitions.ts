/**
 * Link and footnote definition labels, for parsing parts of a document apart (reparse.ts,
 * chunks.ts). micromark reads `[x]`, `[text][x]` and `[^x]` as references only when the
 * document defines `x`, wherever the definition is; every definition is read before any
 * inline text. So a part parsed with the document's labels known (parse.ts `parseWindow`)
 * reads as it does in the whole document, as long as the labels stay what they were: an edit
 * that adds, removes or renames a definition re-parses everything. Nothing else about `]:`
 * matters (`nginx[31101]: …`, `[12:30]: …` are text).
 */
import type { Nodes, Root } from 'mdast';

/** The labels a document defines, as micromark keeps them (normalised, upper case). */
export interface DefinedLabels {
  links: readonly string[];
  footnotes: readonly string[];
}

export const NO_LABELS: DefinedLabels = { links: [], footnotes: [] };

/** Whether a set of labels is empty: then a part parses without any. */
export function noLabels(labels: DefinedLabels): boolean {
  return labels.links.length === 0 && labels.footnotes.length === 0;
}

/** Definitions sit only in flow: the root, quotes, list items, footnote definitions. */
const FLOW_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** The labels defined in these nodes and their flow descendants: `link:ID` / `note:ID` keys, sorted (a multiset). */
export function definitionKeys(nodes: readonly Nodes[]): string[] {
  const keys: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') keys.push(`link:${node.identifier.toUpperCase()}`);
    else if (node.type === 'footnoteDefinition') keys.push(`note:${node.identifier.toUpperCase()}`);
    if (FLOW_CONTAINERS.has(node.type) && 'children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  nodes.forEach(visit);
  return keys.sort();
}

/** Labels from keys (definitionKeys). */
export function labelsFromKeys(keys: readonly string[]): DefinedLabels {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const key of keys) (key.startsWith('link:') ? links : footnotes).add(key.slice(5));
  return { links: [...links], footnotes: [...footnotes] };
}

const byTree = new WeakMap<Root, DefinedLabels>();

/** The labels a parsed document defines (kept per tree: a re-parsed tree with the same labels inherits them). */
export function labelsOfTree(tree: Root): DefinedLabels {
  let labels = byTree.get(tree);
  if (!labels) {
    labels = labelsFromKeys(definitionKeys([tree]));
    byTree.set(tree, labels);
  }
  return labels;
}

/** Records that `tree` defines `labels` (a re-parse that kept every definition label). */
export function setLabelsOfTree(tree: Root, labels: DefinedLabels): void {
  byTree.set(tree, labels);
}

/** Whether two multisets of keys are equal. */
export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Whether two label sets hold the same labels. */
export function sameLabels(a: DefinedLabels, b: DefinedLabels): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return same(a.links, b.links) && same(a.footnotes, b.footnotes);
}

/**
 * A guess at a text's labels before it is parsed, from lines that hold only a definition
 * (`[label]: destination "title"`, `[^label]: …`, behind quote or list markers). The guess
 * may be wrong (a definition over several lines; a bracketed time that only looks like one):
 * chunks.ts checks it against the definitions the parse found and parses again when it was.
 */
export function guessLabels(text: string): DefinedLabels {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const match of text.matchAll(LINE_DEFINITION)) {
    const label = match[1].replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
    if (!label) continue;
    if (label.startsWith('^')) footnotes.add(label.slice(1));
    else if (match[2] !== undefined) links.add(label);
  }
  return { links: [...links], footnotes: [...footnotes] };
}

/** A line `[label]: dest ["title"]` (group 2: the destination and title), or `[^label]: anything`. */
const LINE_DEFINITION = /^[ \t>*+\-\d.)]*?\[((?:[^\\\]\n]|\\.){1,999})\]:(?:[ \t]*((?:<[^>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?)[ \t]*(?=\r?$)|)/gm;
