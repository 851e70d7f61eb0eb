import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, automaticFix, buildDocumentModel, defaultConfig, selectFixes } from '../../server/src/core';
import { readTitleLine } from '../../server/src/core/model/titleLine';
import { CATALOG } from '../../server/src/core/profiles/catalog';
import { normalizeName, SectionMatcher } from '../../server/src/core/profiles/match';
import { lint, md } from '../helpers';

const matcher = new SectionMatcher(CATALOG);
const ids = (name: string) => matcher.matchHeading(name).map((s) => s.id);
const sectionsOf = (text: string) =>
  buildDocumentModel(text, defaultConfig()).model.sections.map((s) => `${s.heading.kind}:${s.ids.join('+') || '-'}:${s.heading.text}`);

describe('heading names', () => {
  const table: Array<[string, string[]]> = [
    ['Summary', ['summary']],
    ['Issue Summary:', ['summary']],
    ['ISSUE SUMMARY', ['summary']],
    ['TL;DR', ['summary']],
    ['Timeline (all times in Pacific Time)', ['timeline']],
    ['Timeline (East African Time - EAT)', ['timeline']],
    ['2. Sequence of Events', ['timeline']],
    ['Root Cause(s)', ['root-cause']],
    ['Root Cause and Resolution', ['root-cause', 'resolution']],
    ['Root Cause & Resolution', ['root-cause', 'resolution']],
    ['Resolution and Recovery', ['resolution']],
    ['Corrective and Preventative Measures', ['action-items']],
    ['Corrective and preventive measures', ['action-items']],
    ['Corrective and preventative', ['action-items']],
    ['6. Corrective and preventive actions', ['action-items']],
    ['Action plan', ['action-items']],
    ["What we're doing next", ['action-items']],
    ['Why it happened', ['root-cause']],
    ['How we fixed it', ['resolution']],
    ["How'd We Do?", ['how-did-we-do']],
    ['5 Whys', ['five-whys']],
    ['Issue Summary: the outage of May 5', ['summary']],
    ['Timeline - all times UTC', ['timeline']],
    ['What went well / What went wrong', ['lessons-learned']],
    ['Table of Contents', []],
    ['0x19. Postmortem', []],
    ['Summary of the meeting notes and more', []],
    ['Impactful changes', []],
    ['Timeline (all times PST) Saturday Oct 30 - Monday Nov 1', ['timeline']],
    [':clipboard: Timeline', ['timeline']],
    ['🕐 Events Timeline', ['timeline']],
    ['3) Timeline', ['timeline']],
    ['III. Timeline', ['timeline']],
    ['Root cause and Resolution;', ['root-cause', 'resolution']],
    ['Follow-up', ['action-items']],
    ['Root Cause Remediations', ['action-items']],
    ['Prevention & Next Steps', ['action-items']],
    ['Details of mitigation', ['resolution']],
    ['Resolution Steps', ['resolution']],
    ['Effects and Extents', ['impact']],
    ['What happened?', ['what-happened']],
  ];
  for (const [name, expected] of table) it(`"${name}" → ${expected.join('+') || 'nothing'}`, () => assert.deepEqual(ids(name), expected));

  it('normalises markup, numbering and parentheticals away', () => {
    assert.equal(normalizeName('**1. Root Cause (draft):**'), 'root cause');
  });
});

