import { LineIndex, type TextEdit } from '../core';

/** Beyond this many changed lines a diff is not worth its cost: one edit replaces the changed run. */
const MAX_EDIT_DISTANCE = 2000;

/**
 * The edits that turn `before` into `after`, touching only the lines that differ (and
 * within them only the changed characters), so an editor keeps the cursor, folds and
 * markers elsewhere. Applying the edits to `before` gives `after` exactly.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const matches = commonLines(midA, midB) ?? [];

  const starts = [0];
  for (const line of a) starts.push(starts[starts.length - 1] + line.length);
  const index = new LineIndex(before);
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [midA.length, midB.length] as const]) {
    if (mi > i || mj > j) {
      const start = starts[head + i];
      const end = starts[head + mi];
      edits.push(narrow(index, before.slice(start, end), midB.slice(j, mj).join(''), start));
    }
    i = mi + 1;
    j = mj + 1;
  }
  return edits;
}

/** Lines with their terminators, so joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** An edit replacing `old` at `offset` with `replacement`, trimmed to the characters that change. */
function narrow(index: LineIndex, old: string, replacement: string, offset: number): TextEdit {
  let p = 0;
  while (p < old.length && p < replacement.length && old[p] === replacement[p]) p++;
  let s = 0;
  while (s < old.length - p && s < replacement.length - p && old[old.length - 1 - s] === replacement[replacement.length - 1 - s]) s++;
  return { range: index.range(offset + p, offset + old.length - s), newText: replacement.slice(p, replacement.length - s) };
}

/**
 * Pairs of equal lines (index in `a`, index in `b`) of a shortest edit script, by Myers'
 * O((N+M)·D) algorithm; undefined when the texts differ in more than MAX_EDIT_DISTANCE lines.
 */
function commonLines(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> | undefined {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d] keeps v for k in [-(d+1), d+1] as it was before step d: enough to walk back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, MAX_EDIT_DISTANCE); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], depth: number, n: number, m: number): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const before = trace[d];
    const at = (k: number) => before[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) pairs.push([--x, --y]);
    [x, y] = [previousX, previousY];
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}
