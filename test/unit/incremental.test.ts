/**
 * Incremental parsing and analysis give exactly what a full parse and analysis give: on
 * generated Markdown full of constructs that reach across blocks (lists, tables, fences,
 * HTML blocks, setext underlines, front matter, lazy lines, definitions) and chains of random
 * edits (each version re-parsed from the previous incremental tree), the tree, the model and
 * the findings are deep-equal to a fresh `analyze` of the same text; and a long document
 * parsed in chunks gives the tree a whole parse gives. Fixed seed;
 * POSTMORTEM_FC_RUNS and POSTMORTEM_FC_SEED as in properties.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, analyzeIncremental, changeBetween, LineIndex, reparse, timelineOf } from '../../server/src/core';
import { parseDocument } from '../../server/src/core/chunks';
import { parseMarkdown } from '../../server/src/core/parse';
import { configOf } from '../helpers';

const runs = Number(process.env.POSTMORTEM_FC_RUNS ?? 400);
const seed = Number(process.env.POSTMORTEM_FC_SEED ?? 20261121);
const options = { config: configOf(), path: '/repo/postmortems/edited.md', force: true };

const text = fc.constantFrom('the database', 'error rate **above** 5%', 'rolled back `v2`', 'see www.example.com', '@alice', 'human error', 'TODO', 'a  ', '*open', '_x_');
const time = fc.constantFrom('10:30 PM', '22:30', '03:00 UTC', '**03:00 UTC**', '[08:47]', 'May 3, 2024 14:00', '25:00');
const heading = fc.constantFrom('Summary', 'Timeline (all times UTC)', 'Root Cause', 'Resolution', 'Action Items', 'Impact', 'Notes');
const rows = (n: number) => fc.array(fc.tuple(time, text), { minLength: 0, maxLength: n });

/** Blocks, each a few whole lines; joined with zero, one or two line breaks between them. */
const block = fc.oneof(
  heading.map((h) => `## ${h}`),
  heading.map((h) => `**${h}**`),
  fc.tuple(heading, fc.constantFrom('===', '---')).map(([h, u]) => `${h}\n${u}`),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.constantFrom('-', '*', '+', '1.', '2)'), rows(8), fc.boolean()).map(([marker, items, loose]) =>
    items.map(([t, s]) => `${marker} ${t}: ${s}`).join(loose ? '\n\n' : '\n'),
  ),
  rows(4).map((items) => items.map(([t, s]) => `- ${t}: ${s}\n  - nested ${s}\n    continued`).join('\n')),
  fc.constant('- [ ] task @bob\n- [x] done'),
  fc.tuple(rows(8), fc.boolean()).map(([items, extra]) => ['| Time | Event |', '|---|:--|', ...items.map(([t, s]) => `| ${t} | ${s} |${extra ? ' more |' : ''}`)].join('\n')),
  rows(6).map((items) => items.map(([t, s]) => `${t}: ${s}`).join('\n')),
  fc.constantFrom('```\ncode\n\n# not a heading\n```', '~~~js\nx\n~~~', '```\nunclosed', '    indented code\n\n    more'),
  fc.constantFrom('<div>\nhtml\n</div>', '<!-- comment\n\nstill comment -->', '<script>\nx\n</script>', '<details>'),
  fc.constantFrom('> quoted\nlazy line', '> - quoted item\n>   more', '***', '---', '- - -'),
  fc.constantFrom('[ref]: https://example.com', 'see [ref] and [^1]', '[^1]: a footnote'),
  // Definitions and references, and `]:` text that is no definition (log lines, bracketed times).
  fc.constantFrom('[runbook]: https://example.com/rb', '[Pool Doc]: <https://example.com/p> "Pool"', 'see [runbook], [Runbook][] and [the pool][pool doc]', '- [12:30]: rollback started\n- [12:41 UTC]: see [runbook]', '[12:30]: rollback of [ref]', 'nginx[31101]: upstream timed out', '`db-1 postgres[77]: FATAL`', '> [quoted]: /q\n> [quoted]', '[^2]: note two\n\n    more of it', 'calls [^2] and [^1] and [quoted]', '[multi]:\n/url\n"title"', '- [item]: /in-list\n- [item]'),
  fc.constantFrom('-\n  after an empty item', '3. three\n4. four', '- a\n+ b\n* c', '1. a\n1) b', '- a\nlazy\n  - b\n\n    para in b', '- ```\n  code in item\n  ```', '<custom-tag>\ntext', '<pre>\n\nx\n</pre>', 'a | b\n--|--\nc | d', 'text\n| a |\n|---|', '\t- tabbed\n\tcode?', '> 1. quoted list\n> 2. more\nlazy', 'Setext\n---\n- after'),
  // A postmortem written as fields (a Timeline field over nested entries), and an HTML heading's block swallowing bullets.
  rows(4).map((items) => ['- **Summary:** the cache failed', '- **Timeline:**', ...items.map(([t, s]) => `  - ${t} ${s}`), '- **Action items:**', '  - fix it @bob'].join('\n')),
  rows(4).map((items) => ['<h3>Timeline</h3>', ...items.map(([t, s]) => `- ${t}: ${s}`)].join('\n')),
  fc.constant(''),
);
const separator = fc.constantFrom('\n', '\n\n', '\n\n\n');
const frontMatter = fc.constantFrom('', '---\ntype: postmortem\ntimezone: UTC\n---\n', '---\nprofile: alx\n---\n');
const blocks = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, separator), { maxLength: 14 }))
  .map(([fm, parts]) => fm + parts.map(([b, s]) => b + s).join(''));
