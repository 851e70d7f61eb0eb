/**
 * Checks the property and fixture tests make of an analysis and of its fixes: every range is
 * a real position in the document; a fix changes only the text inside its own edits, never
 * splits a character or a line break, and never drops the words it replaces; and fix-all
 * keeps every stated fact.
 */
import assert from 'node:assert/strict';
import { applyEdits, findTimes, fixAll, LineIndex, type Analysis, type AnalyzeOptions, type Fix, type Position } from '../../server/src/core';

/** Whether an offset falls between the two halves of a surrogate pair (splitting a character). */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && /[\uD800-\uDBFF]/.test(text[offset - 1]) && /[\uDC00-\uDFFF]/.test(text[offset]);
}

/** Whether a text has no lone surrogate (in a `u` regex a pair is one code point, so only lone halves match). */
export function wellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

/** The offset of a position that must exist in the document exactly (not clamped). */
function exactOffset(index: LineIndex, position: Position, what: string): number {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0, `${what}: bad position ${JSON.stringify(position)}`);
  const offset = index.offsetAt(position);
  assert.deepEqual(index.positionAt(offset), position, `${what}: ${JSON.stringify(position)} is not in the document (past a line's end, between \\r and \\n, or past the last line)`);
  return offset;
}

/** Every finding's range lies inside the document, start before end. */
export function assertRangesInside(analysis: Analysis, text: string): void {
  const index = new LineIndex(text);
  for (const finding of analysis.findings) {
    const start = exactOffset(index, finding.range.start, `${finding.ruleId} start`);
    const end = exactOffset(index, finding.range.end, `${finding.ruleId} end`);
    assert.ok(start <= end, `${finding.ruleId}: range ends before it starts`);
    assert.ok(finding.message.trim().length > 0, `${finding.ruleId}: empty message`);
  }
}

/** Words a fix may legitimately rewrite: zone abbreviations, AM/PM, month and weekday names (converting a time). */
const REWRITABLE = /^(?:[A-Z]{1,5}|[ap]m|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)$/i;

/** Zone names a conversion replaces whole: IANA names, "Pacific Time" and the like. */
const ZONE_NAMES = /\b[A-Z][A-Za-z_]+\/[A-Za-z_/+-]+|\b(?:Pacific|Eastern|Central|Mountain|Atlantic|Alaska|Hawaii)(?:[ \t]+(?:Standard|Daylight))?[ \t]+Time\b/g;

/** The words of a text (letters and marks), with how often each occurs. */
export function letterWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const zonesOut = text.replace(ZONE_NAMES, ' ');
  for (const word of zonesOut.match(/[\p{L}\p{M}]+/gu) ?? []) if (!REWRITABLE.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Every word of `before` is still in `after`, at least as often. */
export function assertKeepsWords(before: string, after: string, what: string): void {
  const kept = letterWords(after);
  for (const [word, n] of letterWords(before)) assert.ok((kept.get(word) ?? 0) >= n, `${what} lost the word "${word}"`);
}

/**
 * One fix, applied alone: its edits lie inside the document, do not overlap, split no
 * surrogate pair, insert well-formed text and keep the words they replace; the result is the
 * document with exactly those ranges replaced, every other byte unchanged.
 */
export function assertFixIsLocal(text: string, index: LineIndex, ruleId: string, fix: Fix): void {
  const what = `${ruleId} "${fix.title}"`;
  assert.ok(fix.edits.length > 0, `${what}: a fix with no edits`);
  const spans = fix.edits
    .map((edit) => {
      const start = exactOffset(index, edit.range.start, `${what} edit start`);
      const end = exactOffset(index, edit.range.end, `${what} edit end`);
      assert.ok(start <= end, `${what}: edit ends before it starts`);
      assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: edit splits a surrogate pair`);
      assert.ok(wellFormed(edit.newText) || !wellFormed(text), `${what}: inserts a lone surrogate`);
      return { start, end, newText: edit.newText };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end, `${what}: overlapping edits`);
  let expected = '';
  let cursor = 0;
  for (const span of spans) {
    assertKeepsWords(text.slice(span.start, span.end), span.newText, what);
    expected += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  expected += text.slice(cursor);
  assert.equal(applyEdits(text, fix.edits), expected, `${what}: changed text outside its edits`);
}

/** Every fix of every finding, its ignore fixes too, is local (see assertFixIsLocal). */
export function assertFixesAreLocal(analysis: Analysis, text: string): void {
  const index = new LineIndex(text);
  for (const finding of analysis.findings) for (const fix of [...finding.fixes, ...(finding.ignores ?? [])]) assertFixIsLocal(text, index, finding.ruleId, fix);
}

/** A meridiem on a 24-hour hour (`13:20PM`, `00:30 AM`) says nothing: fix-all may drop it. The corpus check's rule. */
const plain = (text: string) => text.replace(/\b((?:1[3-9]|2[0-3]|00):[0-5]\d)\s*[AaPp]\.?[Mm]\b\.?/g, '$1');

/** Every word and number of a text (markup and letter case aside: a value respelt `sev3` → `SEV3` keeps its word), with how often each occurs. */
function allWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of plain(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Every time written in a text, as the value it states (24-hour hour, minute, second), with how often each occurs. */
function statedTimes(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of findTimes(text)) {
    const key = `${t.hour}:${t.minute}:${t.second}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** `after` holds every item of `before`, at least as often. */
function assertHolds(before: Map<string, number>, after: Map<string, number>, what: string): void {
  for (const [item, n] of before) assert.ok((after.get(item) ?? 0) >= n, `${what} "${item}"`);
}

/**
 * What fix-all (`--fix`, Fix All, fix on save) must keep: every word and number of the
 * original (markup aside, a meridiem on a 24-hour hour may go), every stated time with its
 * value, and a second fix-all changes nothing. Returns the fixed text.
 */
export function assertFixAllKeepsFacts(text: string, options: AnalyzeOptions, what: string): string {
  const fixed = fixAll(text, options).text;
  assertHolds(allWords(text), allWords(fixed), `${what}: fix-all removed or rewrote the word`);
  assertHolds(statedTimes(text), statedTimes(fixed), `${what}: fix-all changed the stated time`);
  assert.equal(fixAll(fixed, options).text, fixed, `${what}: a second fix-all changed the text again`);
  return fixed;
}
