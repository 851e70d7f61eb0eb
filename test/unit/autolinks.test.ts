/**
 * The filtered autolink-literal pass (server/src/core/autolinks.ts) gives the tree the
 * library's own pass gives: random Markdown full of addresses, e-mails, `mailto:`/`xmpp:`,
 * `www.` and near misses, in paragraphs, headings, lists, tables, quotes, links and code.
 * Fixed seed; POSTMORTEM_FC_RUNS and POSTMORTEM_FC_SEED as in properties.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withFastAutolinkLiterals } from '../../server/src/core/autolinks';
import { parseMarkdown, withoutPotentialFootnoteCalls } from '../../server/src/core/parse';

const runs = Number(process.env.POSTMORTEM_FC_RUNS ?? 400);
const seed = Number(process.env.POSTMORTEM_FC_SEED ?? 20261121);

const stock = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutPotentialFootnoteCalls).freeze();
const fast = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutPotentialFootnoteCalls).use(withFastAutolinkLiterals).freeze();

const word = fc.constantFrom(
  'https://status.example.com/incidents/42', 'http://x.io', 'HTTPS://EXAMPLE.COM', 'www.example.com', 'WWW.Example.org/path?q=1', 'www.', 'www', 'http:/nope', 'ftp://x.y',
  'ops@example.com', 'a.b+c@d-e.f.g', '@alice', 'alice@', 'mailto:ops@example.com', 'xmpp:me@jabber.org/res', 'x@y', 'ops@example.com.', '(www.example.com)',
  'deploy', '10:30 UTC', '**bold www.x.com**', '`https://code.example.com`', '[text](https://example.com)', '<https://angle.example.com>', '_x_', '~~y~~',
);
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const block = fc.oneof(
  line,
  line.map((l) => `## ${l}`),
  line.map((l) => `- ${l}\n- [ ] ${l}`),
  fc.tuple(line, line).map(([a, b]) => `| Time | Event |\n|---|---|\n| 10:00 | ${a} |\n| 11:00 | ${b} |`),
  line.map((l) => `> ${l}`),
  line.map((l) => `\`\`\`\n${l}\n\`\`\``),
  line.map((l) => `[${l}](https://example.com) and ![${l}](img.png)`),
);
const documentArb = fc.array(block, { maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

describe('autolink literals', () => {
  it('the filtered pass gives the tree the library pass gives', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        assert.deepStrictEqual(fast.parse(text), stock.parse(text));
      }),
      { seed, numRuns: runs },
    );
  });

  it('is the pass the core parses with, and still makes links', () => {
    const tree = parseMarkdown('See www.example.com and ops@example.com.\n');
    const paragraph = tree.children[0];
    assert.equal(paragraph.type, 'paragraph');
    assert.deepEqual(
      paragraph.children.filter((node) => node.type === 'link').map((node) => node.url),
      ['http://www.example.com', 'mailto:ops@example.com'],
    );
  });
});
