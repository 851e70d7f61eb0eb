/**
 * Regressions for what the property tests (./properties.test.ts) found: each case is the
 * shrunk counterexample, or a smaller document with the same fault, and says what went wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, fixAll, LineIndex, selectFixes } from '../../server/src/core';
import { configOf, lint, md } from '../helpers';
import { assertFixesAreLocal, assertRangesInside } from './fixChecks';

const options = { config: configOf(), path: '/work/postmortems/regression.md', force: true };
const fixed = (text: string) => fixAll(text, options);

describe('line breaks: a lone CR is a line break, as in LSP and the parser', () => {
  it('indexes lines split by \\r, \\n and \\r\\n alike', () => {
    const index = new LineIndex('a\rb\r\nc\nd\r');
    assert.equal(index.lineCount, 5);
    assert.deepEqual([0, 1, 2, 3, 4].map((line) => index.lineAt(line).text), ['a', 'b', 'c', 'd', '']);
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 4, character: 0 });
    assert.equal(index.offsetAt({ line: 1, character: 9 }), 3);
    assert.equal(new LineIndex('a\rb').eol, '\r');
    assert.equal(new LineIndex('a\r\nb\rc').eol, '\r\n');
  });

  it('gives an insertion at the end of a document ending in a lone CR a position that exists', () => {
    // Was {line: 11, character: 1}: past the end of a line the editor sees as empty.
    const text = '---\nprofile: google-sre\r\ntimezone: UTC\n---\r\n\n# API outage on 2024-03-02\r\n\n## Summary\r\n\n\r\n\n\r';
    const analysis = analyze(text, options);
    assertRangesInside(analysis, text);
    assertFixesAreLocal(analysis, text);
  });

  it('reads the sections of a document whose lines break at a lone CR', () => {
    // Sections began at the next \n, the end of such a document: every section was "empty".
    const text = '# Outage\r\r## Summary\r\rAll users saw errors.\r\r## Timeline\r\r- 10:00 UTC: errors\r';
    assert.deepEqual(lint(text).findings.filter((f) => f.ruleId === 'empty-section'), []);
  });

  it('writes fixes with the document\'s own line break', () => {
    const text = '# Outage\r\r## Summary\r\rAll users saw errors.\r';
    const out = fixed(text).text;
    assert.ok(out.length > text.length);
    assert.ok(!out.includes('\n'), JSON.stringify(out));
  });
});

describe('fixing all: whole fixes, in an order that settles', () => {
  it('converts a time and the entries that carry its zone together, or not at all', () => {
    // The sort of the second list used to win over the conversion's edits inside it: "10:00 PST" became
    // "18:00 UTC" and the entries carrying PST were left as they were, now read as UTC (8 hours off).
    const text = md('# Outage', '', '## Timeline (UTC)', '', '- 10:00 PST: deploy', '', 'Then:', '', '- 10:30 alert', '- 10:20 page');
    const out = fixed(text).text;
    assert.match(out, /- 18:00 UTC: deploy\n\nThen:\n\n- 18:20 page\n- 18:30 alert\n/);
  });

  it('picks non-overlapping whole fixes, the zone conversion before the AM/PM guess on the same time', () => {
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '| Time (UTC) | Event |', '|---|---|', '| 2024-03-02 10:30 PM UTC | a |', '| 2024-03-02 10:30 PM Europe/Paris | b |');
    const findings = analyze(text, options).findings;
    const picked = selectFixes(text, findings).map((fix) => fix.title);
    assert.ok(picked.some((title) => title.startsWith('Convert to UTC')), picked.join('; '));
    assert.ok(!picked.some((title) => title.startsWith('Change 10:30 PM')), picked.join('; '));
    const result = fixed(text);
    assert.ok(result.passes <= 2, `${result.passes} passes`);
    assert.equal(fixed(result.text).text, result.text);
  });

  it('does not sort an undated entry away from the dated entry it takes its day from', () => {
    // Sorting moved "03:00" above "2024-01-01 3:30 AM": it then read the title's date and was
    // later again, so every pass swapped the two rows back (fixAll ran out of passes).
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '| Time (UTC) | Event |', '|---|---|', '| 2024-01-01 3:30 AM UTC | a |', '| 03:00 UTC | b |');
    const order = lint(text).findings.filter((f) => f.ruleId === 'timeline-order');
    assert.equal(order.length, 1);
    assert.deepEqual(order[0].fixes, []);
    const result = fixed(text);
    assert.ok(result.passes <= 1, `${result.passes} passes`);
  });

  it('suggests the other half of the day only when it puts a dated entry in order on its own date', () => {
    // "8:00 PM" on 2024-03-02 after 2024-03-03 6:30 AM: "8:00 AM" on the same date is still earlier.
    const text = md('# Outage', '', '## Timeline (UTC)', '', '- 2024-03-03 6:30 AM: a', '- 2024-03-02 8:00 PM: b');
    const [order] = lint(text).findings.filter((f) => f.ruleId === 'timeline-order');
    assert.doesNotMatch(order.message, /Did you mean/);
    assert.deepEqual(order.fixes.map((fix) => fix.title), ['Sort the timeline entries by time']);
  });

  it('inserts a missing section no shallower than the section it lands above', () => {
    // "# Summary" above "## Timeline" made the Timeline a subsection of the Summary; the next pass added a second Timeline.
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '- 14:00 UTC: deploy', '', '# Root Causes', '', 'A bad config.');
    const out = fixed(text);
    assert.match(out.text, /^## Summary\n\nTODO/m);
    assert.equal(out.text.match(/Timeline/g)?.length, 1);
    assert.ok(out.passes <= 1);
  });

  it('converts both ends of a Summary range that share one zone', () => {
    // "From 14:00 to 14:30 UTC-03:00" became "From 14:00 to 17:30 UTC": the start, which took its zone
    // from the end, silently moved three hours.
    const summary = (range: string) => md('# Outage', '', '## Summary', '', `${range} on 2024-03-02, 30% of users saw errors.`, '', '## Timeline (UTC)', '', '- 17:00 deploy', '- 17:30 fixed');
    assert.match(fixed(summary('From 14:00 to 14:30 UTC-03:00')).text, /From 17:00 to 17:30 UTC on 2024-03-02/);
    assert.match(fixed(summary('From 14:00 UTC-03:00 to 14:30')).text, /From 17:00 UTC to 17:30 on 2024-03-02/);
    const overnight = md('# Outage', '', '## Summary', '', 'From 11:45 PM to 1:30 AM PST on March 2, 2024, 30% of users saw errors.', '', '## Timeline (UTC)', '', '- 07:45 deploy', '- 09:30 fixed');
    assert.match(fixed(overnight).text, /From 7:45 AM to 9:30 AM UTC on March 3, 2024/);
  });
});

describe('pseudo-headings', () => {
  it('converts "# Summary" after a no-break space into a heading, in one pass', () => {
    // The no-break space stayed in front of the new "## # Summary": never a heading, so every pass added "## ".
    const text = md('# Outage', '', '## Timeline', '', '- 10:00 UTC: start', '', '\u00a0# Summary (UTC)', '', 'All users saw errors.', '', '\u3000Root cause:', '', 'A bad deploy.');
    const [summary, root] = lint(text).findings.filter((f) => f.ruleId === 'pseudo-heading');
    assert.deepEqual(summary.fixes[0].edits[0], { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 16 } }, newText: '## Summary (UTC)' });
    assert.equal(root.fixes[0].edits[0].newText, '## Root cause');
    const out = fixed(text);
    assert.equal(out.passes, 1);
    assert.match(out.text, /^## Summary \(UTC\)\n\nAll users/m);
  });
});
