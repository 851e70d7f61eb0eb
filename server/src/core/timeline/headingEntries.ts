/**
 * Sub-headings of a Timeline: a date alone anchors the entries below it (`### August 4, 2023`);
 * a time makes the heading an entry (`### 2018-03-13 07:28`, `### 5:00 PM`, `### 07:30am -
 * First report`), whose text is what follows on its line, else the first line under it.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PostmortemModel } from '../model/types';
import { classify } from './milestones';
import { entryOf, isPlaceholderEntry, offsets, type RawEntry, type RawItem } from './rawEntry';
import { shiftDate } from './shift';
import { describe, StampReader } from './stamps';
import type { EntryContainer } from './types';

/** `### ` before an ATX heading's text, and the closing hashes after it. */
const OPENING = /^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/;
const CLOSING = /(?<![ \t#])[ \t]+#+[ \t]*$|[ \t]+$/;

/**
 * Whether a heading's text opens with a time or is a date alone (`May 12`, `20:15`,
 * `2018-03-13 07:28 Pods lost`): under a Timeline such a heading is part of it, whatever its level.
 */
export function isStampHeading(text: string): boolean {
  const reader = new StampReader(text);
  return Boolean(reader.atLead(false)?.time || reader.isDateLine());
}

/** The entry or anchor a Timeline sub-heading stands for, if any. */
export function readHeading(model: PostmortemModel, node: Heading, container: EntryContainer): RawItem | undefined {
  const [start] = offsets(node);
  const line = model.text.slice(start, model.index.lineEnd(model.index.positionAt(start).line));
  const opening = OPENING.exec(line);
  if (opening) {
    const content = line.slice(opening[0].length).replace(CLOSING, '');
    const stamp = new StampReader(content).atLead();
    if (stamp?.time || isPlaceholderEntry(content, stamp)) {
      const entry = entryOf(content, start + opening[0].length, stamp, container);
      entry.start = start;
      entry.milestone = classify(content);
      return entry;
    }
  }
  const reader = new StampReader(toString(node));
  const date = reader.dates.find((d) => d.year !== null) ?? reader.dates[0];
  return date ? { type: 'anchor', date: shiftDate(date, start) } : undefined;
}

/**
 * Takes a block under a heading entry into it: the entry spans it (it moves with the heading
 * when sorted), and a heading without text of its own ("### 5:00 PM") reads its first line.
 */
export function absorb(model: PostmortemModel, entry: RawEntry, node: RootContent, sectionEnd: number): void {
  const [start, end] = offsets(node);
  entry.blockEnd = Math.max(entry.blockEnd, start + model.text.slice(start, Math.min(end, sectionEnd)).trimEnd().length);
  if (entry.text) return;
  const first = model.text.slice(start, model.index.lineEnd(model.index.positionAt(start).line));
  entry.text = describe(first.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, ''));
  entry.milestone = classify(`${model.text.slice(entry.start, entry.end)} ${first}`);
}
