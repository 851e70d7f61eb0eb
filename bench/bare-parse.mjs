// The CLI's floor: a bare node + remark-parse script that reads every .md file under the
// given folder and parses it (no GFM, no rules, no output). `node bench/bare-parse.mjs DIR`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).freeze();
const dir = process.argv[2];
let nodes = 0;
for (const name of readdirSync(dir, { recursive: true })) {
  if (!String(name).endsWith('.md')) continue;
  nodes += processor.parse(readFileSync(join(dir, String(name)), 'utf8')).children.length;
}
process.stdout.write(`${nodes}\n`);
