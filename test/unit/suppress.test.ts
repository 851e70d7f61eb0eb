/**
 * Suppression comments beyond the fixtures in test/fixtures/rules/suppression: where the
 * "Ignore RULE on this line / in this file" quick fixes write their comment (lists, tables,
 * headings, front matter), that applying one silences its finding and changes no other, and
 * that fix all never applies one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, fixAll, timelineOf, type Analysis, type Finding, type Fix } from '../../server/src/core';
import { configOf, lint, md } from '../helpers';

const fixtureRoot = join(__dirname, '..', 'fixtures', 'rules');

/** The finding of a rule on a 1-based line. */
function findingAt(analysis: Analysis, rule: string, line: number): Finding {
  const finding = analysis.findings.find((f) => f.ruleId === rule && f.range.start.line + 1 === line);
  assert.ok(finding, `no ${rule} on line ${line}: ${analysis.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).join(', ')}`);
  return finding;
}

function ignoreFix(finding: Finding, where: 'line' | 'file'): Fix | undefined {
  return finding.ignores?.find((fix) => fix.title === `Ignore ${finding.ruleId} ${where === 'line' ? 'on this line' : 'in this file'}`);
}

/** The text after the rule's finding on a line is ignored there (or in the file). */
function ignored(text: string, rule: string, line: number, where: 'line' | 'file' = 'line'): string {
  const fix = ignoreFix(findingAt(lint(text), rule, line), where);
  assert.ok(fix, `no "${where}" ignore fix`);
  return applyEdits(text, fix.edits);
}

const lines = (text: string) => text.split('\n');

