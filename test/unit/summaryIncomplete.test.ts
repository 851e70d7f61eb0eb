/**
 * `summary-incomplete` under the alx profile: which parts of the Issue Summary it finds
 * missing. Only this rule's findings are looked at, so other rules may say what they like.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, md } from '../helpers';

function alx(summary: string, preamble = ''): string {
  return md(
    '---',
    'profile: alx',
    '---',
    '# Checkout outage',
    preamble,
    '## Issue Summary',
    '',
    summary,
    '',
    '## Timeline',
    '',
    '- 10:00 UTC: Config push starts',
    '',
    '## Root Cause and Resolution',
    '',
    'A config push dropped the payment route; it was rolled back.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- Validate routes before a push (@alice)',
  );
}

/** The message of the summary-incomplete finding, or undefined. */
function verdict(text: string): string | undefined {
  return lint(text).findings.find((f) => f.ruleId === 'summary-incomplete')?.message;
}

describe('summary-incomplete', () => {
  const cause = 'The root cause was a config push that dropped the payment route.';
  const impact = '30% of checkout requests failed.';
  const cases: Array<[string, string, string | undefined]> = [
    ['times with UTC', `From 10:00 UTC to 10:45 UTC, ${impact} ${cause}`, undefined],
    ['AM/PM hours with a spelled-out zone', `From 10 PM to 1 AM Pacific Time, ${impact} ${cause}`, undefined],
    ['ISO 8601 times with offsets', `From 2024-05-02T10:00+03:00 to 2024-05-02T10:45+03:00, ${impact} ${cause}`, undefined],
    ['an abbreviation in parentheses', `Duration: June 8, 10:00 PM - June 9, 08:30 AM (EAT). ${impact} ${cause}`, undefined],
    ['times without a zone', `From 10:00 to 10:45, ${impact} ${cause}`, 'a timezone for its times'],
    ['a lower-case word that looks like a zone', `From 10:00 to 10:45 we could not eat lunch. ${impact} ${cause}`, 'a timezone for its times'],
    ['a time range is not an offset', `From 10:00-10:45, ${impact} ${cause}`, 'a timezone for its times'],
    ['one time only', `Since 10:00 UTC, ${impact} ${cause}`, 'both a start and an end time'],
    ['no times', `${impact} ${cause}`, 'the start and end times'],
    ['no impact', `From 10:00 UTC to 10:45 UTC there was an outage. ${cause}`, 'the impact'],
    ['no cause', `From 10:00 UTC to 10:45 UTC, ${impact}`, 'the root cause'],
    ['a cause given with "due to"', `From 10:00 UTC to 10:45 UTC, ${impact} It was due to a config push.`, undefined],
  ];
  for (const [name, summary, missing] of cases) {
    it(name, () => {
      const message = verdict(alx(summary));
      if (missing === undefined) assert.equal(message, undefined);
      else assert.match(message ?? '(no finding)', new RegExp(`does not state ${missing.replace(/[()]/g, '\\$&')}`));
    });
  }

  it('takes a zone declared for the whole document in the preamble', () => {
    assert.equal(verdict(alx(`From 10:00 to 10:45, ${impact} ${cause}`, '\nAll times in this report are UTC.\n')), undefined);
  });

  it('takes a zone from front matter', () => {
    const text = alx(`From 10:00 to 10:45, ${impact} ${cause}`).replace('profile: alx', 'profile: alx\ntimezone: Africa/Nairobi');
    assert.equal(verdict(text), undefined);
  });

  it('lists every missing part in one finding on the Summary heading', () => {
    const findings = lint(alx('The site broke.')).findings.filter((f) => f.ruleId === 'summary-incomplete');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 5);
    assert.match(findings[0].message, /the start and end times, the impact \(what users experienced and how many\) and the root cause/);
  });

  it('says nothing under profiles that do not ask for it', () => {
    assert.equal(verdict(alx('The site broke.').replace('profile: alx', 'profile: google-sre')), undefined);
  });
});
