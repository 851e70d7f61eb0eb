/**
 * The core parses a text that cannot hold a GFM table without the table construct
 * (server/src/core/parse.ts): the tree must be the one the full processor gives. Random texts
 * over the characters that make tables, setext underlines, thematic breaks, lists, quotes and
 * code, with and without pipes and alignment colons. Fixed seed; POSTMORTEM_FC_RUNS and
 * POSTMORTEM_FC_SEED as in properties.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withFastAutolinkLiterals } from '../../server/src/core/autolinks';
import { DROPPED_CONSTRUCTS, parseFlat, parseMarkdown, parseWindow, withoutConstructs } from '../../server/src/core/parse';

const runs = Number(process.env.POSTMORTEM_FC_RUNS ?? 400);
const seed = Number(process.env.POSTMORTEM_FC_SEED ?? 20261121);

/** The core's processor with the table construct always on. */
const withTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutConstructs, DROPPED_CONSTRUCTS).use(withFastAutolinkLiterals).freeze();

const piece = fc.constantFrom('a', 'b c', '-', '--', '---', ':', ':-', '-:', '|', ' | ', '=', '*', '> ', '1. ', '- ', '```', '    ', '\t', '\n', '\n', '\r\n', '10:30', '# ', '[ ] ', '~');
const tableish = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('parsing without the table construct', () => {
  it('gives the tree of the full processor, with or without a table in the text', () => {
    fc.assert(
      fc.property(tableish, (text) => {
        assert.deepStrictEqual(parseMarkdown(text), withTables.parse(text));
      }),
      { seed, numRuns: runs * 10 },
    );
  });

  it('counts a leading byte order mark in the offsets, as the text has it', () => {
    // micromark skips the mark and counted every offset one short: ranges fell between \r and \n (found by a long run).
    const text = '\uFEFF\n# Outage\r\n\r\n## Summary\r\n';
    const [title, summary] = parseMarkdown(text).children;
    assert.deepEqual(title.position?.start, { line: 2, column: 1, offset: 2 });
    assert.equal(text.slice(summary.position!.start.offset, summary.position!.end.offset), '## Summary');
    assert.deepEqual(parseMarkdown('\uFEFF# Outage').children[0].position, { start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 10, offset: 9 } });
    assert.equal(parseFlat(text).children[1].position?.start.offset, 14);
  });

  it('still reads the tables a text has: with pipes, and with only an alignment colon', () => {
    assert.equal(parseMarkdown('| Time | Event |\n|---|---|\n| 10:00 | a |\n').children[0].type, 'table');
    assert.equal(parseMarkdown('Time\n-:\n10:00\n').children[0].type, 'table');
    assert.equal(parseWindow('Time | Event\n--- | ---\n').children[0].type, 'table');
    assert.equal(parseFlat('| a |\n| - |\n').children[0].type, 'table');
    // Without them, the same lines are a setext heading and a thematic break.
    assert.deepEqual(parseMarkdown('Time\n---\n\n***\n').children.map((node) => node.type), ['heading', 'thematicBreak']);
  });
});
