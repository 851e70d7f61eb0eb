import { analyze, type AnalyzeOptions } from './analyze';
import { automaticFix, type Fix, type Finding } from './findings';
import { applyEdits, LineIndex } from './text';

/** Most passes `fixAll` makes: a fix can reveal another (a new heading makes a section visible). */
const MAX_PASSES = 10;

/**
 * When two fixes overlap, the one of the rule listed first wins and the other waits for the
 * next pass, where it is judged again on the fixed text: a heading is made before a zone is
 * declared on it. A rule not listed comes after these, in the order of its findings.
 */
const PRECEDENCE = ['pseudo-heading', 'timezone-missing'];

/**
 * The automatic fixes (`automaticFix`) of some findings that can be applied together: whole
 * fixes only, none overlapping another, and none inside the part a fix picked before it makes
 * read differently (`Fix.rereads`). Among overlapping fixes the rule first in PRECEDENCE
 * wins, then the fix touching less text. The one selection `--fix`, Fix All and
 * `source.fixAll.postmortem` make: a fix that rewrites a stated fact is never among them.
 */
export function selectFixes(text: string, findings: readonly Finding[]): Fix[] {
  const index = new LineIndex(text);
  const rank = (ruleId: string) => (PRECEDENCE.includes(ruleId) ? PRECEDENCE.indexOf(ruleId) : PRECEDENCE.length);
  const candidates = findings
    .map((finding, order) => {
      const fix = automaticFix(finding);
      const spans = (fix?.edits ?? []).map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end) }));
      const size = spans.reduce((sum, span) => sum + span.end - span.start, 0);
      return { fix, spans, size, rank: rank(finding.ruleId), order };
    })
    .filter((c): c is typeof c & { fix: Fix } => c.fix !== undefined && c.fix.edits.length > 0)
    .sort((a, b) => a.rank - b.rank || a.size - b.size || a.order - b.order);
  const taken: Array<{ start: number; end: number }> = [];
  const reread: Array<{ start: number; end: number }> = [];
  // Two spans overlap when they share a character, or one inserts strictly inside the other.
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start < a.start && a.start < b.end) || (b.start === b.end && a.start < b.start && b.start < a.end);
  const chosen: Array<{ fix: Fix; order: number }> = [];
  for (const candidate of candidates) {
    if (candidate.spans.some((span) => taken.some((t) => overlaps(span, t)) || reread.some((r) => overlaps(span, r)))) continue;
    // A fix's own edits may not overlap each other either (applyEdits would drop one of them).
    if (candidate.spans.some((span, i) => candidate.spans.some((other, j) => i < j && overlaps(span, other)))) continue;
    taken.push(...candidate.spans);
    const rereads = candidate.fix.rereads;
    if (rereads) reread.push({ start: index.offsetAt(rereads.start), end: index.offsetAt(rereads.end) });
    chosen.push(candidate);
  }
  // Findings' order keeps insertions at one offset in document order.
  return chosen.sort((a, b) => a.order - b.order).map((c) => c.fix);
}

/**
 * Applies every finding's automatic fix, re-analysing after each pass until nothing more
 * changes: what `--fix`, Fix All and `source.fixAll.postmortem` write. Idempotent: fixing the
 * result again changes nothing. A fix is applied whole or not at all; one that overlaps
 * another waits for the next pass.
 */
export function fixAll(text: string, options: AnalyzeOptions): { text: string; fixed: number; passes: number } {
  let current = text;
  let fixed = 0;
  let passes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { findings } = analyze(current, options);
    const fixes = selectFixes(current, findings);
    if (fixes.length === 0) break;
    const next = applyEdits(current, fixes.flatMap((fix) => fix.edits));
    if (next === current) break;
    fixed += fixes.length;
    passes++;
    current = next;
  }
  return { text: current, fixed, passes };
}
