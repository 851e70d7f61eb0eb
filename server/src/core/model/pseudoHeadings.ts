import type { Paragraph, RootContent } from 'mdast';
import type { SectionMatcher } from '../profiles/match';
import type { LineIndex } from '../text';
import type { HeadingInfo, PseudoStyle } from './types';

/** Longest line considered as a pseudo-heading: section names are short. */
const MAX_NAME_LENGTH = 100;

interface PseudoLine {
  name: string;
  style: PseudoStyle;
  /** `**Impact**:` or `**Impact:**`: a field label when text follows it. */
  boldLabel: boolean;
}

/** Reads a line as a would-be heading: `**Timeline**`, `Timeline:`, `##Timeline`, `TIMELINE`. */
export function readPseudoLine(line: string): PseudoLine | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > MAX_NAME_LENGTH) return undefined;
  const noSpace = /^#{1,6}(?=[^#\s])(.*)$/.exec(trimmed);
  if (noSpace) return { name: stripColon(noSpace[1]), style: 'nospace', boldLabel: false };
  // "# Summary" read as text: a heading the parser did not take (after a no-break space, say).
  const marked = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?$/.exec(trimmed);
  if (marked) return marked[1].trim() ? { name: stripColon(marked[1]), style: 'nospace', boldLabel: false } : undefined;
  const emphasised = /^(\*\*|__|\*|_)([^*_]+?)\1\s*(:?)$/.exec(trimmed);
  if (emphasised) {
    const inner = emphasised[2].trim();
    const colon = emphasised[3] === ':' || inner.endsWith(':');
    return { name: stripColon(inner), style: 'bold', boldLabel: colon };
  }
  if (/[*_`[\]<>|]/.test(trimmed)) return undefined;
  return { name: stripColon(trimmed), style: 'plain', boldLabel: false };
}

function stripColon(text: string): string {
  return text.trim().replace(/\s*[:：]$/, '').trim();
}

/**
 * Finds the pseudo-headings of one top-level paragraph: a lone line naming a section, the
 * last line before a list or table, or the first line of a paragraph of the section's text
 * (unless it is a bold label with a colon, which is a field).
 */
export function pseudoHeadingsOf(
  paragraph: Paragraph,
  next: RootContent | undefined,
  index: LineIndex,
  matcher: SectionMatcher,
  depth: number,
): HeadingInfo[] {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const lines = index.linesBetween(start, end);
  const found: HeadingInfo[] = [];
  const consider = (lineNumber: number, allowBoldLabel: boolean): boolean => {
    const line = lines[lineNumber];
    const read = readPseudoLine(line.text);
    if (!read || (read.boldLabel && !allowBoldLabel)) return false;
    const matches = matcher.matchWhole(read.name);
    if (matches.length === 0) return false;
    // Only spaces and tabs may stand before a heading: other white space (a no-break space) is
    // part of what the fix replaces, or the converted line would still not be a heading.
    const lead = line.text.length - line.text.replace(/^[ \t]+/, '').length;
    const text = line.text.slice(lead).trimEnd();
    found.push({
      kind: 'pseudo',
      depth,
      text,
      start: line.offset + lead,
      end: line.offset + lead + text.length,
      matches,
      pseudo: { style: read.style, name: read.name },
    });
    return true;
  };
  // Once a first line is a heading, the lines after it are a paragraph of their own: read them
  // the same way now, so converting one pseudo-heading never reveals another.
  let first = 0;
  while (first < lines.length && consider(first, first === lines.length - 1)) first++;
  const last = lines.length - 1;
  const beforeListOrTable = next?.type === 'list' || next?.type === 'table';
  if (first < last && beforeListOrTable) consider(last, true);
  return found;
}
