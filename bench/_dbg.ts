import { parseMarkdown } from '../server/src/core/parse';
import { reparse } from '../server/src/core/reparse';
import { LineIndex } from '../server/src/core/text';
import { isDeepStrictEqual } from 'node:util';
const [source, edits] = JSON.parse(process.argv[2]);
function applyEdit(s: string, e: any) { let at = e.at % (s.length + 1); if (e.toLineStart) at = s.lastIndexOf('\n', at - 1) + 1; return s.slice(0, at) + e.insert + s.slice(Math.min(s.length, at + e.remove)); }
let prev = { text: source, tree: parseMarkdown(source), index: new LineIndex(source) };
for (const e of edits) {
  const next = applyEdit(prev.text, e);
  const t = reparse(prev, next);
  const f = parseMarkdown(next);
  console.log(JSON.stringify(prev.text), '->', JSON.stringify(next), isDeepStrictEqual(t, f));
  if (!isDeepStrictEqual(t, f)) { diff(t, f, ''); break; }
  prev = { text: next, tree: t, index: new LineIndex(next) };
}

function diff(a: any, b: any, path: string): boolean {
  if (isDeepStrictEqual(a, b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) { console.log(path, JSON.stringify(a), '!=', JSON.stringify(b)); return true; }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (diff(a[k], b[k], path + '.' + k + (a[k]?.type ? `(${a[k].type})` : ''))) return true;
  return true;
}
