import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDocumentModel, defaultConfig } from '../../server/src/core';
import { CATALOG } from '../../server/src/core/profiles/catalog';
import { normalizeName, SectionMatcher } from '../../server/src/core/profiles/match';
import { md } from '../helpers';

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
    ["How'd We Do?", ['how-did-we-do']],
    ['5 Whys', ['five-whys']],
    ['Issue Summary: the outage of May 5', ['summary']],
    ['Timeline - all times UTC', ['timeline']],
    ['What went well / What went wrong', ['lessons-learned']],
    ['Table of Contents', []],
    ['0x19. Postmortem', []],
    ['Summary of the meeting notes and more', []],
    ['Impactful changes', []],
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

  it('ignores section names inside lists, quotes and code', () => {
    const text = md('## Summary', '', '- Timeline', '', '> Root Cause', '', '```', 'Resolution', '```');
    assert.deepEqual(sectionsOf(text), ['heading:summary:Summary']);
  });
});
