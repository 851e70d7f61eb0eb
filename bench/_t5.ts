import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../server/src/core/parse';
import { reparse } from '../server/src/core/reparse';
import { LineIndex } from '../server/src/core/text';
import { random } from './corpus';
const text = readFileSync(process.argv[2] ?? '/tmp/pf/long5k.md', 'utf8');
const tree = parseMarkdown(text);
const prev = { text, tree, index: new LineIndex(text) };
const next = random(7);
const edits = Array.from({ length: 30 }, () => { const at = Math.floor(next() * text.length); return text.slice(0, at) + 'x' + text.slice(at); });
for (let r = 0; r < 5; r++) { const t0 = performance.now(); for (const nt of edits) reparse(prev, nt); console.log(((performance.now() - t0) / 30).toFixed(2)); }