/** Line soup: any line next to any other, indented or not. */
const soup = fc
  .array(fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '\t'), fc.oneof(block.map((b) => b.split('\n')[0]), fc.constantFrom('', '-', '1.', '>', '|', '```', '---', '==='))), { maxLength: 30 })
  .map((lines) => lines.map(([indent, line]) => indent + line).join('\n'));
const documentArb = fc.tuple(fc.oneof(blocks, blocks, soup), fc.boolean()).map(([body, crlf]) => (crlf ? body.replace(/\n/g, '\r\n') : body));

/** What an edit inserts: characters and lines that change how Markdown reads. */
const insert = fc.oneof(
  fc.constantFrom('x', ' ', '\n', '\n\n', '- ', '* ', '1. ', '2) ', '-\n', '  ', '|', '| a | b |', '|---|---|', '```', '~~~', '> ', '# ', '#', '===', '---', '    ', '\t', '<div>', '-->', '<!--', '**', '_', '`', '[', ']', ']:', '\r\n', '\r', '\uFEFF', '10:45 UTC ', '- 11:00: late entry\n'),
  fc.constantFrom('[runbook]: /x\n', '[ref]: /r\n\n', '[runbook]', '[pool doc]', '[12:30]: ', 'nginx[1]: ', '[^1]', '[^2]: n\n', ']: /u', '[a]:', 'run'),
  text,
  // A postmortem written as fields (a Timeline field over nested entries), and an HTML heading's block swallowing bullets.
  rows(4).map((items) => ['- **Summary:** the cache failed', '- **Timeline:**', ...items.map(([t, s]) => `  - ${t} ${s}`), '- **Action items:**', '  - fix it @bob'].join('\n')),
  rows(4).map((items) => ['<h3>Timeline</h3>', ...items.map(([t, s]) => `- ${t}: ${s}`)].join('\n')),
  fc.constant(''),
);
const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert, toLineStart: fc.boolean() });
type EditSpec = { at: number; remove: number; insert: string; toLineStart: boolean };

function applyEdit(source: string, edit: EditSpec): string {
  let at = edit.at % (source.length + 1);
  if (edit.toLineStart) at = source.lastIndexOf('\n', at - 1) + 1;
  return source.slice(0, at) + edit.insert + source.slice(Math.min(source.length, at + edit.remove));
}