const SECTIONS = ['## Root Cause', '', 'A config push.', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', '- [ ] Validate pushes (@ana)'];

describe('ignore fixes: where the comment goes', () => {
  it('at the end of a paragraph line', () => {
    const text = md('# Outage', '', '## Summary', '', 'On 2024-05-02 at 10:00 UTC, 30% of requests failed. It was human error.', '', '## Timeline', '', '- 10:00 UTC: errors', '', ...SECTIONS);
    const after = ignored(text, 'blameful-language', 5);
    assert.equal(lines(after)[4], 'On 2024-05-02 at 10:00 UTC, 30% of requests failed. It was human error. <!-- postmortem-disable-line blameful-language -->');
    assert.ok(!lint(after).findings.some((f) => f.ruleId === 'blameful-language'));
  });

  it('in a list, on the item line itself: never a line between an item and its continuation', () => {
    const timeline = ['- 10:00 UTC: deploy starts', '- 12:00 UTC: the operator forgot the flag', '  and the job failed for an hour.', '- 12:30 UTC: resolved'];
    const text = md('# Outage', '', '## Summary', '', '30% of requests failed.', '', '## Timeline', '', ...timeline, '', ...SECTIONS);
    for (const rule of ['timeline-gap', 'blameful-language']) {
      const after = ignored(text, rule, 10);
      assert.equal(lines(after)[9], `- 12:00 UTC: the operator forgot the flag <!-- postmortem-disable-line ${rule} -->`);
      assert.equal(lines(after)[10], '  and the job failed for an hour.');
      const analysis = lint(after);
      assert.ok(!analysis.findings.some((f) => f.ruleId === rule));
      assert.equal(timelineOf(analysis.model, configOf()).entries.length, 3, 'the list still holds every entry');
    }
  });

  it('in a table, inside the row’s last cell: never a line of its own', () => {
    const rows = ['| Time | Event |', '|---|---|', '| 10:00 UTC | deploy starts |', '| 12:00 UTC | the operator forgot the flag |', '| 12:30 UTC | resolved'];
    const text = md('# Outage', '', '## Summary', '', '30% of requests failed.', '', '## Timeline', '', ...rows, '', ...SECTIONS);
    const after = ignored(text, 'blameful-language', 12);
    assert.equal(lines(after)[11], '| 12:00 UTC | the operator forgot the flag <!-- postmortem-disable-line blameful-language --> |');
    const gap = ignored(text, 'timeline-gap', 12);
    assert.equal(lines(gap)[11], '| 12:00 UTC | the operator forgot the flag <!-- postmortem-disable-line timeline-gap --> |');
    for (const fixed of [after, gap]) assert.equal(timelineOf(lint(fixed).model, configOf()).entries.length, 3, 'the table still holds every row');
    // A row without its closing pipe gets the comment at its end, in the same last cell.
    const open = md('# Outage', '', '## Summary', '', '30% of requests failed.', '', '## Timeline', '', ...rows.slice(0, 3), '| 12:00 UTC | the operator forgot the flag', '', ...SECTIONS);
    assert.equal(lines(ignored(open, 'blameful-language', 12))[11], '| 12:00 UTC | the operator forgot the flag <!-- postmortem-disable-line blameful-language -->');
  });

  it('on the line above a heading or a pseudo-heading, whose text a comment would change', () => {
    const text = md('# Outage', '', '## Summary', '', '30% of requests failed.', '', '**Timeline**', '', '- 10:00 UTC: errors', '', '## Root Cause', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', '- [ ] Validate pushes (@ana)');
    const empty = ignored(text, 'empty-section', 11);
    assert.deepEqual(lines(empty).slice(10, 12), ['<!-- postmortem-disable-next-line empty-section -->', '## Root Cause']);
    const pseudo = ignored(text, 'pseudo-heading', 7);
    assert.deepEqual(lines(pseudo).slice(6, 8), ['<!-- postmortem-disable-next-line pseudo-heading -->', '**Timeline**']);
    // Still the Timeline section for every other rule, now without the pseudo-heading finding.
    assert.deepEqual(ruleLines(lint(pseudo)), ruleLines(lint(text)).filter((r) => r !== '7 pseudo-heading').map((r) => shift(r, 7, 1)));
  });

  it('in the file: after the front matter, in the document’s line breaks', () => {
    const text = md('---', 'type: postmortem', '---', '# Outage', '', '## Summary', '', 'It was human error.');
    assert.deepEqual(lines(ignored(text, 'blameful-language', 8, 'file')).slice(0, 5), ['---', 'type: postmortem', '---', '<!-- postmortem-disable-file blameful-language -->', '# Outage']);
    const crlf = text.replace(/\n/g, '\r\n');
    assert.ok(ignored(crlf, 'blameful-language', 8, 'file').startsWith('---\r\ntype: postmortem\r\n---\r\n<!-- postmortem-disable-file blameful-language -->\r\n# Outage'));
    const bare = md('# Outage', '', '## Summary', '', 'It was human error.');
    assert.equal(lines(ignored(bare, 'blameful-language', 5, 'file'))[0], '<!-- postmortem-disable-file blameful-language -->');
    assert.ok(ignored(`\uFEFF${bare}`, 'blameful-language', 5, 'file').startsWith('\uFEFF<!-- postmortem-disable-file'), 'after a byte order mark');
  });

  it('adds the rule to a comment already there rather than writing a second one', () => {
    const text = md('<!-- postmortem-disable-file timeline-gap -->', '# Outage', '', '## Summary', '', 'It was human error. <!-- postmortem-disable-line word-count -->');
    assert.equal(lines(ignored(text, 'blameful-language', 6, 'file'))[0], '<!-- postmortem-disable-file timeline-gap blameful-language -->');
    assert.equal(lines(ignored(text, 'blameful-language', 6))[5], 'It was human error. <!-- postmortem-disable-line word-count blameful-language -->');
  });

  it('gives a finding about the whole document only the file fix, and no fix is ever preferred', () => {
    const analysis = lint(md('# Outage', '', '## Summary', '', 'It was human error.'));
    const missing = analysis.findings.find((f) => f.ruleId === 'missing-section')!;
    assert.deepEqual(missing.ignores?.map((f) => f.title), ['Ignore missing-section in this file']);
    for (const finding of analysis.findings) for (const fix of finding.ignores ?? []) assert.equal(fix.isPreferred, false, fix.title);
  });

  it('offers only the file fix for a finding in the front matter, where a comment would be YAML', () => {
    const text = md('---', 'type: postmortem', 'date: 04-05-2024', '---', '# Outage', '', '## Summary', '', '30% of requests failed.');
    const date = findingAt(lint(text), 'date-ambiguous', 3);
    assert.deepEqual(date.ignores?.map((f) => f.title), ['Ignore date-ambiguous in this file']);
    assert.ok(!lint(ignored(text, 'date-ambiguous', 3, 'file')).findings.some((f) => f.ruleId === 'date-ambiguous'));
  });
});

/** `line rule` of every rule's finding (the comments' own left out). */
function ruleLines(analysis: Analysis): string[] {
  return analysis.findings.filter((f) => !f.ruleId.startsWith('suppression-')).map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
}

/** A `line rule` moved down by `by` lines when it is at or after `from`. */
function shift(entry: string, from: number, by: number): string {
  const [line, rule] = entry.split(' ');
  return `${Number(line) >= from ? Number(line) + by : line} ${rule}`;
}

function* fixtureFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* fixtureFiles(path);
    else if (entry.name.endsWith('.md') && !entry.name.endsWith('.fixed.md')) yield path;
  }
}

