import { parseMarkdown } from '../server/src/core/parse';
for (const s of JSON.parse(process.argv[2])) {
  console.log(JSON.stringify(s), parseMarkdown(s).children.map((c) => `${c.type}@${c.position!.start.line}-${c.position!.end.line}`).join(' '));
}
