/** Most edits between a misspelt name and the one it is taken for. */
const MAX_DISTANCE = 2;

/**
 * The name among `names` a misspelling most likely means (at most two letters added, dropped
 * or changed), or undefined. Words are short; the cost is their lengths' product per name.
 */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const name of names) {
    if (Math.abs(name.length - word.length) > MAX_DISTANCE || word.length > 64) continue;
    const distance = editDistance(word, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
