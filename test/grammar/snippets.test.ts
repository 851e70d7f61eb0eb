import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allSnippets, escapeSnippet, isIsoDate, postmortemFileName, templateSnippet } from '../../client/src/templates';
import { analyze, BUILT_IN_PROFILES, defaultConfig } from '../../server/src/core';
import { expandSnippet, FIXED_TIME } from './snippet';

const SNIPPETS_FILE = new URL('../../snippets/postmortem.code-snippets', import.meta.url);

/** Rules a fresh template must satisfy whatever the user writes into it. */
const STRUCTURE_RULES = ['missing-section', 'duplicate-section', 'pseudo-heading', 'section-order'];

describe('snippets', () => {
  it('snippets/postmortem.code-snippets is what client/src/templates.ts generates', () => {
    const result = spawnSync(process.execPath, ['scripts/snippets.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')), allSnippets());
  });

  it('every snippet has a pm- prefix, a description and well-formed snippet syntax', () => {
    for (const [name, snippet] of Object.entries(allSnippets())) {
      assert.match(snippet.prefix, /^pm-[a-z-]+$/, name);
      assert.ok(snippet.description.length > 20, name);
      assert.doesNotThrow(() => expandSnippet(snippet.body.join('\n'), FIXED_TIME), name);
    }
  });

  it('ships a template per built-in profile, an entry, a milestone, an action item and the sections', () => {
    const prefixes = Object.values(allSnippets()).map((s) => s.prefix);
    for (const profile of Object.keys(BUILT_IN_PROFILES)) assert.ok(prefixes.includes(`pm-${profile}`), profile);
    for (const prefix of ['pm-entry', 'pm-milestone', 'pm-action', 'pm-summary', 'pm-timeline', 'pm-root-cause', 'pm-action-items']) assert.ok(prefixes.includes(prefix), prefix);
  });

  it('the timeline entry uses the current time variables', () => {
    const entry = Object.values(allSnippets()).find((s) => s.prefix === 'pm-entry');
    assert.equal(expandSnippet(entry!.body.join('\n'), FIXED_TIME), '- 09:41 what happened');
  });

  it('the action item has an owner and a due date', () => {
    const action = Object.values(allSnippets()).find((s) => s.prefix === 'pm-action');
    assert.equal(expandSnippet(action!.body.join('\n'), FIXED_TIME), '- [ ] task — Owner: @owner, due 2024-03-14');
  });
});

describe('templates', () => {
  for (const profile of Object.values(BUILT_IN_PROFILES)) {
    it(`the ${profile.name} template is a postmortem with every section of its profile, in order`, () => {
      const text = expandSnippet(templateSnippet(profile), FIXED_TIME);
      const result = analyze(text, { config: defaultConfig(), path: '/notes/untitled.md' });
      assert.equal(result.isPostmortem, true);
      assert.equal(result.model.profile.name, profile.name);
      const structural = result.findings.filter((f) => STRUCTURE_RULES.includes(f.ruleId));
      assert.deepEqual(structural.map((f) => `${f.ruleId}: ${f.message}`), []);
      // Every section is there, unfilled: the template asks for each one.
      const empty = result.findings.filter((f) => f.ruleId === 'empty-section').length;
      assert.equal(empty, profile.sections.length);
    });
  }

  it('writes the given title, date and zone literally, escaping snippet syntax', () => {
    const snippet = templateSnippet(BUILT_IN_PROFILES.core, { title: 'Costs rose $5k {again}', date: '2024-02-29', timezone: 'Africa/Nairobi' });
    const text = expandSnippet(snippet, FIXED_TIME);
    assert.match(text, /^# Costs rose \$5k \{again\}$/m);
    assert.match(text, /^date: 2024-02-29$/m);
    assert.match(text, /^timezone: Africa\/Nairobi$/m);
    assert.equal(escapeSnippet('a$b}c\\'), 'a\\$b\\}c\\\\');
  });

  it('without fields, the title, date and zone are the first tab stops', () => {
    const snippet = templateSnippet(BUILT_IN_PROFILES.alx);
    assert.match(snippet, /^# \$\{1:Incident title\}$/m);
    assert.match(snippet, /^date: \$\{2:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}$/m);
    assert.match(snippet, /^timezone: \$\{3:UTC\}$/m);
  });

  it('writes the metadata: the given ID and severity, or tab stops offering the severities', () => {
    const given = expandSnippet(templateSnippet(BUILT_IN_PROFILES.core, { title: 'Disk full', date: '2024-02-29', timezone: 'UTC', id: 'INC-042', severity: 'SEV2' }), FIXED_TIME);
    assert.match(given, /^---\ntype: postmortem\nid: INC-042\nseverity: SEV2\nstatus: draft\ndate: 2024-02-29\ntimezone: UTC\nprofile: core\n---$/m);
    const snippet = templateSnippet(BUILT_IN_PROFILES.core, {}, ['P1', 'P2, high']);
    assert.match(snippet, /^id: \$\{4:INC-001\}$/m);
    assert.match(snippet, /^severity: \$\{5\|P1,P2\\, high\|\}$/m);
    const result = analyze(expandSnippet(templateSnippet(BUILT_IN_PROFILES.core), FIXED_TIME), { config: defaultConfig(), path: '/notes/untitled.md' });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'front-matter').map((f) => f.message), [], 'the metadata keeps the contract');
  });

  it('names files YYYY-MM-DD-slug.md', () => {
    assert.equal(postmortemFileName('2024-03-14', 'Checkout outage: Café DB failover!'), '2024-03-14-checkout-outage-cafe-db-failover.md');
    assert.equal(postmortemFileName('2024-03-14', '???'), '2024-03-14-incident.md');
    assert.ok(postmortemFileName('2024-03-14', 'x'.repeat(200)).length <= 74);
  });

  it('accepts only real calendar dates', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-13-01'), false);
    assert.equal(isIsoDate('14/03/2024'), false);
  });
});
