import { analyze, type AnalyzeOptions } from './analyze';
import { preferredFix } from './findings';
import { applyEdits } from './text';

/** Most passes `fixAll` makes: a fix can reveal another (a new heading makes a section visible). */
const MAX_PASSES = 10;

/**
 * Applies every finding's preferred fix, re-analysing after each pass until nothing more
 * changes. Idempotent: fixing the result again changes nothing.
 */
export function fixAll(text: string, options: AnalyzeOptions): { text: string; fixed: number; passes: number } {
  let current = text;
  let fixed = 0;
  let passes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { findings } = analyze(current, options);
    const fixes = findings.map(preferredFix).filter((fix) => fix !== undefined);
    if (fixes.length === 0) break;
    const next = applyEdits(current, fixes.flatMap((fix) => fix.edits));
    if (next === current) break;
    fixed += fixes.length;
    passes++;
    current = next;
  }
  return { text: current, fixed, passes };
}