describe('sections of a document', () => {
  it('treats a level-1 title as the document title and h2 headings as sections', () => {
    const text = md('# Payment outage', '', '## Summary', 'x', '## Timeline', '- 10:00 UTC: y', '### Day 2', '- 11:00 UTC: z');
    const { model } = buildDocumentModel(text, defaultConfig());
    assert.equal(model.title?.text, 'Payment outage');
    assert.equal(model.sectionLevel, 2);
    assert.deepEqual(sectionsOf(text), ['heading:-:Payment outage', 'heading:summary:Summary', 'heading:timeline:Timeline']);
    assert.deepEqual(model.sections[2].subheadings.map((h) => h.text), ['Day 2']);
  });

  it('keeps sub-headings inside a matched section instead of matching them again', () => {
    const text = md('## Lessons Learned', '### What went well', 'Paging.', '### What went wrong', 'Power.', '## Action Items', '- a @b');
    assert.deepEqual(sectionsOf(text), ['heading:lessons-learned:Lessons Learned', 'heading:action-items:Action Items']);
  });

  it('splits a paragraph at a pseudo-heading that is its last line before a list', () => {
    const text = md('## Summary', 'It broke.', 'Timeline:', '- 10:00 UTC: it broke');
    const { model } = buildDocumentModel(text, defaultConfig());
    assert.deepEqual(sectionsOf(text), ['heading:summary:Summary', 'pseudo:timeline:Timeline:']);
    const [summary, timeline] = model.sections;
    assert.equal(text.slice(summary.contentStart, summary.end), 'It broke.\n');
    assert.equal(text.slice(timeline.heading.start, timeline.heading.end), 'Timeline:');
    assert.equal(timeline.heading.depth, 2);
  });

  it('reads bold lines, caps and ##Name as pseudo-headings but not bold labels followed by text', () => {
    const text = md('**Summary**', '', 'Text.', '', 'TIMELINE', '10:00 PM: a', '', '##Root Cause', '', '**Impact**:', 'Half of the users.');
    assert.deepEqual(sectionsOf(text), ['pseudo:summary:**Summary**', 'pseudo:timeline:TIMELINE', 'pseudo:root-cause:##Root Cause']);
  });

  it('does not take a field "Name: text" on one line for a heading', () => {
    const text = md('## Summary', '', 'Impact: all users were logged out.', '', 'Timeline: see below.');
    assert.deepEqual(sectionsOf(text), ['heading:summary:Summary']);
  });

  it('takes a list item labelled alone on its line over a nested list for a field, not a missing section', () => {
    const text = md('# Billing ran twice', '', '- **Summary:** 212 customers were charged twice.', '- **Timeline:**', '  - 02:00 UTC job starts', '  - 02:05 UTC job starts again', '- **Action items:**', '  - Make the job idempotent @omar', '- **Resolution:**');
    assert.deepEqual(buildDocumentModel(text, defaultConfig()).model.fields.map((f) => f.ids.join('+')), ['summary', 'timeline', 'action-items']);
    assert.deepEqual(lint(text).findings.filter((f) => f.ruleId === 'missing-section').map((f) => /"(.+?)"/.exec(f.message)?.[1]), ['Root Cause', 'Resolution'], 'a label with nothing under it is no field');
  });

  it('ignores section names inside lists, quotes and code', () => {
    const text = md('## Summary', '', '- Timeline', '', '> Root Cause', '', '```', 'Resolution', '```');
    assert.deepEqual(sectionsOf(text), ['heading:summary:Summary']);
  });
});

describe('title lines', () => {
  const table: Array<[string, string | undefined, boolean?]> = [
    ['Timeline', 'Timeline', false],
    ['Timeline:', 'Timeline', true],
    ['Timeline:-', 'Timeline', true],
    ['**TIMELINE**;', 'TIMELINE', true],
    ['__Issue Summary:__  ', 'Issue Summary', true],
    ['--Impact--:', 'Impact', true],
    ['_Lessons learned_', 'Lessons learned', true],
    ['🕐 Timeline', '🕐 Timeline', true],
    [':clipboard: Timeline', ':clipboard: Timeline', true],
    ['III. Timeline', 'III. Timeline', false],
    ['<h3>Timeline(in East African Time)</h3>', 'Timeline(in East African Time)', true],
    ['##Timeline', 'Timeline', true],
    ['**Impact**: 85% of users', undefined],
    ['[Timeline](#timeline)', undefined],
    ['`Timeline`', undefined],
  ];
  for (const [line, name, marked] of table) {
    it(`${JSON.stringify(line)} → ${name ?? 'no title'}`, () => {
      const read = readTitleLine(line);
      assert.equal(read?.name, name);
      if (marked !== undefined) assert.equal(read?.marked, marked);
    });
  }
});

