/**
 * What the model reads from each top-level block, kept per block across document versions
 * (memo.ts): its pseudo-headings and its fields. An edit re-reads the blocks it re-parsed;
 * the others' readings are reused, moved with their block. Each reading depends only on the
 * block's own text and on what its record says (the catalog's matcher, the sibling level,
 * whether a block follows), and is read again when one of these differs.
 */
import type { RootContent } from 'mdast';
import { NodeMemo } from '../memo';
import type { SectionMatcher } from '../profiles/match';
import { fieldsOf } from './fields';
import { pseudoHeadingsOf, type TitleContext } from './pseudoHeadings';
import type { HeadingInfo, SectionField } from './types';

interface BlockReading {
  /** The block's start offset when it was read: the offsets below are absolute for it. */
  at: number;
  matcher: SectionMatcher;
  depth: number;
  followed: boolean;
  pseudo: readonly HeadingInfo[];
  fields: readonly SectionField[];
}

const readings = new NodeMemo<BlockReading>();

/** The pseudo-headings and fields of a top-level block starting at `start`; `next` is the block after it. */
export function readBlock(node: RootContent, start: number, next: RootContent | undefined, context: TitleContext): { pseudo: readonly HeadingInfo[]; fields: readonly SectionField[] } {
  const { matcher, depth } = context;
  const followed = next !== undefined;
  let reading = readings.get(node, () => read(node, start, next, context));
  // The same block under another catalog or sibling level, or now last: read it afresh (rare: a heading edit, a profile change).
  if (reading.matcher !== matcher || reading.depth !== depth || reading.followed !== followed) reading = read(node, start, next, context);
  if (reading.at === start) return reading;
  const delta = start - reading.at;
  return {
    pseudo: reading.pseudo.map((h) => ({ ...h, start: h.start + delta, end: h.end + delta })),
    fields: reading.fields.map((f) => ({ ...f, start: f.start + delta, end: f.end + delta, ...(f.body ? { body: { start: f.body.start + delta, end: f.body.end + delta } } : {}) })),
  };
}

function read(node: RootContent, start: number, next: RootContent | undefined, context: TitleContext): BlockReading {
  return { at: start, matcher: context.matcher, depth: context.depth, followed: next !== undefined, pseudo: pseudoHeadingsOf(node, next, context), fields: fieldsOf(node, context.index, context.matcher) };
}
