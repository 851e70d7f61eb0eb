/**
 * Autolink literals in the core's parse: without GFM's parse-time e-mail construct (parse.ts
 * `DROPPED_CONSTRUCTS`), and with the filtered, placing pass over the tree
 * (server/src/core/autolinks.ts), the core parses to the tree full GFM gives: random Markdown
 * full of addresses, e-mails, `www.` and near misses, in paragraphs, headings, lists, task
 * items, tables, quotes, links and code. Fixed seed; POSTMORTEM_FC_RUNS and POSTMORTEM_FC_SEED
 * as in properties.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes } from 'mdast';
import { parseMarkdown, withoutConstructs } from '../../server/src/core/parse';

const runs = Number(process.env.POSTMORTEM_FC_RUNS ?? 400);
const seed = Number(process.env.POSTMORTEM_FC_SEED ?? 20261121);

/** Full GFM (less the quadratic footnote construct), with the library's own passes. */
const stock = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutConstructs, ['gfmPotentialFootnoteCall']).freeze();

/**
 * A copy of `actual` without the positions `expected` lacks at the same place in the tree: full
 * GFM's own pass over the tree leaves its links unplaced, the core's places them.
 */
function withPositionsOf(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.map((item, i) => withPositionsOf(item, expected[i]));
  if (!actual || typeof actual !== 'object' || !expected || typeof expected !== 'object') return actual;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(actual)) {
    if (key === 'position' && (expected as { position?: unknown }).position === undefined) {
      if ('position' in expected) copy.position = undefined;
    } else copy[key] = withPositionsOf(value, (expected as Record<string, unknown>)[key]);
  }
  return copy;
}

/**
 * Full GFM starts a task item's paragraph at its checkbox when an e-mail address follows the
 * box, and after the box otherwise (mdast-util-gfm-task-list-item moves the start only past a
 * text node); the core, whose e-mail addresses start as text, always after it. The same in `expected`.
 */
function taskParagraphsAfterTheBox(node: Nodes, text: string): Nodes {
  if (node.type === 'listItem' && typeof node.checked === 'boolean') {
    const paragraph = node.children[0];
    const head = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    const literal = head?.type === 'link' && head.url.startsWith('mailto:') && head.position && !/^[<[]/.test(text.slice(head.position.start.offset));
    if (paragraph?.position && literal) paragraph.position.start = { ...head.position!.start };
  }
  if ('children' in node) for (const child of node.children) taskParagraphsAfterTheBox(child, text);
  return node;
}

/** Every link in a tree: where it is and where it goes. */
function links(node: Nodes, out: string[] = []): string[] {
  if (node.type === 'link') out.push(`${node.position?.start.offset}-${node.position?.end.offset} ${node.url}`);
  if ('children' in node) for (const child of node.children) links(child, out);
  return out;
}

const word = fc.constantFrom(
  'https://status.example.com/incidents/42', 'http://x.io', 'HTTPS://EXAMPLE.COM', 'www.example.com', 'WWW.Example.org/path?q=1', 'www.', 'www', 'http:/nope', 'ftp://x.y',
  'ops@example.com', 'a.b+c@d-e.f.g', '@alice', 'alice@', '*ops@example.com*', '_on-call@example.io_', 'x@y.z-', 'x@y.z_', 'a@b.c.', '@@x.io', 'x@y', 'ops@example.com.', '(www.example.com)',
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

// Not generated: an escape or a character reference inside an e-mail address ("ops\\_team@…"),
// where the two readings split the address differently; no rule reads links but to blank them.
describe('autolink literals', () => {
  it('the core, with the pass over the tree alone, parses to the tree full GFM gives', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const expected = taskParagraphsAfterTheBox(stock.parse(text), text);
        assert.deepStrictEqual(withPositionsOf(parseMarkdown(text), expected), expected);
      }),
      { seed, numRuns: runs },
    );
  });

  it('makes a whole link of "mailto:" and "xmpp:" addresses, as the GFM spec does', () => {
    // Full GFM's parse-time e-mail construct takes "ops@example.com" first and leaves "mailto:" as text.
    assert.deepEqual(links(parseMarkdown('Write to mailto:ops@example.com or xmpp:me@jabber.org/res.\n')), [
      '9-31 mailto:ops@example.com',
      '35-57 xmpp:me@jabber.org/res',
    ]);
  });

  it('makes links where the addresses are written, across lines and in list items', () => {
    const text = '- See www.example.com and\n  ops@example.com.\n';
    const found = links(parseMarkdown(text));
    assert.deepEqual(found, ['6-21 http://www.example.com', '28-43 mailto:ops@example.com']);
    assert.equal(text.slice(6, 21), 'www.example.com');
    assert.equal(text.slice(28, 43), 'ops@example.com');
  });
});
