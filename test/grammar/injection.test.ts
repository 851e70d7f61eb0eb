import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasVscodeHost, loadMarkdown, postmortemScopes, STAND_IN_HOST, tokenize, VSCODE_HOST } from './tokenize';

const TIME = 'constant.numeric.time.postmortem';
const DATE = 'constant.numeric.date.postmortem';
const ZONE = 'constant.other.timezone.postmortem';
const DURATION = 'constant.numeric.duration.postmortem';
const PERCENT = 'constant.numeric.percentage.postmortem';
const OWNER = 'entity.name.tag.owner.postmortem';
const LABEL = 'keyword.other.label.postmortem';
const MILESTONE = 'keyword.other.milestone.postmortem';
const INVALID = 'invalid.illegal.time.postmortem';

/** A line of a postmortem body and every postmortem scope expected on it, in order. */
const LINES: Array<[line: string, expected: string[]]> = [
  // Times, 24-hour and 12-hour, with zones.
  ['- 22:30 UTC: deploy started', [`22:30 → ${TIME}`, `UTC → ${ZONE}`]],
  ['- 10:30 PM PDT: first alert', [`10:30 PM → ${TIME}`, `PDT → ${ZONE}`]],
  ['- 9:05am - paged the on-call', [`9:05am → ${TIME}`]],
  ['At 3 p.m. the team met', [`3 p.m. → ${TIME}`]],
  ['- **03:00 UTC** — site down', [`03:00 → ${TIME}`, `UTC → ${ZONE}`]],
  ['- 14:05:30 GMT+1 errors spike', [`14:05:30 → ${TIME}`, `GMT+1 → ${ZONE}`]],
  ['Times are UTC + 3 (EAT).', [`UTC + 3 → ${ZONE}`, `EAT → ${ZONE}`]],
  ['- 15:00 +0100 rollback', [`15:00 → ${TIME}`, `+0100 → ${ZONE}`]],
  ['All times in Pacific Time, America/Los_Angeles.', [`Pacific Time → ${ZONE}`, `America/Los_Angeles → ${ZONE}`]],
  // Times no clock shows.
  ['- 13:15 PM: restart', [`13:15 PM → ${INVALID}`]],
  ['- 00:30 AM: restart', [`00:30 AM → ${INVALID}`]],
  ['- 25:00 restart', [`25:00 → ${INVALID}`]],
  ['- 3:AM restart', [`3:AM → ${INVALID}`]],
  // Dates.
  ['- 2023-08-04 15:00 deploy', [`2023-08-04 → ${DATE}`, `15:00 → ${TIME}`]],
  ['- 2023-08-04T15:00:00Z deploy', [`2023-08-04 → ${DATE}`, `15:00:00 → ${TIME}`, `Z → ${ZONE}`]],
  ['- 2023-08-04T15:00+02:00 deploy', [`2023-08-04 → ${DATE}`, `15:00 → ${TIME}`, `+02:00 → ${ZONE}`]],
  ['On August 4, 2023 3:00 PM the cache failed', [`August 4, 2023 → ${DATE}`, `3:00 PM → ${TIME}`]],
  ['Fri, Aug 4th 2023 and 4 August 2023', [`Fri, Aug 4th 2023 → ${DATE}`, `4 August 2023 → ${DATE}`]],
  ['Started 04/12/2022, fixed 4-13-22', [`04/12/2022 → ${DATE}`, `4-13-22 → ${DATE}`]],
  // Durations and percentages.
  ['The outage lasted 45 minutes (1h30m of degradation, 2 days of cleanup).', [`45 minutes → ${DURATION}`, `1h30m → ${DURATION}`, `2 days → ${DURATION}`]],
  ['p99 rose to 900ms; 30% of requests and 99.95 % of logins failed', [`900ms → ${DURATION}`, `30% → ${PERCENT}`, `99.95 % → ${PERCENT}`]],
  // Owners and milestones.
  ['- [ ] Add a canary stage — Owner: @alice, due 2023-09-01', [`Owner → ${LABEL}`, `@alice → ${OWNER}`, `2023-09-01 → ${DATE}`]],
  ['- [ ] Page @team-sre and @org/db-oncall', [`@team-sre → ${OWNER}`, `@org/db-oncall → ${OWNER}`]],
  ['- 10:02 **OUTAGE BEGINS** checkout fails', [`10:02 → ${TIME}`, `**OUTAGE BEGINS** → ${MILESTONE}`]],
  ['- 10:40 <START OF OUTAGE> and later **RESOLVED**', [`10:40 → ${TIME}`, `<START OF OUTAGE> → ${MILESTONE}`, `**RESOLVED** → ${MILESTONE}`]],
  // Prose that only looks like the above.
  ['Write to ops@example.com about version 1.2.3 of the AST parser', []],
  ['Release 2023.08 shipped in 3 steps', []],
  ['The **resolved** ticket and **OUTAGE** label', []],
  ['See `10:30 UTC` and `` 11:00 UTC ``', []],
  ['Graph: [dash](https://grafana.example/d/x?from=10:30&to=11:00)', []],
];

/** A document whose code, comments and headings must scope as Markdown does. */
const DOCUMENT = [
  '# Outage on August 4, 2023',
  '<!-- 10:15 UTC: a note to self -->',
  '```',
  '10:30 UTC ERROR 50% @bot',
  '```',
  '- 10:31 UTC alert',
].join('\n');

const hosts: Array<[name: string, path: string, skip: string | false]> = [
  ['a stand-in Markdown host', STAND_IN_HOST, false],
  ["VS Code's own Markdown grammar", VSCODE_HOST, hasVscodeHost ? false : 'needs the code-server install of `npm run test:e2e`'],
];

for (const [name, path, skip] of hosts) {
  describe(`postmortem injection into ${name}`, { skip }, () => {
    for (const [line, expected] of LINES) {
      it(line, async () => {
        const grammar = await loadMarkdown(path);
        assert.deepEqual(postmortemScopes(tokenize(grammar, line)[0]), expected);
      });
    }

    it('leaves comments and fenced code to Markdown, and scopes headings and the lines after', async () => {
      const lines = tokenize(await loadMarkdown(path), DOCUMENT).map(postmortemScopes);
      assert.deepEqual(lines, [[`August 4, 2023 → ${DATE}`], [], [], [], [], [`10:31 → ${TIME}`, `UTC → ${ZONE}`]]);
    });
  });
}