describe('sections as people write them', () => {
  it('reads every title line of a document with no blank lines', () => {
    const text = md('Postmortem: a cache outage', 'Issue Summary:', 'Impact: 10% of users.', 'Timeline:', '10:00 UTC: cache down.', 'Root Cause:', 'An eviction storm.');
    assert.deepEqual(sectionsOf(text), ['pseudo:summary:Issue Summary:', 'pseudo:timeline:Timeline:', 'pseudo:root-cause:Root Cause:']);
    assert.deepEqual(buildDocumentModel(text, defaultConfig()).model.fields.map((f) => f.ids.join('+')), ['impact']);
  });

  it('keeps a Timeline written one level down under another section, and a sub-heading titled again later', () => {
    const text = md('## Summary', '### Root Cause', 'A key expired.', '## Response', 'We met.', '### Timeline', '- 10:00 UTC: x', '## Root Cause and Resolution', 'Renewed.');
    assert.deepEqual(sectionsOf(text), ['heading:summary:Summary', 'heading:response:Response', 'heading:timeline:Timeline', 'heading:root-cause+resolution:Root Cause and Resolution']);
  });

  it('keeps the phases of a timeline inside it', () => {
    const text = md('Timeline:', '', 'Detection:', '', '- 10:00 UTC: alert', '', 'Resolution:', '', '- 10:30 UTC: fixed', '', 'Root Cause and Resolution:', '', 'A bad flag.');
    assert.deepEqual(sectionsOf(text), ['pseudo:timeline:Timeline:', 'pseudo:root-cause+resolution:Root Cause and Resolution:']);
  });

  it('takes "What happened?" for the Summary unless the profile asks for both', () => {
    const text = md('## What happened?', 'It broke.', '## Timeline', '- 10:00 UTC: x');
    assert.deepEqual(sectionsOf(text), ['heading:what-happened+summary:What happened?', 'heading:timeline:Timeline']);
    const pagerduty = buildDocumentModel(text, { ...defaultConfig(), profile: 'pagerduty' }).model;
    assert.deepEqual(pagerduty.sections[0].ids, ['what-happened']);
  });

  it('offers to convert an HTML heading, but leaves it to the writer (not fix-all)', () => {
    const text = md('<h2>Timeline</h2>', '', '- 10:00 UTC: x', '', '## Summary', '', 'y');
    const finding = lint(text).findings.find((f) => f.ruleId === 'pseudo-heading');
    assert.equal(finding?.fixes[0].edits[0].newText, '## Timeline');
    assert.equal(finding?.fixes[0].isPreferred, false);
    assert.equal(finding && automaticFix(finding), undefined);
  });

  it('never reveals a title by converting another: once converted, no pseudo-heading is left, and every word is kept', () => {
    const line = fc.constantFrom(
      'Timeline', 'Timeline:', 'root cause:', 'Impact', 'Summary', '**Summary**:', '**Impact**:  ', 'Root Cause and Resolution', 'xxx Detection:',
      '- Resolution:', '* Action Items:', '- [ ] Timeline:', '3) Root Cause', '2) Timeline:', '1. Summary', '<h2>Timeline</h2>', '## Summary',
      '> Timeline', '```', '    indented', '\tTimeline', 'the', 'we saw the', 'and then,', 'text follows.', '10:00 UTC: x', '',
    );
    const pseudo = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'pseudo-heading' && automaticFix(f));
    const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).sort().join(' ');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = md(...lines);
        const converted = applyEdits(text, selectFixes(text, pseudo(text)).flatMap((fix) => fix.edits));
        assert.deepEqual(pseudo(converted).map((f) => f.message), [], `after converting:\n${converted}`);
        assert.equal(words(converted), words(text));
      }),
      { numRuns: 1000, seed: 20260512 },
    );
  });
});
