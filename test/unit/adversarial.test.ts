/**
 * Adversarial input (issue 8): lines of 100,000 characters of digits, colons, spaces, `AM`
 * and the characters the rules' patterns trim (brackets, emphasis marks, pipes), in every
 * place a line is read (heading, pseudo-heading, Summary, timeline list, paragraph and table,
 * action items, front matter); thousands of nested quotes and list items; timelines of 10,000 entries. The
 * analysis completes with no problem and every range in the document. That the time grows
 * linearly with the input is measured in `npm run bench` (bench/adversarial.ts, same inputs);
 * the suite's timeout only stops a catastrophic backtrack from hanging it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, fixAll, timelineOf, TOO_DEEP } from '../../server/src/core';
import { hostile } from '../../bench/adversarial';
import { configOf } from '../helpers';
import { assertRangesInside } from './fixChecks';

const options = { config: configOf(), path: '/work/postmortems/adversarial.md', force: true };

const UNITS: Record<string, string> = {
  digits: '9', colons: ':', spaces: ' ', tabs: '\t', AM: 'AM', ' AM': ' AM', 'clock-ish': '1:2 AM ', 'closing brackets': ']',
  'bold marks': '**', underscores: '_', pipes: ' |', 'trailing hashes': ' #', apostrophes: "'", parentheses: '( ',
  'four-digit times': '1625 ', 'month-days': '03-26 ', placeholders: 'X ', 'line breaks': '<br>', 'list tags': '<li>', 'lead words': 'At ',
  'zones in parentheses': '(UTC ', 'hyphen-joined meridiems': '1:00-am-', 'midnights': 'midnight ',
};

function assertCompletes(text: string, allowedProblems: string[] = []) {
  const analysis = analyze(text, options);
  assert.deepEqual(analysis.problems.filter((p) => !allowedProblems.includes(p)), []);
  assertRangesInside(analysis, text);
  return analysis;
}

describe('adversarial input', { timeout: 600_000 }, () => {
  describe('lines of 100,000 characters in every place a line is read', () => {
    for (const [name, unit] of Object.entries(UNITS)) {
      it(`${name}: completes, every range inside the document`, () => {
        const analysis = assertCompletes(hostile(unit, 100_000));
        // Still read in full: the three timeline entries, and the action item without an owner.
        const times = timelineOf(analysis.model, options.config).entries.map((e) => `${e.time?.hour}:${e.time?.minute}`);
        assert.deepEqual(times, ['10:0', '10:5', '10:10']);
        assert.ok(analysis.findings.some((f) => f.ruleId === 'action-item-owner'));
      });
    }
  });

  describe('deep nesting', () => {
    const levels = (n: number, prefix: (i: number) => string) => Array.from({ length: n }, (_, i) => `${prefix(i)} 10:${String(i % 60).padStart(2, '0')} UTC`).join('\n');
    const nested: Record<string, string> = {
      '10,000 block quotes on one line': `${'> '.repeat(10_000)}10:00 UTC deep`,
      '10,000 list items on one line': `${'- '.repeat(10_000)}10:00 UTC deep`,
      '10,000 ordered items on one line': `${'1. '.repeat(10_000)}10:00 UTC deep`,
      'quotes one level deeper a line, 300 levels': levels(300, (i) => '>'.repeat(i + 1)),
      'lists one level deeper a line, 200 levels': levels(200, (i) => `${'  '.repeat(i)}-`),
    };
    for (const [name, body] of Object.entries(nested)) {
      it(`${name}: completes, and is still checked (read flat when too deep)`, () => {
        const text = ['# Outage', '', '**Summary**', '', 'All users saw errors.', '', '## Timeline', '', body, '', '## Root Cause', '', 'A bad deploy.', ''].join('\n');
        const analysis = assertCompletes(text, [TOO_DEEP]);
        // Flat or not, the sections are read: the pseudo-heading is found and the Timeline is there.
        assert.ok(analysis.findings.some((f) => f.ruleId === 'pseudo-heading'));
        assert.ok(!analysis.findings.some((f) => f.ruleId === 'missing-section' && f.message.includes('"Timeline"')));
      });
    }

    it('a document read flat says so (the CLI then does not fix it), and fixing it settles', () => {
      const text = `# Outage\n\n## Timeline\n\n${'> '.repeat(10_000)}10:00 UTC\n`;
      const analysis = assertCompletes(text, [TOO_DEEP]);
      assert.ok(analysis.problems.includes(TOO_DEEP));
      const once = fixAll(text, options).text;
      assert.equal(fixAll(once, options).text, once);
    });
  });

  describe('action items and front matter of 100,000 characters (issue 14)', () => {
    const tracked = { config: configOf({ rules: { 'action-item-due': 'warning', 'action-item-overdue': 'warning' } }), path: options.path, force: true, today: '2024-04-01' };
    // The units the due-date, state and tracking readers trim or look for, as well as the common ones.
    const units: Record<string, string> = { ...UNITS, 'due labels': 'due ', 'by labels': 'by: ', 'status labels': 'Status: ', keys: 'AB-1', hashes: '#', 'url-ish': 'http://' };
    for (const [name, unit] of Object.entries(units)) {
      it(`${name}: the due-date rules complete, and so does front matter holding the line`, () => {
        const long = `x${unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000)}x`;
        const items = `# Outage\n\n## Action Items\n\n- [ ] ${long}\n\n| Action | Due | Status |\n|---|---|---|\n| ${long} | ${long} | ${long} |\n`;
        const actions = analyze(items, tracked);
        assert.deepEqual(actions.problems, []);
        assertRangesInside(actions, items);
        const yaml = `---\nid: ${long}\ndate: ${long}\nseverity: ${long}\n${long}\n---\n# Outage\n`;
        const metadata = analyze(yaml, { ...tracked, config: configOf({ metadata: { required: ['id', 'owner'] } }) });
        assert.deepEqual(metadata.problems, []);
        assertRangesInside(metadata, yaml);
      });
    }
  });

  describe('timelines of 10,000 entries', () => {
    const clock = (i: number) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const shapes: Record<string, (n: number) => string> = {
      list: (n) => Array.from({ length: n }, (_, i) => `- ${clock(i)} UTC: event ${i}`).join('\n'),
      table: (n) => ['| Time (UTC) | Event |', '|---|---|', ...Array.from({ length: n }, (_, i) => `| ${clock(i)} | event ${i} |`)].join('\n'),
      'list in reverse (every entry out of order)': (n) => Array.from({ length: n }, (_, i) => `- ${clock(n - i)} UTC: event ${i}`).join('\n'),
      'sub-headings with the text under them': (n) => Array.from({ length: n }, (_, i) => `### ${clock(i)} UTC\n\nevent ${i}\n`).join('\n'),
      'a raw HTML list': (n) => ['<ul>', ...Array.from({ length: n }, (_, i) => `<li>${clock(i)} UTC event ${i}</li>`), '</ul>'].join('\n'),
      'one paragraph of <br>-separated lines': (n) => Array.from({ length: n }, (_, i) => `${clock(i)} UTC event ${i}`).join('<br> '),
    };
    for (const [name, make] of Object.entries(shapes)) {
      it(`${name}: completes, every entry read`, () => {
        const text = `# Outage\n\n## Summary\n\nFrom 00:00 to 23:59 UTC, 5% of users saw errors.\n\n## Timeline\n\n${make(10_000)}\n\n## Root Cause\n\nA bad deploy.\n`;
        const analysis = assertCompletes(text);
        assert.ok(analysis.findings.length < 20_000);
        assert.equal(timelineOf(analysis.model, options.config).entries.length, 10_000);
      });
    }
  });

  describe('suppression comments', () => {
    const doc = (body: string) => `# Outage\n\n## Summary\n\nIt was human error.\n\n## Timeline\n\n${body}\n\n## Root Cause\n\nA bad deploy.\n`;
    const comments: Record<string, string> = {
      '100,000 openings never closed': '<!-- postmortem-disable '.repeat(20_000),
      '20,000 comments on one line, each naming an unknown rule': 'x '.concat('<!-- postmortem-disable-line nope -->'.repeat(20_000)),
      'one comment naming 50,000 rules': `<!-- postmortem-disable ${'blameful-language '.repeat(50_000)}-->`,
      '10,000 entries each with a gap and its own comment': Array.from({ length: 10_000 }, (_, i) => `- ${String(i % 24).padStart(2, '0')}:00 UTC: step ${i} <!-- postmortem-disable-line timeline-order -->`).join('\n'),
      '10,000 disable and enable pairs': Array.from({ length: 10_000 }, (_, i) => `<!-- postmortem-disable -->\nline ${i}\n<!-- postmortem-enable -->`).join('\n'),
    };
    for (const [name, body] of Object.entries(comments)) {
      it(`${name}: completes, every range inside the document`, () => {
        const analysis = assertCompletes(doc(body));
        for (const finding of analysis.findings) assert.ok((finding.ignores ?? []).length <= 2);
      });
    }
  });
});
