/**
 * Arbitrary documents built from timeline-ish fragments: the engine and its rules never
 * throw, every finding's range lies in the text, and fixing twice changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll } from '../../server/src/core';
import { configOf, lint } from '../helpers';

const FRAGMENTS = [
  '## Summary', '## Timeline', '## Timeline (UTC)', '**Timeline**', 'Timeline (all times in Pacific Time)', '### August 4, 2023', '## Root Cause', '## Resolution', '## Action Items',
  '- 10:00 UTC: deploy', '- 9:40 AM PDT: alert fires', '- 11:45 PM outage begins', '- 12:26 AM alerts sent', '- 13:15 PM bad', '- 25:00 bad', '- 3:AM bad', '- no time here',
  '1. 10:10 rolled back', '  - 10:05 nested', '  - detail', '| Time (UTC) | Event |', '|---|---|', '| 10:00 | deploy |', '| 09:00 | earlier |',
  '10:00 UTC: paragraph entry', 'continuation line', 'From 10:00 to 11:00 UTC on 2024-05-01, 30% of users failed.', 'Duration: 2 hours',
  'Start Time: May 19, 2024, 03:00 UTC', 'End Time: May 19, 2024, 02:00 UTC', '04/12/2022', 'All times are in IST.', '- 2024-07-04 10:00 PST: dst', '- 2023-08-07: day-level',
  '---', 'timezone: Europe/Paris', 'date: 2024-01-01', '', '', '<START OF OUTAGE>', '- 10:30 **RESOLVED**', '- [ ] 10:00 task', '```', '- 10:00 in code',
];

describe('timeline rules on arbitrary documents', () => {
  it('never throw, report ranges inside the text, and fix idempotently', () => {
    const config = configOf();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        const analysis = lint(text);
        assert.deepEqual(analysis.problems, [], text);
        const lastLine = text.split('\n').length - 1;
        for (const f of analysis.findings) assert.ok(f.range.start.line <= lastLine && f.range.end.line <= lastLine, `${f.ruleId} out of the text`);
        const options = { config, path: '/work/postmortems/fuzz.md', force: true };
        const once = fixAll(text, options).text;
        assert.equal(fixAll(once, options).text, once, `fixing twice changed:\n${text}`);
      }),
      { numRuns: 250 },
    );
  });
});
