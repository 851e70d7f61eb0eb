/** `duplicate-incident-id`: the pass across documents over analysed postmortems (issue 15). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, duplicateIdFindings, type Analysis } from '../../server/src/core';
import { configOf, lint, md } from '../helpers';

/** A short postmortem whose front matter holds the given lines. */
function doc(...front: string[]): string {
  return md('---', ...front, '---', '# Checkout errors', '', '## Summary', '', 'Checkout failed for 5% of users.', '', '## Timeline', '', '- 10:00 UTC: errors start', '- 10:20 UTC: resolved');
}

const across = (docs: Record<string, Analysis>) => duplicateIdFindings(Object.entries(docs).map(([key, a]) => ({ key, label: key, incidentId: a.incidentId })));

describe('duplicate-incident-id', () => {
  it('reports a shared ID on both files, on the ID value, naming the other file', () => {
    const a = lint(doc('id: INC-042', 'severity: SEV2'));
    const b = lint(doc('severity: SEV3', 'id: "INC-042"'));
    const c = lint(doc('id: INC-043'));
    const found = across({ 'a.md': a, 'b.md': b, 'c.md': c });
    assert.deepEqual([...found.keys()].sort(), ['a.md', 'b.md']);
    const [onA] = found.get('a.md')!;
    assert.equal(onA.finding.ruleId, 'duplicate-incident-id');
    assert.equal(onA.finding.severity, 'error');
    assert.deepEqual(onA.finding.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
    assert.match(onA.finding.message, /^The incident ID "INC-042" is also the ID of "b\.md"/);
    // The quoted value's range keeps its quotes: the whole value is what the writer changes.
    assert.deepEqual(found.get('b.md')![0].finding.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 13 } });
    assert.deepEqual(onA.related.map((r) => [r.key, r.range.start.line]), [['b.md', 2]]);
  });

  it('is never a finding of one document alone, and ignores letter case and spaces around the ID', () => {
    const a = lint(doc('id: inc-7 '));
    assert.ok(!a.findings.some((f) => f.ruleId === 'duplicate-incident-id'));
    const found = across({ 'a.md': a, 'b.md': lint(doc('id: INC-7')) });
    assert.match(found.get('b.md')![0].finding.message, /"INC-7" is also the ID of "a\.md"/);
  });

  it('names every other file sharing the ID, three at most and how many more', () => {
    const docs = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [`${k}.md`, lint(doc('id: INC-1'))]));
    assert.match(across(docs).get('a.md')![0].finding.message, /"b\.md", "c\.md", "d\.md" and 1 more:/);
  });

  it('follows the configuration and suppression comments of each file; the other file is still reported', () => {
    const off = lint(doc('id: INC-5'), { rules: { 'duplicate-incident-id': 'off' } });
    const silenced = lint(`${doc('id: INC-5')}\n<!-- postmortem-disable-file duplicate-incident-id -->\n`);
    const warned = lint(doc('id: INC-5'), { rules: { 'duplicate-incident-id': 'warning' } });
    const found = across({ 'off.md': off, 'silenced.md': silenced, 'warned.md': warned });
    assert.deepEqual([...found.keys()], ['warned.md']);
    assert.equal(found.get('warned.md')![0].finding.severity, 'warning');
    assert.match(found.get('warned.md')![0].finding.message, /"off\.md", "silenced\.md"/);
  });

  it('leaves out documents that are not postmortems and IDs that are empty', () => {
    // Found in a folder, not named: a Markdown file that is no postmortem is not read as one.
    const readme = analyze(md('---', 'id: INC-9', '---', '# Team notes', '', 'Nothing here.'), { config: configOf(), path: '/work/README.md' });
    assert.equal(readme.incidentId, undefined);
    assert.equal(lint(doc('id:')).incidentId, undefined);
    assert.equal(across({ 'a.md': lint(doc('id: INC-9')), 'README.md': readme }).size, 0);
  });
});
