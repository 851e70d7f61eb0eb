/**
 * The quick fixes "Ignore RULE on this line" and "Ignore RULE in this file": a suppression
 * comment written where it changes nothing else the document says. Never inside a table as
 * a line of its own (that ends the table), never between a list item and its continuation
 * (that ends the list), never inside front matter, a code block or a heading's text.
 */
import type { Nodes, Parent } from 'mdast';
import type { Finding, Fix } from '../findings';
import type { PostmortemModel } from '../model/types';
import type { Directive } from './directives';

/** Where an ignore fix writes: an offset, and the text for a rule id. */
interface Insertion {
  at: number;
  text(rule: string): string;
}

/** Makes the ignore fixes of findings in one document version. */
export class IgnoreFixer {
  /** Per line, the comment "on this line" extends: a `disable-line` on it or a `disable-next-line` above it. */
  private readonly lineComments = new Map<number, Directive>();
  private readonly fileComment: Directive | undefined;
  private readonly slots = new Map<number, Insertion | undefined>();
  /** Lines a pseudo-heading starts on. */
  private readonly pseudoLines: Set<number>;

  constructor(
    private readonly model: PostmortemModel,
    directives: readonly Directive[],
  ) {
    const { index } = model;
    for (const d of directives) {
      if (d.rules.length === 0) continue;
      if (d.kind === 'disable-line') this.lineComments.set(index.positionAt(d.start).line, d);
      if (d.kind === 'disable-next-line') this.lineComments.set(index.positionAt(d.end).line + 1, d);
    }
    this.fileComment = directives.find((d) => d.kind === 'disable-file' && d.rules.length > 0);
    this.pseudoLines = new Set(model.headings.filter((h) => h.kind === 'pseudo').map((h) => index.positionAt(h.start).line));
  }

  /**
   * The ignore fixes of a finding, neither of them preferred: fix all and `--fix` never take
   * them. A finding about the whole document gets only the file one.
   */
  fixesFor(finding: Finding, documentRule: boolean): Fix[] {
    const rule = finding.ruleId;
    const fixes: Fix[] = [];
    const line = documentRule ? undefined : this.lineSlot(finding.range.start.line);
    if (line) fixes.push(this.fix(`Ignore ${rule} on this line`, line, rule));
    fixes.push(this.fix(`Ignore ${rule} in this file`, this.fileSlot(), rule));
    return fixes;
  }

  private fix(title: string, insertion: Insertion, rule: string): Fix {
    const at = this.model.index.positionAt(insertion.at);
    return { title, edits: [{ range: { start: at, end: at }, newText: insertion.text(rule) }], isPreferred: false };
  }

  private lineSlot(line: number): Insertion | undefined {
    if (!this.slots.has(line)) {
      const existing = this.lineComments.get(line);
      this.slots.set(line, existing ? extend(existing) : lineInsertion(this.model, line, this.pseudoLines.has(line)));
    }
    return this.slots.get(line);
  }

  private fileSlot(): Insertion {
    this.file ??= this.fileComment ? extend(this.fileComment) : fileInsertion(this.model);
    return this.file;
  }

  /** The file comment's place, the same for every finding. */
  private file: Insertion | undefined;
}

/** Another id in a comment already there. */
function extend(directive: Directive): Insertion {
  return { at: directive.listEnd, text: (rule) => ` ${rule}` };
}

/** A new comment for a line, placed for the block the line is in. */
function lineInsertion(model: PostmortemModel, line: number, pseudo: boolean): Insertion | undefined {
  const { index } = model;
  const { offset, text } = index.lineAt(line);
  const indent = /^\s*/.exec(text)![0].length;
  if (indent === text.length) return undefined;
  if (model.frontMatter && offset < model.frontMatter.end) return undefined;
  const path = pathTo(model, offset + indent);
  if (path.some((node, i) => opaque(node, path[i - 1]))) return undefined;
  const heading = path.find((node) => node.type === 'heading');
  if (heading || pseudo) {
    // A comment inside a heading would become part of its text: the line above says it instead, when the heading starts a top-level line.
    const topLevel = heading ? path[0] === heading : indent <= 3 && !path.some((node) => node.type === 'list' || node.type === 'blockquote');
    const startsHere = heading ? index.positionAt(heading.position!.start.offset!).line === line : true;
    return topLevel && startsHere ? { at: offset, text: (rule) => `<!-- postmortem-disable-next-line ${rule} -->${index.eol}` } : undefined;
  }
  const comment = (rule: string) => `<!-- postmortem-disable-line ${rule} -->`;
  let end = offset + text.trimEnd().length;
  if (path.some((node) => node.type === 'table')) {
    // Inside the row's last cell, before its closing pipe: a cell more, or a line more, would change the table.
    if (model.text[end - 1] === '|' && model.text[end - 2] !== '\\') end = offset + text.slice(0, end - 1 - offset).trimEnd().length;
    return { at: end, text: (rule) => ` ${comment(rule)}` };
  }
  // Before a backslash hard break, so it still breaks; outside code or HTML that runs on past the line.
  if (model.text[end - 1] === '\\') end--;
  const last = pathTo(model, end - 1).at(-1);
  if (last && (last.type === 'inlineCode' || last.type === 'html') && (last.position?.end.offset ?? 0) > end) return undefined;
  const space = model.text[end - 1] === ' ' ? '' : ' ';
  return { at: end, text: (rule) => `${space}${comment(rule)}` };
}

/** A new file comment: after the front matter, or at the top. */
function fileInsertion(model: PostmortemModel): Insertion {
  const comment = (rule: string) => `<!-- postmortem-disable-file ${rule} -->`;
  const { eol } = model.index;
  const frontMatterEnd = model.frontMatter?.end;
  if (frontMatterEnd !== undefined) return { at: frontMatterEnd, text: (rule) => `${eol}${comment(rule)}${frontMatterEnd === model.text.length ? eol : ''}` };
  return { at: model.text.charCodeAt(0) === 0xfeff ? 1 : 0, text: (rule) => `${comment(rule)}${eol}` };
}

/** Nodes whose text no comment may be added to: code, front matter, and HTML blocks (which a comment line would run into). */
function opaque(node: Nodes, parent: Nodes | undefined): boolean {
  if (node.type === 'code' || node.type === 'yaml') return true;
  return node.type === 'html' && (!parent || parent.type === 'listItem' || parent.type === 'blockquote');
}

/** The nodes from the top-level block down to the innermost one holding an offset. */
function pathTo(model: PostmortemModel, offset: number): Nodes[] {
  const path: Nodes[] = [];
  let parent: Parent = model.tree;
  for (;;) {
    const child = childAt(parent.children as Nodes[], offset);
    if (!child) return path;
    path.push(child);
    if (!('children' in child)) return path;
    parent = child;
  }
}

/** The child whose span holds an offset (children are in text order). */
function childAt(children: readonly Nodes[], offset: number): Nodes | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = children[mid].position?.start.offset ?? 0;
    const end = children[mid].position?.end.offset ?? 0;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return children[mid];
  }
  return undefined;
}
