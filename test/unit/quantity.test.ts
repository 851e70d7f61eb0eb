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
  ];
  for (const text of unquantified) {
    it(`not quantified: ${text}`, () => assert.equal(findQuantity(text), undefined));
  }

  // Growth is measured in `npm run bench`; the timeout only stops a catastrophic backtrack from hanging the suite.
  it('completes on adversarial text', { timeout: 60_000 }, () => {
    assert.equal(findQuantity('1 '.repeat(100_000)), undefined);
    assert.equal(findQuantity(`${'all '.repeat(50_000)}.`), undefined);
    assert.equal(findQuantity('9'.repeat(200_000)), undefined);
  });
});