describe('incremental parsing and analysis', () => {
  it('re-parses chains of random edits into the tree a full parse gives', () => {
    fc.assert(
      fc.property(documentArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (source, edits) => {
        let previous = { text: source, tree: parseMarkdown(source), index: new LineIndex(source) };
        for (const edit of edits) {
          const next = applyEdit(previous.text, edit);
          const tree = reparse(previous, next);
          assert.deepStrictEqual(tree, parseMarkdown(next), `after editing ${JSON.stringify(previous.text)} into ${JSON.stringify(next)}`);
          previous = { text: next, tree, index: new LineIndex(next) };
        }
      }),
      { seed, numRuns: runs },
    );
  });

  it('parses long documents in chunks into the tree a whole parse gives', () => {
    fc.assert(
      fc.property(documentArb, fc.integer({ min: 8, max: 300 }), (source, chunkSize) => {
        assert.deepStrictEqual(parseDocument(source, chunkSize), parseMarkdown(source), `in chunks of ${chunkSize}: ${JSON.stringify(source)}`);
      }),
      { seed, numRuns: runs },
    );
  });

  it('gives the model and findings a full analysis gives', () => {
    fc.assert(
      fc.property(documentArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (source, edits) => {
        let analysis = analyze(source, options);
        for (const edit of edits) {
          const next = applyEdit(analysis.model.text, edit);
          analysis = analyzeIncremental(analysis, next, options);
          const full = analyze(next, options);
          assert.deepStrictEqual(analysis.findings, full.findings);
          assert.deepStrictEqual(analysis.model, full.model);
          // The timeline too (its entries are read from blocks memoised across versions).
          assert.deepStrictEqual(timelineOf(analysis.model, options.config), timelineOf(full.model, options.config));
          assert.equal(analysis.isPostmortem, full.isPostmortem);
        }
      }),
      { seed: seed + 1, numRuns: Math.ceil(runs / 4) },
    );
  });

  it('re-parses only a window of a long timeline (list items, table rows) and reuses the rest', () => {
    const entries = Array.from({ length: 400 }, (_, i) => `${String(10 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | event ${i}`);
    for (const timeline of [entries.map((e) => `- ${e}`).join('\n'), ['| Time | Event |', '|---|---|', ...entries.map((e) => `| ${e} |`)].join('\n')]) {
      const source = `# Incident\n\n## Summary\n\nText.\n\n## Timeline\n\n${timeline}\n\n## Root Cause\n\nMore text.\n`;
      const tree = parseMarkdown(source);
      const at = source.indexOf('event 200') + 5;
      const next = source.slice(0, at) + 'x' + source.slice(at);
      const reparsed = reparse({ text: source, tree, index: new LineIndex(source) }, next);
      assert.deepStrictEqual(reparsed, parseMarkdown(next));
      // Blocks before the edit are the same objects; the container is rebuilt around its re-parsed window.
      assert.equal(reparsed.children[0], tree.children[0]);
      const container = tree.children.findIndex((node) => node.type === 'list' || node.type === 'table');
      const before = (tree.children[container] as { children: unknown[] }).children;
      const after = (reparsed.children[container] as { children: unknown[] }).children;
      assert.equal(after[50], before[50], 'an item far above the edit is reused as it was');
    }
  });

  it('re-parses a window of a document with definitions and `]:` lines, and reuses the rest', () => {
    const entries = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `nginx[${31000 + i}]: upstream timed out, see [runbook]` : `[${String(10 + (i % 12))}:${String(i % 60).padStart(2, '0')}]: event ${i} [pool doc]`));
    const source = `# Incident\n\nSee [runbook] and [^1].\n\n## Timeline\n\n${entries.join('\n\n')}\n\n[runbook]: https://example.com/rb\n[Pool Doc]: /pool\n\n[^1]: a note\n`;
    const tree = parseMarkdown(source);
    for (const [from, to] of [['event 151', 'event 1x51'], ['timed out', 'timed  out'], ['[runbook]: https', '[runbook]: http'], ['[Pool Doc]', '[Pool Docs]'], ['a note', 'a note\n\n[new]: /n']]) {
      const at = source.lastIndexOf(from);
      assert.ok(at > 0);
      const next = source.slice(0, at) + to + source.slice(at + from.length);
      const reparsed = reparse({ text: source, tree, index: new LineIndex(source) }, next);
      assert.deepStrictEqual(reparsed, parseMarkdown(next), `${from} → ${to}`);
      // An edit that keeps every definition label reuses the blocks above it as they were.
      const keeps = !to.includes('[Pool Docs]') && !to.includes('[new]');
      assert.equal(reparsed.children[2] === tree.children[2], keeps, `${from} → ${to}: reused`);
    }
  });

  it('finds the one change between two texts', () => {
    assert.deepStrictEqual(changeBetween('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
    assert.deepStrictEqual(changeBetween('aaaa', 'aaaaa'), { start: 4, end: 4, text: 'a' });
    assert.deepStrictEqual(changeBetween('same', 'same'), { start: 4, end: 4, text: '' });
    const long = 'x'.repeat(5000);
    assert.deepStrictEqual(changeBetween(`${long}a${long}`, `${long}${long}`), { start: 5000, end: 5001, text: '' });
  });
});
