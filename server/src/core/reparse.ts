/**
 * Incremental parsing: after an edit, re-parse only a window around it and reuse the mdast of
 * everything else, so the tree equals a full `parseMarkdown` of the new text
 * (test/unit/incremental.test.ts compares both on chains of random edits).
 *
 * Why a window is enough. micromark reads line by line; what a line means depends on the
 * lines before it only through the parser's state there (open blocks, and whether a new block
 * would interrupt one), plus one line of lookahead (setext underlines, table delimiter rows).
 * - The window starts where that state is known to be fresh in both versions: at the
 *   document's start, below a blank line under a block such a line closes (blocks.ts
 *   `freshAfter`), or, inside a top-level list or table, at an item or row whose first line
 *   the edit does not touch (the list goes on with a new item there whatever came before; a
 *   table's window is parsed behind its unchanged head and delimiter rows).
 * - The window ends two lines into the first block (item, row) after the edit. The parse must
 *   show that block starting where it did, as the same kind of block, with the parser fresh
 *   above it in both versions: then it and all after it read as before, and the old nodes are
 *   reused, moved by the edit (copies: the previous tree is never changed; memo.ts carries
 *   what was computed for them).
 * Otherwise the window grows a few blocks, and past half the document the text is parsed
 * whole (chunks.ts). So is a text where parts cannot be parsed apart (blocks.ts `canReuse`),
 * one left with unclosed front matter, one hit by a quirk that reaches across blocks, and one
 * where the edit adds, removes or renames a link or footnote definition: the window is
 * parsed with the document's definition labels known (definitions.ts), which holds only
 * while they stay the same.
 */
import type { List, ListItem, Nodes, Root, RootContent, Table, TableRow } from 'mdast';
import type { Point } from 'unist';
import { canReuse, countLines, freshAfter, moved, moveInPlace, opensFrontMatter, rootEnd, startsCleanly } from './blocks';
import { definitionKeys, labelsOfTree, sameKeys, setLabelsOfTree, type DefinedLabels } from './definitions';
import { carryMemos } from './memo';
import { parseDocument } from './chunks';
import { parseMarkdown, parseWindow } from './parse';
import { detached, type LineIndex } from './text';

/** A replacement in the previous text: `[start, end)` became `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** The previous version: its text, tree and line index. */
export interface ParsedText {
  text: string;
  tree: Root;
  index: LineIndex;
}

/** Past this share of the document a window saves too little: parse it all. */
const MAX_WINDOW_SHARE = 0.5;

/** How many more blocks the window may take in when the block after it does not start where it did. */
const MAX_EXTENSIONS = 4;

/** The single change between two texts: their common prefix and suffix kept. */
export function changeBetween(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  // Whole chunks first: comparing two slices is a memory compare, much faster than a loop over characters.
  let head = 0;
  while (head + CHUNK <= max && before.slice(head, head + CHUNK) === after.slice(head, head + CHUNK)) head += CHUNK;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  const room = max - head;
  while (tail + CHUNK <= room && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start: head, end: before.length - tail, text: after.slice(head, after.length - tail) };
}

const CHUNK = 1024;

/** Parses `text`, reusing what it can of the previous version's tree. */
export function reparse(previous: ParsedText, text: string, change = changeBetween(previous.text, text)): Root {
  if (!canReuse(previous.text) || !canReuse(text) || previous.tree.children.length === 0 || !frontMatterKept(previous, text)) return parseDocument(text);
  // A task check ("[ ] …") in a paragraph right after an empty list item marks the root itself (mdast-util-gfm-task-list-item): whole parses only.
  if ('checked' in previous.tree) return parseDocument(text);
  const edit = new Edit(previous, text, change);
  const tree = edit.inContainer() ?? edit.atTopLevel();
  // Front matter opened and not closed: no list or block quote reads anywhere (see frontMatterKept).
  if (!tree || (opensFrontMatter(text) && tree.children[0]?.type !== 'yaml')) return parseDocument(text);
  setLabelsOfTree(tree, edit.labels);
  return tree;
}

/**
 * A document that opens with `---` either has closed front matter or is parsed whole: when
 * that front matter is not closed, micromark reads no list or block quote anywhere in the
 * document (an unclosed front matter fence is a concrete construct that stays open), so an
 * edit anywhere changes how every line below reads. An edit inside closed front matter is
 * re-parsed from the start, and the new tree must open with front matter again (reparse).
 */
function frontMatterKept(previous: ParsedText, text: string): boolean {
  if (!opensFrontMatter(previous.text) && !opensFrontMatter(text)) return true;
  return previous.tree.children[0].type === 'yaml';
}

/** One edit of a parsed text, and the windows that can re-parse it. */
class Edit {
  private readonly blocks: RootContent[];
  readonly delta: number;
  private readonly lineDelta: number;
  /** 0-based lines of the edit's first and last old characters. */
  private readonly firstLine: number;
  private readonly lastLine: number;
  /** The labels the document defines, before the edit and, when the re-parse holds, after it. */
  readonly labels: DefinedLabels;

