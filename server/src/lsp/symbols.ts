import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { HeadingInfo, PostmortemModel, Timeline } from '../core';
import { sectionFor } from '../core/model/query';

interface Node {
  heading: HeadingInfo;
  /** Catalog ids when the heading opens a named section. */
  ids: string[];
  symbol: DocumentSymbol;
}

/**
 * The document's outline: every section and sub-heading, nested by level (pseudo-headings
 * at their sections' level), with `timelineChildren` (the timeline entries) under the
 * first Timeline section.
 */
export function documentSymbols(model: PostmortemModel, timelineChildren: DocumentSymbol[] = []): DocumentSymbol[] {
  const headings = model.sections.flatMap((section) => [
    { heading: section.heading, ids: section.ids },
    ...section.subheadings.map((heading) => ({ heading, ids: [] as string[] })),
  ]);
  const nodes: Node[] = headings.map(({ heading, ids }, i) => {
    const next = headings.slice(i + 1).find((h) => h.heading.depth <= heading.depth);
    const end = trimEnd(model.text, next ? next.heading.start : model.text.length, heading.end);
    return {
      heading,
      ids,
      symbol: {
        name: symbolName(heading),
        detail: detailOf(model, heading, ids),
        kind: SymbolKind.String,
        range: model.index.range(heading.start, end),
        selectionRange: model.index.range(heading.start, heading.end),
        children: [],
      },
    };
  });

  const timeline = sectionFor(model, 'timeline');
  const roots: DocumentSymbol[] = [];
  const stack: Node[] = [];
  for (const node of nodes) {
    while (stack.length > 0 && stack[stack.length - 1].heading.depth >= node.heading.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.symbol.children! : roots).push(node.symbol);
    stack.push(node);
    if (timeline && node.heading === timeline.heading) node.symbol.children!.push(...timelineChildren);
  }
  return roots;
}

/** Timeline entries as outline children: the time as written, then the entry's text; milestones in the detail. */
export function timelineSymbols(model: PostmortemModel, timeline: Timeline): DocumentSymbol[] {
  return timeline.entries.map((entry) => {
    const written = entry.token ? model.text.slice(entry.token.start, entry.token.end).trim() : '';
    const name = [written, entry.text].filter(Boolean).join(' ').replace(/\s+/g, ' ');
    const end = trimEnd(model.text, entry.blockEnd, entry.end);
    return {
      name: name.length > 100 ? `${name.slice(0, 99)}…` : name || '(entry)',
      detail: entry.kind === 'other' ? undefined : entry.kind,
      kind: SymbolKind.Event,
      range: model.index.range(entry.start, end),
      // The selection must lie inside the range; a token outside it (never expected) falls back to the line.
      selectionRange: entry.token && entry.token.start >= entry.start && entry.token.end <= end ? entry.token.range : model.index.range(entry.start, Math.max(entry.start, Math.min(entry.end, end))),
    };
  });
}

/** The outline flattened for clients without hierarchical symbols. */
export function flattenSymbols(uri: string, symbols: DocumentSymbol[], containerName?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(containerName ? { containerName } : {}) },
    ...flattenSymbols(uri, symbol.children ?? [], symbol.name),
  ]);
}

/** The heading's words, without a trailing colon ("Issue Summary:" reads "Issue Summary" in an outline). */
function symbolName(heading: HeadingInfo): string {
  const name = (heading.pseudo?.name ?? heading.text).trim().replace(/\s*:$/, '');
  return name || '(untitled)';
}

/** The canonical section(s) a heading stands for when its words differ, and whether it is a pseudo-heading. */
function detailOf(model: PostmortemModel, heading: HeadingInfo, ids: string[]): string | undefined {
  const titles = ids.map((id) => model.profile.catalog.find((c) => c.id === id)?.title ?? id);
  const parts: string[] = [];
  if (titles.length > 0 && titles.join(' and ').toLowerCase() !== symbolName(heading).toLowerCase()) parts.push(titles.join(' + '));
  if (heading.kind === 'pseudo') parts.push('not a heading');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Moves an end offset back over trailing blank space, but not before `floor`. */
function trimEnd(text: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}
