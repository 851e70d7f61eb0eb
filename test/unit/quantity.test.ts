/**
 * What `impact-unquantified` accepts as a measure of impact: shares, counts and wholes, not
 * durations, clock times or dates.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuantity } from '../../server/src/core/rules/quantity';

describe('impact quantities', () => {
  const quantified: Array<[string, string]> = [
    ['resulting in approximately 85% of our user base being affected', '85%'],
    ['errors for 12.5 % of requests', '12.5 %'],
    ['about thirty percent of logins failed', 'thirty percent'],
    ['1,200 customers could not check out', '1,200 customers'],
    ['we dropped 5,000 incoming requests', '5,000 incoming requests'],
    ['3 paying customers reported it', '3 paying customers'],
    ['thousands of requests failed', 'thousands of requests'],
    ['one in five requests timed out', 'one in five requests'],
    ['1 in 20 checkouts failed', '1 in 20'],
    ['2 out of 3 regions were down', '2 out of 3'],
    ['half of our users saw errors', 'half of our users'],
    ['All users were logged out', 'All users'],
    ['every customer in the EU region', 'every customer'],
    ['the entire site was down', 'entire site'],
    ['all of our customers', 'all of our customers'],
    ['everyone was logged out', 'everyone'],
    ['a complete outage of checkout', 'complete outage'],
    ['the API was completely unavailable', 'completely unavailable'],
    ['no one could log in', 'no one'],
    ['we lost $12,000 in orders', '$12,000'],
    ['**Impact**: 85% of users', '85%'],
    // Counts and wholes in a team's own nouns.
    ['60 PRs could not merge', '60 PRs'],
    ['all customer instances were restarted', 'all customer instances'],
    ['every build in the region failed', 'every build'],
    ['600 running pods were evicted', '600 running pods'],
    ['40 VMs in the pool lost their disks', '40 VMs'],
    ['3 repositories stopped mirroring', '3 repositories'],
    ['the entire fleet of runners', 'entire fleet'],
    // Things the noun list does not know, counted as they come to harm.
    ['Eighty turnstiles could not scan passes', 'Eighty turnstiles could not'],
    ['two dozen looms did not start', 'two dozen looms did not'],
    ['all branches were unable to open accounts', 'all branches were unable'],
    ['each scanner went offline at noon', 'each scanner went offline'],
  ];
  for (const [text, evidence] of quantified) {
    it(`quantified: ${text}`, () => assert.equal(findQuantity(text), evidence));
  }

  const unquantified = [
    'The website was down for 3 hours.',
    'From 11:45 PM to 5:30 AM the server was unreachable.',
    'A window of 2:45 hours (11:45 PM to 2:30 AM).',
    'On November the 2nd in 2022, my server experienced an outage.',
    'On May 5 users reported slow pages.',
    'Users experienced slow pages and some errors.',
    'The outage lasted 45 minutes, during which customers saw errors.',
    'Two days later, users reported it again.',
    'Many customers were affected.',
    'For 2 hours users could not log in.',
    'In 2022, customers reported similar issues.',
    'all subsequent alerts were silenced',
    'Some users could not log in.',
    'Multiple users saw errors.',
    'Multiple merchants failed to get their payouts.',
    'Three engineers were paged.',
    'After 2 attempts failed the job was restarted.',
    'Two vulnerabilities were found in the parser.',
    'Every time the job crashed it was restarted.',
    'For 45 minutes services were down.',
    'There was no backup of the database.',
  ];
  for (const text of unquantified) {
    it(`not quantified: ${text}`, () => assert.equal(findQuantity(text), undefined));
  }

  // Growth is measured in `npm run bench`; the timeout only stops a catastrophic backtrack from hanging the suite.
  it('completes on adversarial text', { timeout: 60_000 }, () => {
    assert.equal(findQuantity('1 '.repeat(100_000)), undefined);
    assert.equal(findQuantity(`${'all '.repeat(50_000)}.`), undefined);
    assert.equal(findQuantity('9'.repeat(200_000)), undefined);
    assert.equal(findQuantity('2 engineers were paged '.repeat(30_000)), undefined);
    assert.equal(findQuantity('every '.repeat(50_000)), undefined);
  });
});