  constructor(
    readonly previous: ParsedText,
    readonly text: string,
    change: TextChange,
  ) {
    this.blocks = previous.tree.children;
    this.delta = change.text.length - (change.end - change.start);
    this.lineDelta = countLines(change.text) - countLines(previous.text.slice(change.start, change.end));
    this.firstLine = previous.index.positionAt(change.start).line;
    this.lastLine = previous.index.positionAt(change.end).line;
    this.labels = labelsOfTree(previous.tree);
  }

  /** `children`, unless the re-parsed nodes define other labels than the old nodes they replace (then every reference may read otherwise). */
  private keepingLabels(replaced: readonly Nodes[], parsed: readonly Nodes[], children: RootContent[]): Root | undefined {
    if (!sameKeys(definitionKeys(replaced), definitionKeys(parsed))) return undefined;
    return this.root(children);
  }

  /** Re-parses list items or table rows of the one top-level list or table the edit falls in. */
  inContainer(): Root | undefined {
    const t = this.lastStartingBefore(this.blocks, this.firstLine);
    const h = t + 1;
    const container = this.blocks[t];
    if (!container || (h < this.blocks.length && lineOf(this.blocks[h]) <= this.lastLine)) return undefined;
    const next = this.blocks[h];
    if (container.type === 'list') return this.reparseUnits(t, container, container.children, 0, next);
    if (container.type === 'table' && this.firstLine >= lineOf(container) + 2) return this.reparseUnits(t, container, container.children, 1, next);
    return undefined;
  }

  /** Re-parses whole top-level blocks, from a clean start to two lines into the first block after the edit. */
  atTopLevel(): Root | undefined {
    const { blocks } = this;
    const { index } = this.previous;
    // `first`: the first block re-parsed; `start`: where the window starts.
    let first = this.lastStartingBefore(blocks, this.firstLine);
    let start: number;
    // The edited line itself may now say anything: only what is above it counts.
    if (this.cleanStart(this.firstLine, first, false)) [first, start] = [first + 1, index.lineStart(this.firstLine)];
    else {
      while (first > 0 && !this.cleanStart(lineOf(blocks[first]), first - 1)) first--;
      first = Math.max(first, 0);
      start = first === 0 ? 0 : index.lineStart(lineOf(blocks[first]));
    }
    let h = first;
    while (h < blocks.length && lineOf(blocks[h]) <= this.lastLine) h++;
    for (let tries = 0; tries <= MAX_EXTENSIONS && h <= blocks.length; tries++, h++) {
      const guard = blocks[h];
      const window = this.parseWindow(start, guard);
      if (!window) return undefined;
      const taken = window.until(guard, blocks[h - 1]);
      if (taken) return this.keepingLabels(blocks.slice(first, h), taken, [...blocks.slice(0, first), ...taken, ...blocks.slice(h).map((b) => this.shifted(b))]);
    }
    return undefined;
  }

  /** Whether the parser starts afresh at `line` of the old text; `above` is the last block starting before it; `lineKnown`: the line is not edited. */
  private cleanStart(line: number, above: number, lineKnown = true): boolean {
    if (line === 0 || above < 0) return true;
    const block = this.blocks[above];
    return endLineOf(block) < line && freshAfter(this.previous.text, block, this.previous.index.lineStart(line), lineKnown);
  }

  /**
   * Re-parses the units (list items, or table rows after the head row: `firstUnit` 1) from
   * the last one starting before the edit to two lines into the first one after it.
   */
  private reparseUnits(t: number, container: List | Table, units: ReadonlyArray<ListItem | TableRow>, firstUnit: number, next: RootContent | undefined): Root | undefined {
    const { index } = this.previous;
    const isTable = container.type === 'table';
    const g = this.lastStartingBefore(units, this.firstLine);
    if (g < 0) return undefined;
    // A first item read after a paragraph is read "interrupting" it ("-    -" holds no nested list then): start fresh or not here.
    if (!isTable && g === 0 && !this.cleanStart(lineOf(container), t - 1)) return undefined;
    let h = g + 1;
    while (h < units.length && lineOf(units[h]) <= this.lastLine) h++;
    const guard = units[h];
    // A table's window is read behind its (unchanged) head and delimiter rows, so its lines read as rows.
    const headerLine = lineOf(container);
    const start = g >= firstUnit ? index.lineStart(lineOf(units[g])) : index.lineStart(headerLine + 2);
    const prefix = isTable ? this.previous.text.slice(index.lineStart(headerLine), index.lineStart(headerLine + 2)) : '';
    const window = this.parseWindow(start, guard ?? next, prefix);
    const parsed = window?.nodes[0];
    if (!window || !parsed || parsed.type !== container.type) return undefined;
    if (parsed.type === 'list' && parsed.ordered !== (container as List).ordered) return undefined;
    const parsedUnits = (parsed as List | Table).children.slice(firstUnit) as Array<ListItem | TableRow>;
    let fresh = parsedUnits;
    let extra: RootContent[] = [];
    if (guard) {
      const at = parsedUnits.findIndex((unit) => startOf(unit) === startOf(guard) + this.delta);
      if (at < 0) return undefined;
      fresh = parsedUnits.slice(0, at);
    } else {
      const after = window.until(next, container);
      if (!after) return undefined;
      extra = after.slice(1);
    }
    const children = [...units.slice(0, Math.max(g, firstUnit)), ...fresh, ...units.slice(h).map((u) => this.shifted(u))];
    const end = guard ? this.shiftPoint(container.position!.end) : parsed.position!.end;
    const rebuilt = { ...container, children, position: { start: container.position!.start, end } } as List | Table;
    if (rebuilt.type === 'list') rebuilt.spread = listSpread(this.text, rebuilt.children);
    return this.keepingLabels(units.slice(Math.max(g, firstUnit), h), [...fresh, ...extra], [...this.blocks.slice(0, t), rebuilt, ...extra, ...this.blocks.slice(t + 1).map((b) => this.shifted(b))]);
  }