function fixtureConfig(text: string): unknown {
  const match = /<!--\s*config\s+(\{[\s\S]*?\})\s*-->/.exec(text);
  return match ? JSON.parse(match[1]) : {};
}

describe('ignore fixes on every rule fixture', () => {
  for (const path of fixtureFiles(fixtureRoot)) {
    it(path.slice(fixtureRoot.length + 1), () => {
      const text = readFileSync(path, 'utf8');
      const patch = fixtureConfig(text);
      const analysis = lint(text, patch);
      const before = ruleLines(analysis);
      for (const finding of analysis.findings) {
        for (const fix of finding.ignores ?? []) {
          assert.equal(fix.isPreferred, false, `${fix.title} is never preferred`);
          const [edit] = fix.edits;
          const after = applyEdits(text, fix.edits);
          // Lines at or after the first one the comment pushed down.
          const added = edit.newText.split('\n').length - 1;
          const from = edit.newText.startsWith('\n') || edit.newText.startsWith('\r') ? edit.range.start.line + 2 : edit.range.start.line + 1;
          const line = finding.range.start.line + 1;
          const silenced = (entry: string) => entry.endsWith(` ${finding.ruleId}`) && (fix.title.endsWith('in this file') || entry.startsWith(`${line} `));
          const expected = before.filter((entry) => !silenced(entry)).map((entry) => shift(entry, from, added));
          assert.deepEqual(ruleLines(lint(after, patch)), expected, `${fix.title} (line ${line}) silences exactly its findings and changes no other`);
        }
      }
      const comments = (t: string) => t.split('postmortem-disable').length;
      assert.equal(comments(fixAll(text, { config: configOf(patch), path: '/work/postmortems/test.md', force: true }).text), comments(text), 'fix all writes no suppression comment');
    });
  }
});

/** Fixtures whose comments must silence nothing: shown in code, or a line comment for a finding about the whole document. */
const SILENCING_NOTHING = ['code-block.md', 'document-level.md'];

describe('suppression fixtures', () => {
  for (const path of fixtureFiles(join(fixtureRoot, 'suppression'))) {
    const name = path.slice(fixtureRoot.length + 1);
    const nothing = SILENCING_NOTHING.some((n) => name.endsWith(n));
    it(`${name}: ${nothing ? 'the comments silence nothing' : 'the comments silence findings that are there without them'}`, () => {
      const text = readFileSync(path, 'utf8');
      const stripped = text.replace(/<!--\s*postmortem-[\s\S]*?-->/g, '');
      const patch = fixtureConfig(text);
      const without = ruleLines(lint(stripped, patch)).length;
      const withComments = ruleLines(lint(text, patch)).length;
      if (nothing) assert.equal(withComments, without);
      else assert.ok(without > withComments, `${without} findings without the comments, ${withComments} with them`);
    });
  }
});
