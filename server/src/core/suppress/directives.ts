/**
 * Suppression comments: `<!-- postmortem-disable RULE… -->` and its kin, read from the HTML
 * nodes of the document's tree, so a comment shown in a code block or inline code is text,
 * never a directive.
 */
import type { Nodes, Root } from 'mdast';
import { closest } from './closest';

/** What a suppression comment does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** The kinds, longest first: `disable` is a prefix of the others. */
const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];

/** A word of a directive (a rule id, or the directive's own keyword) and its offsets in the text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** One `<!-- postmortem-… -->` comment. */
export interface Directive {
  kind: DirectiveKind;
  /** The rules it names, lower-cased; none means every rule. */
  rules: Word[];
  /** Offsets of the whole comment, `<!--` to `-->`. */
  start: number;
  end: number;
  /** Offset just past its last rule id (or its keyword): where another id is written. */
  listEnd: number;
}

/** The directives of a document in text order, and comments that start like one and are none (`postmortem-disabel`). */
export interface DirectiveReading {
  directives: Directive[];
  malformed: Word[];
}

const KEYWORD = /^(\s*)postmortem-([a-z-]*)/i;

/**
 * Every suppression comment in the tree's `html` nodes (blocks and inline HTML, inside lists,
 * quotes and tables too). Offsets come from the source: a node's value lacks the `>` of the
 * quote around it, so its comments are matched to the source's in order.
 */
export function readDirectives(tree: Root, text: string): DirectiveReading {
  const reading: DirectiveReading = { directives: [], malformed: [] };
  // Most documents hold none: no walk of the tree for them.
  if (!text.includes('<!--') || !/postmortem-/i.test(text)) return reading;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') readNode(node.value, node.position?.start.offset, node.position?.end.offset, text, reading);
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  reading.directives.sort((a, b) => a.start - b.start);
  return reading;
}

/** The comments of one HTML node. Each `indexOf` goes forward only: linear in the node's length. */
function readNode(value: string, start: number | undefined, end: number | undefined, text: string, reading: DirectiveReading): void {
  if (start === undefined || end === undefined || !/postmortem-/i.test(value)) return;
  let inValue = 0;
  let inSource = start;
  for (;;) {
    const open = value.indexOf('<!--', inValue);
    const sourceOpen = text.indexOf('<!--', inSource);
    if (open === -1 || sourceOpen === -1 || sourceOpen >= end) return;
    const close = value.indexOf('-->', open + 4);
    const sourceClose = text.indexOf('-->', sourceOpen + 4);
    if (close === -1 || sourceClose === -1 || sourceClose >= end) return;
    readComment(value.slice(open + 4, close), sourceOpen, sourceClose + 3, text, reading);
    inValue = close + 3;
    inSource = sourceClose + 3;
  }
}

function readComment(body: string, start: number, end: number, text: string, reading: DirectiveReading): void {
  const keyword = KEYWORD.exec(body);
  if (!keyword) return;
  const name = keyword[2].toLowerCase();
  const keywordStart = start + text.slice(start, end).toLowerCase().indexOf('postmortem-');
  const keywordEnd = keywordStart + 'postmortem-'.length + name.length;
  const kind = KINDS.find((k) => k === name);
  const after = body.slice(keyword[0].length);
  if (!kind || (after !== '' && !/^[\s,]/.test(after))) {
    const word = name + (/^\S*/.exec(after)?.[0] ?? '');
    // `postmortem-disabel`, `postmortem-enable-file`: meant as a directive. Other words (`postmortem-lint`) are prose.
    if (/^(?:dis|en)able/.test(word) || closest(word, KINDS)) {
      reading.malformed.push({ text: `postmortem-${word}`, start: keywordStart, end: keywordStart + 'postmortem-'.length + word.length });
    }
    return;
  }
  const rules: Word[] = [];
  let cursor = keywordEnd;
  for (const token of after.split(/[\s,]+/)) {
    if (token === '') continue;
    // ESLint's convention: what follows ` -- ` says why.
    if (token.startsWith('--')) break;
    const at = text.indexOf(token, cursor);
    if (at === -1 || at >= end) break;
    rules.push({ text: token.toLowerCase(), start: at, end: at + token.length });
    cursor = at + token.length;
  }
  reading.directives.push({ kind, rules, start, end, listEnd: cursor });
}
