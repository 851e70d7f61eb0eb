import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PostmortemModel } from '../model/types';

/**
 * A run of the author's own prose: a paragraph, heading or table cell, as its source text
 * with everything that is not the author speaking blanked out (same length, so offsets hold):
 * inline code, HTML, images, link targets, quoted strings and pasted chat lines. Markup
 * characters (`*`, `_`, `~`) become spaces so "**the SRE** forgot" reads as words.
 */
export interface ProseUnit {
  /** Offset of the unit's first character in the document. */
  start: number;
  text: string;
}

/** Blocks whose text is someone else's words or machine output: never scanned. */
const SKIPPED = new Set(['code', 'blockquote', 'html', 'yaml', 'toml', 'math', 'definition']);
const UNITS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The prose units of a document (or of one of its nodes), in order. With `worthReading`,
 * units whose raw source does not match it are left out before any masking (most paragraphs
 * hold none of a lexicon's words), and so is a whole block or table whose source does not.
 */
export function proseUnits(model: PostmortemModel, worthReading?: RegExp, root: Nodes = model.tree): ProseUnit[] {
  const units: ProseUnit[] = [];
  const visit = (node: Nodes): void => {
    if (SKIPPED.has(node.type)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (worthReading && start !== undefined && end !== undefined && !worthReading.test(model.text.slice(start, end))) return;
    if (UNITS.has(node.type)) {
      if (start === undefined || end === undefined) return;
      units.push({ start, text: maskUnit(model.text, node, start, end) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return units;
}

function maskUnit(text: string, unit: Nodes, start: number, end: number): string {
  const spans: Array<[number, number]> = [];
  const collect = (node: Nodes): void => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'image' || node.type === 'imageReference') {
      spans.push([from, to]);
      return;
    }
    if ((node.type === 'link' || node.type === 'linkReference') && 'children' in node) {
      // An autolink's text is its address; otherwise keep the words and blank the target.
      if (/^(?:[a-z][a-z0-9+.-]*:|www\.)/i.test(toString(node))) {
        spans.push([from, to]);
        return;
      }
      let cursor = from;
      for (const child of node.children) {
        const childStart = child.position?.start.offset ?? cursor;
        spans.push([cursor, childStart]);
        cursor = child.position?.end.offset ?? childStart;
      }
      spans.push([cursor, to]);
    }
    if ('children' in node) for (const child of node.children) collect(child);
  };
  if ('children' in unit) for (const child of unit.children) collect(child);
  const original = text.slice(start, end);
  // Chat lines are read before HTML is blanked: "<alice> …" parses as an HTML tag.
  let source = blank(original, [...spans.map(([a, b]): [number, number] => [a - start, b - start]), ...chatLineSpans(original)]);
  source = blank(source, quotedSpans(source));
  return source.replace(/[*_~]/g, ' ');
}

/** Replaces spans with spaces (line breaks kept), in one pass over sorted spans. */
function blank(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [from, to] of spans) {
    const a = Math.max(cursor, from);
    const b = Math.min(text.length, to);
    if (b <= a) continue;
    out += text.slice(cursor, a) + text.slice(a, b).replace(/[^\n]/g, ' ');
    cursor = b;
  }
  return out + text.slice(cursor);
}

/** Opening and closing marks of quoted strings. Straight single quotes are left alone: they are apostrophes too. */
const QUOTES: ReadonlyArray<[string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['«', '»'],
  ['‘', '’'],
];

/**
 * Quoted strings, each from its opening to its closing mark. A closing `’` must not sit
 * inside a word (that is an apostrophe: "it’s"). Each kind keeps a forward-only cursor, so
 * the scan is linear even on a line of unmatched quotes.
 */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const nextClose = QUOTES.map(() => -1);
  const closeAfter = (kind: number, from: number): number => {
    if (nextClose[kind] >= from) return nextClose[kind];
    const close = QUOTES[kind][1];
    let at = text.indexOf(close, from);
    while (at !== -1 && close === '’' && /\p{L}/u.test(text[at + 1] ?? '')) at = text.indexOf(close, at + 1);
    nextClose[kind] = at === -1 ? Infinity : at;
    return nextClose[kind];
  };
  const opening = /["“«‘]/g;
  for (let found = opening.exec(text); found; found = opening.exec(text)) {
    const i = found.index;
    const kind = QUOTES.findIndex(([open]) => open === found![0]);
    if (kind === 3 && /\p{L}/u.test(text[i - 1] ?? '')) continue;
    const close = closeAfter(kind, i + 1);
    if (close === Infinity) continue;
    spans.push([i, close + 1]);
    opening.lastIndex = close + 1;
  }
  return spans;
}

/** A zone or AM/PM where a chat line would have a name: "10:30 PM: reboot" is a timeline entry. */
const NOT_A_NAME = /^(?:[AaPp]\.?[Mm]\.?|[A-Z]{1,5})$/;

/**
 * Lines pasted from a chat: `<alice> text`, `[10:32] alice: text`, `10:32 alice: text`,
 * `alice [10:32 AM]` (Slack's copy format). Bounded quantifiers only.
 */
const CHAT_LINES: readonly RegExp[] = [
  /^[ \t]*<@?[\w.-]{1,40}>[ \t]/,
  /^[ \t]*\[[^\]\n]{0,20}\d:\d\d[^\]\n]{0,20}\][ \t]*<?@?[\w.-]{1,40}>?:?[ \t]/,
  /^[ \t]*@?[\w.-]{1,40}[ \t]+\[\d{1,2}:\d\d[^\]\n]{0,12}\]/,
];
const TIMED_CHAT_LINE = /^[ \t]*\d{1,2}:\d\d(?::\d\d)?[ \t]+<?(@?[\w.-]{1,40})>?:[ \t]/;

/** The lines of a unit that are pasted chat messages. */
export function chatLineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const timed = TIMED_CHAT_LINE.exec(line);
    if (CHAT_LINES.some((pattern) => pattern.test(line)) || (timed && !NOT_A_NAME.test(timed[1]))) spans.push([start, end]);
    if (newline === -1) break;
    start = newline + 1;
  }
  return spans;
}
