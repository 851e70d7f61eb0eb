/**
 * Regressions for what the property tests (./properties.test.ts) found: each case is the
 * shrunk counterexample, or a smaller document with the same fault, and says what went wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, defaultConfig, fixAll, timelineOf, LineIndex, matchesInclude, RULE_IDS, RULES, selectFixes, validateConfig, type Rule } from '../../server/src/core';
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

/** The text with the first fix of the rule's first finding applied (the quick fix the writer picks). */
function quickFixed(text: string, ruleId: string): string {
  const finding = lint(text).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding?.fixes[0], `no ${ruleId} fix`);
  return applyEdits(text, finding.fixes[0].edits);
}

describe('fixing: whole fixes, in an order that settles, the facts left to the writer', () => {
  it('converts a time and the entries that carry its zone in one quick fix, and fix all leaves them', () => {
    // The sort of the second list used to win over the conversion's edits inside it: "10:00 PST" became
    // "18:00 UTC" and the entries carrying PST were left as they were, now read as UTC (8 hours off).
    const text = md('# Outage', '', '## Timeline (UTC)', '', '- 10:00 PST: deploy', '', 'Then:', '', '- 10:30 alert', '- 10:20 page');
    assert.match(quickFixed(text, 'timezone-mixed'), /- 18:00 UTC: deploy\n\nThen:\n\n- 18:30 alert\n- 18:20 page\n/);
    assert.match(fixed(text).text, /- 10:00 PST: deploy\n\nThen:\n\n- 10:30 alert\n- 10:20 page\n/);
  });

  it('labels a carried time converted across a DST change with its own abbreviation', () => {
    // The carried August time was left carrying "PST": timezone-dst then asked for PDT.
    const text = md('# Outage on 2024-03-02', '', '## Timeline (PST)', '', '- 10:30 PM UTC: a', '- August 4, 2023 3:00 PM: b');
    const out = quickFixed(text, 'timezone-mixed');
    assert.match(out, /^- 2:30 PM PST: a\n- August 4, 2023 8:00 AM PDT: b$/m);
    assert.deepEqual(lint(out).findings.filter((f) => f.ruleId.startsWith('timezone-')), []);
  });

  it('offers no conversion of an undated time that would land on another day', () => {
    // "03:00 UTC" read on March 10 became "21:00 CST", which reads as March 10 too: a day (and a DST change) later.
    const text = md('# Outage', '', '## Timeline', '', '| Time (CST) | Event |', '|---|---|', '| 2024-03-10 01:30 CST | a |', '| 03:00 UTC | b |');
    const [mixed] = lint(text).findings.filter((f) => f.ruleId === 'timezone-mixed');
    assert.match(mixed.message, /03:00 UTC/);
    // Out of order as read, in place as 03:00 in the table's zone: a slip of the label is offered, no conversion.
    assert.deepEqual(mixed.fixes.map((fix) => fix.title), ['Change 03:00 UTC to 03:00 CDT']);
    const dated = md('# Outage', '', '## Timeline', '', '| Time (CST) | Event |', '|---|---|', '| 2024-03-09 20:30 CST | a |', '| 2024-03-10 03:00 UTC | b |');
    assert.match(quickFixed(dated, 'timezone-mixed'), /\| 2024-03-09 21:00 CST \| b \|/);
  });

  it('offers no conversion that changes a written date the undated entries below read their day from', () => {
    // "2024-03-10 02:30 IST" became "2024-03-09 21:00 UTC", and "12:00 UTC" under it moved from March 10 to March 9.
    const text = md('# Outage', '', '## Timeline', '', '| Time (UTC) | Event |', '|---|---|', '| 2024-03-10 02:30 IST | a |', '| 12:00 UTC | b |');
    const [mixed] = lint(text).findings.filter((f) => f.ruleId === 'timezone-mixed');
    assert.deepEqual(mixed.fixes, []);
    const dated = text.replace('| 12:00 UTC |', '| 2024-03-10 12:00 UTC |');
    assert.match(quickFixed(dated, 'timezone-mixed'), /\| 2024-03-09 21:00 UTC \| a \|\n\| 2024-03-10 12:00 UTC \| b \|/);
  });

  it('applies neither the zone conversion nor the sort of one time: both are offered, the writer picks', () => {
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '| Time (UTC) | Event |', '|---|---|', '| 2024-03-02 10:30 PM UTC | a |', '| 2024-03-02 10:30 PM Europe/Paris | b |');
    const findings = analyze(text, options).findings;
    const offered = findings.flatMap((f) => f.fixes.map((fix) => fix.title));
    assert.ok(offered.some((title) => title.startsWith('Convert to UTC')) && offered.some((title) => title.startsWith('Sort')), offered.join('; '));
    const picked = selectFixes(text, findings).map((fix) => fix.title);
    assert.deepEqual(picked.filter((title) => !title.startsWith('Insert')), []);
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

  it('suggests no AM/PM flip that would put the entry after the next one', () => {
    // "9:00 AM" after "10:00 AM" was flipped to "9:00 PM": then "2:30 PM" was out of order and
    // flipped to "2:30 AM", one pass after another. Sorting is the fix.
    const text = md('# Outage', '', '## Timeline (UTC)', '', '- 10:00 AM: a', '- 9:00 AM: b', '- 2:30 PM: c');
    const [order] = lint(text).findings.filter((f) => f.ruleId === 'timeline-order');
    assert.doesNotMatch(order.message, /Did you mean/);
    assert.deepEqual(order.fixes.map((fix) => fix.title), ['Sort the timeline entries by time']);
    assert.match(quickFixed(text, 'timeline-order'), /- 9:00 AM: b\n- 10:00 AM: a\n- 2:30 PM: c/);
  });

  it('inserts missing sections before an HTML block that runs to the end of the document', () => {
    // After "<?" (a processing instruction never closed) every appended section was swallowed: ten passes, each adding more.
    for (const tail of ['<?', '<script>\nvar a = 1;', '<![CDATA[ x', '<!DOCTYPE', '<!-- notes']) {
      const text = md('# Outage', '', '## Timeline', '', '- 10:00 UTC: start', '', tail);
      const out = fixed(text);
      assert.equal(out.passes, 1, tail);
      assert.deepEqual(lint(out.text).findings.filter((f) => f.ruleId === 'missing-section'), [], tail);
      assert.ok(out.text.trimEnd().endsWith(tail.split('\n').pop()!), tail);
    }
  });

  it('inserts missing sections after an HTML heading whose text runs to the end, in profile order', () => {
    // `<h3>Root Cause</h3>` with its text under it is one HTML block that a blank line ends: the sections after it go after it.
    const text = md('# Outage', '', '## Summary', '', 'Checkout failed for 30% of users.', '', '## Timeline', '', '- 10:00 UTC: start', '', '<h3>Root Cause</h3>', 'A bad config.');
    const out = fixed(text);
    assert.equal(out.passes, 1);
    assert.match(out.text, /<h3>Root Cause<\/h3>\nA bad config\.\n\n## Resolution\n\nTODO[^\n]*\n\n## Action Items\n/);
  });

  it('inserts a missing section no shallower than the section it lands above', () => {
    // "# Summary" above "## Timeline" made the Timeline a subsection of the Summary; the next pass added a second Timeline.
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '- 14:00 UTC: deploy', '', '# Root Causes', '', 'A bad config.');
    const out = fixed(text);
    assert.match(out.text, /^## Summary\n\nTODO/m);
    assert.equal(out.text.match(/Timeline/g)?.length, 1);
    assert.ok(out.passes <= 1);
  });

  it('takes the timeline\'s common zone from the entries it governs, so converting a table to its own zone changes nothing else', () => {
    // The table's UTC rows voted for UTC; once converted to the table's PST they voted PST and the
    // next pass converted the list too: every pass could call for another.
    const text = md('# Outage', '', '## Timeline', '', '- 2024-03-02 10:00 UTC: deploy', '', '| Time (PST) | Event |', '|---|---|', '| 2024-03-02 18:30 UTC | a |', '| 2024-03-02 18:40 UTC | b |', '| 2024-03-02 18:50 UTC | c |');
    const mixed = lint(text).findings.filter((f) => f.ruleId === 'timezone-mixed');
    const out = applyEdits(text, mixed.flatMap((f) => f.fixes[0].edits));
    assert.match(out, /^- 2024-03-02 10:00 UTC: deploy$/m);
    assert.match(out, /^\| 2024-03-02 10:30 PST \| a \|$/m);
    assert.deepEqual(lint(out).findings.filter((f) => f.ruleId === 'timezone-mixed'), []);
  });

  it('declares on a heading the zone its own zoned times are in, not another section\'s', () => {
    // Declaring the Summary's PST on "Timeline" put its "10:40 PM UTC" at odds with its heading:
    // the next pass converted it, the one after flipped its AM/PM.
    const text = md('# Outage', '', '## Summary', '', 'From 2:00 PM to 3:00 PM PST on 2024-03-02, 5% of users saw errors.', '', '## Timeline', '', '- 10:00 PM: first', '- 10:40 PM UTC: second');
    const [missing] = lint(text).findings.filter((f) => f.ruleId === 'timezone-missing');
    assert.equal(missing.fixes[0].title, 'Declare the timezone on the heading: "UTC" (the zone of the other times here)');
    const out = fixed(text);
    assert.equal(out.passes, 1);
    assert.match(out.text, /^## Timeline \(UTC\)\n\n- 10:00 PM: first\n- 10:40 PM UTC: second$/m);
  });

  it('declares on a heading the zone the timeline is converted to, not one another section uses', () => {
    // "(UTC)" from the second Timeline was declared while timezone-mixed converted to EST, the
    // zone most entries are in: the next pass converted everything again (found by a long run).
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '- 2024-03-02 3:00 PM: a', '- 2024-03-02 03:00 EST: b', '- 12:00 AM CST: c', '', '## Timeline of events', '', '10:30 PM UTC', '');
    const findings = lint(text).findings;
    const declare = findings.find((f) => f.ruleId === 'timezone-missing')!.fixes[0];
    const convert = findings.find((f) => f.ruleId === 'timezone-mixed')!.fixes[0];
    assert.match(declare.title, /"EST"/);
    assert.match(convert.title, /^Convert to EST/);
    assert.ok(fixed(text).passes <= 2);
  });

  it('leaves the fixes under a heading that gets a zone to the next pass, judged on the new reading', () => {
    // The AM/PM flip of "12:00 AM CST" was picked with "(CST)" declared on the heading; under the
    // zone, the next pass flipped it back (found by a long run).
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '- [ ] the August 4, 2023 3:00 PM', '- [ ] 3/2 1000Z UTC-03:00', '- [ ] 12:00 AM CST', '');
    const titles = selectFixes(text, lint(text).findings).map((fix) => fix.title);
    assert.ok(titles.some((title) => title.startsWith('Declare the timezone on the heading: "CST"')), titles.join('; '));
    assert.ok(!titles.some((title) => title.startsWith('Change 12:00 AM')), titles.join('; '));
    const out = fixed(text);
    assert.ok(out.passes <= 2, `${out.passes} passes`);
    assert.match(out.text, /^- \[ \] 12:00 AM CST$/m);
  });

  it('corrects AM/PM and sorts in one fix when the correction alone leaves the entries out of order', () => {
    // The correction went in one pass and the sort it still needed in the next: with a zone
    // declared first, fix all took three passes (found by a long run).
    const text = md('# API outage on 2024-03-02', '', '## Timeline (UTC)', '', '- [ ] `10:00`', '- [ ] 3/2 1000Z UTC-03:00', '- [ ] 12:00 AM UTC', '');
    const order = lint(text).findings.filter((f) => f.ruleId === 'timeline-order');
    const combined = order.flatMap((f) => f.fixes).find((fix) => fix.title === 'Sort the timeline entries by time, correcting 12:00 AM → 12:00 PM');
    assert.ok(combined, order.flatMap((f) => f.fixes.map((fix) => fix.title)).join('; '));
    assert.match(applyEdits(text, combined.edits), /- \[ \] 3\/2 1000Z UTC-03:00\n- \[ \] `10:00`\n- \[ \] 12:00 PM UTC/);
  });

  it('declares a zone on a setext heading with old-Mac line breaks on its text, not its underline', () => {
    // " (UTC)" went after "---", which then underlined nothing: the heading became a paragraph (found by a long run).
    const text = '# API outage on 2024-03-02\r\rTimeline\r---\r\r- 14:00: alert\r- 14:30 UTC: fixed\r';
    const declare = lint(text).findings.find((f) => f.ruleId === 'timezone-missing')!.fixes[0];
    assert.match(applyEdits(text, declare.edits), /\rTimeline \(UTC\)\r---\r/);
  });

  it('leaves every order fix to the writer, whatever the timeline around it (fix all moves and corrects nothing)', () => {
    // Fix all used to pick an order fix, and each of these made it go round: a correction judged
    // against the list above a quote, one that stopped "00:15" rolling over, one made before a
    // conversion it allowed (found by long runs).
    const timelines = [
      ['## Timeline (UTC)', '', '- 2024-03-02 13:00: a', '> quoted', '- 2023-08-04 11:00: b', '', '- 2024-03-02 7:00 AM: c', '', '- 2023-08-04 11:00: d'],
      ['## Timeline', '', '- 19:00 PST: a', '- 12:00 PM PST: b', '- 10:00:59 PST: c', '- 00:15 PST: d'],
      ['## Timeline (PST)', '', '- 2024-03-01 10:00 PM PST: a', '- 2024-03-02 12:00 AM UTC: b', '- 2024-03-01 10:30 PM PST: c'],
    ];
    for (const lines of timelines) {
      const text = md('# API outage on 2024-03-02', '', ...lines, '');
      assert.ok(lint(text).findings.some((f) => f.ruleId === 'timeline-order' && f.fixes.length > 0), lines.join('\n'));
      assert.ok(fixed(text).text.includes(lines.join('\n')), lines.join('\n'));
    }
  });

  it('reads no date in the year 1000: "Mar 2 1000Z" is a date and a time', () => {
    // Read as March 2 of the year 1000, London kept local mean time (−0:01:15): each pass of
    // fix all converted "10:30 PM UTC" two minutes earlier (found by a long run).
    const text = md('# API outage on 2024-03-02', '', '## Timeline', '', '| Time (BST) | Event |', '|---|---|', '| Mar 2 1000Z UTC | a |', '| 10:30 PM UTC | b |', '');
    assert.ok(fixed(text).passes <= 2);
    assert.equal(timelineOf(lint(text).model, configOf()).entries.every((e) => e.date === null || e.date.year >= 1900), true);
  });

  it('offers no conversion that an offset after the time would read as part of the new zone', () => {
    // "14:30 PST +00:15" became "22:30 UTC +00:15", read as UTC+00:15 and converted again (found by a long run).
    const text = md('# Outage on 2024-03-02', '', '## Timeline (UTC)', '', '- 2024-03-02 22:00 UTC: a', '- 2024-03-02 14:30 PST +00:15: b', '');
    const mixed = lint(text).findings.find((f) => f.ruleId === 'timezone-mixed');
    assert.ok(mixed, 'the mixed zone is still reported');
    assert.deepEqual(mixed.fixes, []);
    assert.ok(fixed(text).passes <= 1);
  });

  it('offers no abbreviation fix that an offset after it would read as part of the new zone', () => {
    // "BST +00:15" became "GMT +00:15", read as UTC+00:15: every time after it moved (found by a long run).
    const text = md('# Outage', '', '## Timeline', '', '- 2024-03-02 10:30 PM BST +00:15: a', '');
    const dst = lint(text).findings.find((f) => f.ruleId === 'timezone-dst');
    assert.ok(dst, 'the wrong abbreviation is still reported');
    assert.deepEqual(dst.fixes, []);
  });

  it('declares a zone on a heading with the abbreviation right for the times that read it', () => {
    // "(CST)" was declared for an August time (the label of another entry's date): the next pass's timezone-dst asked for CDT.
    const summer = md('# Outage', '', '## Timeline', '', '- August 4, 2023 3:00 PM: a', '- 2024-03-02 10:30 PM CST: b');
    const [missing] = lint(summer).findings.filter((f) => f.ruleId === 'timezone-missing');
    assert.equal(missing.fixes[0].edits[0].newText, ' (CDT)');
    assert.deepEqual(lint(fixed(summer).text).findings.filter((f) => f.ruleId === 'timezone-dst'), []);
    const both = md('# Outage', '', '## Timeline', '', '- August 4, 2023 3:00 PM: a', '- January 5, 2024 3:00 PM: b', '- 2024-03-02 10:30 PM CST: c');
    assert.equal(lint(both).findings.find((f) => f.ruleId === 'timezone-missing')!.fixes[0].edits[0].newText, ' (America/Chicago)');
  });

  it('converts both ends of a Summary range that share one zone', () => {
    // "From 14:00 to 14:30 UTC-03:00" became "From 14:00 to 17:30 UTC": the start, which took its zone
    // from the end, silently moved three hours.
    const summary = (range: string) => md('# Outage', '', '## Summary', '', `${range} on 2024-03-02, 30% of users saw errors.`, '', '## Timeline (UTC)', '', '- 17:00 deploy', '- 17:30 fixed');
    assert.match(quickFixed(summary('From 14:00 to 14:30 UTC-03:00'), 'timezone-mixed'), /From 17:00 to 17:30 UTC on 2024-03-02/);
    assert.match(quickFixed(summary('From 14:00 UTC-03:00 to 14:30'), 'timezone-mixed'), /From 17:00 UTC to 17:30 on 2024-03-02/);
    const overnight = md('# Outage', '', '## Summary', '', 'From 11:45 PM to 1:30 AM PST on March 2, 2024, 30% of users saw errors.', '', '## Timeline (UTC)', '', '- 07:45 deploy', '- 09:30 fixed');
    assert.match(quickFixed(overnight, 'timezone-mixed'), /From 7:45 AM to 9:30 AM UTC on March 3, 2024/);
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

describe('rule isolation in the core', () => {
  const broken = (id: string, check: Rule['check']): Rule => ({ id, description: 'broken on purpose', defaultSeverity: 'error', tags: [], check });
  it('a rule that throws, throws a non-error or reports no place is a problem; the other rules still report', () => {
    const text = md('# Outage', '', '**Summary**', '', 'All users saw errors.', '', '## Timeline', '', '- 10:00 UTC: errors');
    const normal = analyze(text, options);
    const rules = [
      broken('throws', () => {
        throw new Error('boom');
      }),
      broken('throws-a-string', () => {
        throw 'not an error';
      }),
      broken('reports-nowhere', ({ report }) => report({ start: Number.NaN, end: 3, message: 'x' })),
      ...RULES,
    ];
    const analysis = analyze(text, { ...options, rules });
    assert.deepEqual(analysis.findings, normal.findings);
    assert.deepEqual(
      analysis.problems.map((p) => p.split(':')[0]),
      ['rule throws failed', 'rule throws-a-string failed', 'rule reports-nowhere failed'],
    );
    assert.match(analysis.problems[1], /not an error/);
  });
});

describe('configuration from a workspace is data that cannot hang the analysis', () => {
  it('refuses include globs that backtrack on long paths, and keeps the defaults', () => {
    // "*a*a*a*a*…*b" took minutes on one 60-character file name in picomatch's regular expression.
    for (const hostile of ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'x/**/a/**/a/**/a/**/a/**/*.md', '+(a|aa)*.md']) {
      const { patch, problems } = validateConfig({ include: [hostile] }, '.postmortemrc.json', RULE_IDS);
      assert.equal(patch.include, undefined, hostile);
      assert.match(problems[0].message, /"include" has a pattern too complex to match quickly/);
    }
    assert.deepEqual(validateConfig({ include: defaultConfig().include }, 'settings', RULE_IDS).problems, []);
    assert.deepEqual(validateConfig({ include: ['docs/**/*.md', '**/*-pm-*.md', '**/incidents/*/report.md'] }, 'settings', RULE_IDS).problems, []);
    assert.equal(matchesInclude(`/repo/${'a'.repeat(250)}/postmortems/x.md`, defaultConfig().include), true);
  });
});
