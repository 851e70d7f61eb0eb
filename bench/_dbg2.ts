import { parseMarkdown } from '../server/src/core/parse';
const t = parseMarkdown(process.argv[2]);
for (const c of t.children) console.log(c.type, c.position!.start.line, c.position!.end.line, JSON.stringify(process.argv[2].slice(c.position!.start.offset!, c.position!.end.offset!)));