  /**
   * Parses the new text from `start` (a line start before the edit) to two lines into
   * `guard` (a node of the old tree after the edit), or to the end when there is none.
   * `prefix` (whole lines) is parsed first and left out of the positions.
   */
  private parseWindow(start: number, guard: Nodes | undefined, prefix = ''): Window | undefined {
    const { index } = this.previous;
    const oldEnd = guard ? index.lineEnd(Math.min(lineOf(guard) + 1, index.lineCount - 1)) : this.previous.text.length;
    const end = oldEnd + this.delta;
    if (end - start > this.text.length * MAX_WINDOW_SHARE) return undefined;
    // Its own copy: the nodes parsed from it outlive this version of the text (text.ts `detached`).
    const source = detached(prefix + this.text.slice(start, end));
    if (!startsCleanly(source, start + prefix.length)) return undefined;
    const tree = start === 0 && !prefix ? parseMarkdown(source, this.labels) : parseWindow(source, this.labels);
    if ('checked' in tree) return undefined;
    // Window positions → document positions: lines and offsets move, columns stay (whole lines).
    const prefixLines = countLines(prefix);
    const offsetShift = start - prefix.length;
    const lineShift = index.positionAt(start).line - prefixLines;
    for (const node of tree.children) moveInPlace(node, offsetShift, lineShift);
    const nodes = tree.children;
    const edit = this;
    return {
      nodes,
      /** The nodes before `guard`, when a node starts exactly where it starts now; undefined when none does. */
      until(at: Nodes | undefined, before: Nodes | undefined): RootContent[] | undefined {
        if (!at) return nodes;
        const target = startOf(at) + edit.delta;
        const i = nodes.findIndex((node) => startOf(node) >= target);
        if (i < 0 || startOf(nodes[i]) !== target || nodes[i].type !== at.type) return undefined;
        // Fresh above the guard in both versions: then it and all after it read as they did.
        const lineStart = edit.previous.index.lineStart(lineOf(at));
        if (before && !freshAfter(edit.previous.text, before, lineStart)) return undefined;
        if (i > 0 && !freshAfter(edit.text, nodes[i - 1], lineStart + edit.delta)) return undefined;
        return nodes.slice(0, i);
      },
    };
  }

  private root(children: RootContent[]): Root {
    return { type: 'root', children, position: { start: this.previous.tree.position!.start, end: rootEnd(this.text) } };
  }

  /** The index of the last node whose first line is before `line` (-1 when none). */
  private lastStartingBefore(nodes: ReadonlyArray<Nodes>, line: number): number {
    let low = 0;
    let high = nodes.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (lineOf(nodes[mid]) < line) [found, low] = [mid, mid + 1];
      else high = mid - 1;
    }
    return found;
  }

  /** A node after the edit, moved by it (a copy: the previous tree stays as it was), with what was computed for it. */
  private shifted<T extends Nodes>(node: T): T {
    if (this.delta === 0 && this.lineDelta === 0) return node;
    const copy = moved(node, this.delta, this.lineDelta);
    carryMemos(node, copy);
    return copy;
  }

  private shiftPoint(point: Point): Point {
    return { line: point.line + this.lineDelta, column: point.column, offset: point.offset! + this.delta };
  }
}

interface Window {
  nodes: RootContent[];
  /** The window's nodes before `guard` when it starts where it did, as the same kind of node, with the parser fresh above it in both versions. `before`: the old node above the guard. */
  until(guard: Nodes | undefined, before: Nodes | undefined): RootContent[] | undefined;
}

function startOf(node: Nodes): number {
  return node.position!.start.offset!;
}

/** 0-based first line of a node. */
function lineOf(node: Nodes): number {
  return node.position!.start.line - 1;
}

function endLineOf(node: Nodes): number {
  return node.position!.end.line - 1;
}

/**
 * A list is spread (loose) when a blank line separates two of its items: what
 * mdast-util-from-markdown decides from the line endings between one item's end and the next.
 */
function listSpread(text: string, items: readonly ListItem[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const gap = text.slice(items[i - 1].position!.end.offset!, items[i].position!.start.offset!);
    if (gap.indexOf('\n') !== gap.lastIndexOf('\n')) return true;
  }
  return false;
}
