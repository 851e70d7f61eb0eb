import { readFileSync } from 'node:fs';
import { deepStrictEqual } from 'node:assert';
import { parseMarkdown } from '../server/src/core/parse';
import { reparse } from '../server/src/core/reparse';
import { LineIndex } from '../server/src/core/text';
import { random } from './corpus';
const text = readFileSync(process.argv[2] ?? '/tmp/pf/long5k.md', 'utf8');
const tree = parseMarkdown(text);
const prev = { text, tree, index: new LineIndex(text) };
const next = random(7);
let total = 0, full = 0;
for (let i = 0; i < 30; i++) {
  const at = Math.floor(next() * text.length);
  const nt = text.slice(0, at) + 'x' + text.slice(at);
  const t0 = performance.now();
  const r = reparse(prev, nt);
  const t1 = performance.now();
  const f = parseMarkdown(nt);
  const t2 = performance.now();
  total += t1 - t0; full += t2 - t1;
  deepStrictEqual(r, f);
  console.log(at, (t1 - t0).toFixed(2), (t2 - t1).toFixed(1), JSON.stringify(text.slice(at - 10, at + 10)));
}
console.log('avg', total / 30, full / 30);
