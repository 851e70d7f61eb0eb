import type { RootContent } from 'mdast';
import type { SectionMatcher } from '../profiles/match';
import type { LineIndex } from '../text';
import type { SectionField } from './types';

/**
 * A label and its colon: `Root Cause:`, `**Summary:**`, `**Impact**:`, `__Resolution__:`. The
 * label starts with a letter or sign, not white space, and holds no colon or emphasis mark.
 * Read on the first characters of a line only (a label is short), so its spaces cost nothing.
 */
const LABEL = /^(\*\*|__)?([^\s*_:：][^*_:：\r\n]{0,59}?)[ \t]*(?:\1[ \t]*[:：]|[:：][ \t]*\1)/;
const LABEL_REACH = 80;

/**
 * The fields of a top-level paragraph (any of its lines) or list (each item's first line)
 * whose label names a section: the section is there, written as a field rather than a title.
 * A list item's label may stand alone on its line when blocks follow it inside the item.
 */
export function fieldsOf(node: RootContent, index: LineIndex, matcher: SectionMatcher): SectionField[] {
  if (node.type === 'paragraph') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return [];
    return index.linesBetween(start, end).flatMap((line) => fieldAt(line.text, line.offset, matcher));
  }
  if (node.type !== 'list') return [];
  return node.children.flatMap((item) => {
    const first = item.children[0];
    const start = first?.type === 'paragraph' ? first.position?.start.offset : undefined;
    if (start === undefined) return [];
    const line = index.lineAt(index.positionAt(start).line);
    // `- **Timeline:**` over a nested list: the label alone on its line, its text the items under it.
    const bodyStart = item.children[1]?.position?.start.offset;
    const itemEnd = item.position?.end.offset;
    const fields = fieldAt(line.text.slice(start - line.offset), start, matcher, bodyStart !== undefined);
    if (bodyStart !== undefined && itemEnd !== undefined && fields[0] && !/\S/.test(line.text.slice(fields[0].end - line.offset))) fields[0].body = { start: bodyStart, end: itemEnd };
    return fields;
  });
}

/** The field a line opens: its label names a section and text follows on the line (or, `bodyBelow`, under it). */
function fieldAt(text: string, offset: number, matcher: SectionMatcher, bodyBelow = false): SectionField[] {
  const lead = text.length - text.replace(/^[ \t]+/, '').length;
  const match = LABEL.exec(text.slice(lead, lead + LABEL_REACH));
  if (!match || (!bodyBelow && !/\S/.test(text.slice(lead + match[0].length)))) return [];
  const ids = matcher.matchWhole(match[2]).map((section) => section.id);
  return ids.length > 0 ? [{ ids, start: offset + lead, end: offset + lead + match[0].length }] : [];
}
