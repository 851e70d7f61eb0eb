/**
 * The next free incident ID of a workspace (issue 14, the New Postmortem command): INC-042
 * after INC-041, from the `id:` of the postmortems already written.
 */

/** The `id:` of a document's front matter, read from its first lines without parsing the rest. */
export function frontMatterId(text: string): string | undefined {
  const head = text.slice(0, 4000);
  const block = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(head);
  const line = block && /^id[ \t]*:([^\r\n]*)/m.exec(block[1]);
  if (!line) return undefined;
  const value = line[1].replace(/(?:^|[ \t])#.*/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
  return value || undefined;
}

/** An ID made of a prefix and a number at its end: `INC-041`, `SRE2024-7`. */
const NUMBERED = /^(.*?)(\d+)$/;

/**
 * The ID after the highest one of the prefix used most (ties: the prefix of the highest
 * number), keeping the number's width (`INC-041` → `INC-042`). `INC-001` when there is none.
 * Undefined when the result would not match `pattern`: the command then leaves the ID for the
 * writer to type.
 */
export function nextIncidentId(ids: readonly string[], pattern: string): string | undefined {
  const byPrefix = new Map<string, { count: number; max: number; width: number }>();
  for (const id of ids) {
    const m = NUMBERED.exec(id.trim());
    if (!m || !m[1]) continue;
    const entry = byPrefix.get(m[1]) ?? { count: 0, max: 0, width: 0 };
    entry.count++;
    entry.max = Math.max(entry.max, Number(m[2]));
    entry.width = Math.max(entry.width, m[2].length);
    byPrefix.set(m[1], entry);
  }
  const [prefix, best] = [...byPrefix].sort(([, a], [, b]) => b.count - a.count || b.max - a.max)[0] ?? ['INC-', { max: 0, width: 3 }];
  const next = `${prefix}${String(best.max + 1).padStart(best.width, '0')}`;
  try {
    return new RegExp(pattern).test(next) ? next : undefined;
  } catch {
    return undefined;
  }
}
