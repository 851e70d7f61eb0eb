/**
 * The blame lexicon of `blameful-language`, phrase by phrase: what blames people, what
 * describes things, and what is someone else's words (quotes, code, chat logs).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BLAME_STEMS, findBlame } from '../../server/src/core/rules/blameLexicon';
import { chatLineSpans, quotedSpans } from '../../server/src/core/rules/proseUnits';
import { lint, md } from '../helpers';

/** The phrases `findBlame` underlines in a sentence. */
function blamed(text: string): string[] {
  return findBlame(text).map((hit) => text.slice(hit.start, hit.end));
}

describe('blame lexicon', () => {
  const blames: Array<[string, string]> = [
    ['The outage was caused by human error.', 'human error'],
    ['A human-error during the deploy.', 'human-error'],
    ['Root cause: operator error.', 'operator error'],
    ['Several operator mistakes compounded it.', 'operator mistakes'],
    ['A careless change to the config.', 'careless'],
    ['The change was made carelessly.', 'carelessly'],
    ['It was negligent to skip the review.', 'negligent'],
    ['Negligence in the rollout process.', 'Negligence'],
    ["It was Bob's fault.", "Bob's fault"],
    ['It was the intern’s fault.', 'intern’s fault'],
    ['Honestly it was their fault.', 'their fault'],
    ['The SRE mistakenly acknowledged the alert.', 'The SRE mistakenly'],
    ['Our lead SRE erroneously closed the page.', 'Our lead SRE erroneously'],
    ['We forgot to renew the certificate.', 'We forgot'],
    ["We'd forgotten the flag.", "We'd forgotten"],
    ['The on-call engineer failed to escalate.', 'The on-call engineer failed to'],
    ['The engineers had also failed to notice it.', 'The engineers had also failed to'],
    ['The security team neglected to plan the reboot.', 'The security team neglected to'],
    ['I should have checked the dashboard.', 'I should have'],
    ["They shouldn't have deployed on Friday.", "They shouldn't have"],
    ['The developer should not have merged it.', 'The developer should not have'],
    ["Someone should've noticed.", "Someone should've"],
    ['The engineer who forgot to rotate the key.', 'The engineer who forgot'],
    ['@alice failed to follow the runbook.', '@alice failed to'],
    ['The DBA was at fault.', 'The DBA was at fault'],
  ];
  for (const [text, phrase] of blames) {
    it(`blames: ${text}`, () => {
      assert.deepEqual(blamed(text), [phrase]);
      // The rule skips paragraphs without a stem before masking them: every phrase must have one.
      assert.ok(BLAME_STEMS.test(phrase), `no stem of BLAME_STEMS in "${phrase}"`);
    });
  }

  const clean = [
    'The disk failed to mount at boot.',
    'The failover server failed to start.',
    'The site failed to reconnect to the secondary server.',
    'Customers failed to log in for an hour.',
    'Users who failed to check out saw errors.',
    'The alert should have fired at 80% disk usage.',
    'There should have been a check before the reboot.',
    'The job that failed to run was retried.',
    'The cache forgot the session key after eviction.',
    "It was nobody's fault.",
    "It wasn't anyone's fault.",
    "This was not Bob's fault.",
    'The disk is at fault, not the process.',
    'A fault in the power supply.',
    'The default config was applied.',
    'Errors from a human-readable parser.',
    'We mitigated the impact within 30 minutes.',
    'The careful rollout held.',
  ];
  for (const text of clean) {
    it(`does not blame: ${text}`, () => assert.deepEqual(blamed(text), []));
  }

  // Growth is measured in `npm run bench`; the timeouts only stop a catastrophic backtrack from hanging the suite.
  it('completes on adversarial lines', { timeout: 60_000 }, () => {
    const lines = [
      `${'a'.repeat(50_000)} fault`,
      `${"a's ".repeat(20_000)}`,
      `${'should '.repeat(20_000)}`,
      `${'human '.repeat(20_000)}-`,
      `${'we '.repeat(20_000)}forgot`,
      `${'fail '.repeat(20_000)}`,
    ];
    // Only the last line blames: "we forgot", at its end.
    assert.deepEqual(lines.map(blamed), [[], [], [], [], ['we forgot'], []]);
  });
});

describe('what is not the author speaking', () => {
  it('finds quoted strings, straight and curly, and leaves apostrophes alone', () => {
    const text = 'He said "we forgot" and “it’s fine” and ‘the SRE’s call’ but it’s ours';
    assert.deepEqual(
      quotedSpans(text).map(([a, b]) => text.slice(a, b)),
      ['"we forgot"', '“it’s fine”', '‘the SRE’s call’'],
    );
  });

  it('leaves unmatched quotes, however many', { timeout: 60_000 }, () => {
    const text = '“'.repeat(100_000);
    assert.deepEqual(quotedSpans(text), []);
  });

  it('finds pasted chat lines and not timeline entries', () => {
    const lines = [
      '<alice> we forgot to renew it',
      '[10:32] bob: should have rolled back',
      '[10:32 AM] <bob> should have rolled back',
      '10:32 carol: we failed to page',
      'dave [10:32 AM]',
      '10:30 PM: Reboot begins',
      '03:00 UTC: Issue detected',
      'The SRE forgot to page',
    ];
    const text = lines.join('\n');
    const chat = chatLineSpans(text).map(([a, b]) => text.slice(a, b));
    assert.deepEqual(chat, lines.slice(0, 5));
  });
});

describe('blameful-language in a document', () => {
  const doc = md(
    '# Outage',
    '',
    '## Summary',
    '',
    'The SRE forgot to renew the certificate.',
    '',
    '> The SRE said: "we should have renewed it".',
    '',
    'In the log, `we failed to renew` appears, and the page read "human error".',
    '',
    '```',
    '10:02 alice: we forgot to renew it',
    '```',
    '',
    '10:03 bob: operator error, sorry',
    '',
    '| Who | Note |',
    '|---|---|',
    '| ops | the team failed to page |',
  );

  it('reports the author’s prose and table cells, not quotes, code or chat', () => {
    const findings = lint(doc).findings.filter((f) => f.ruleId === 'blameful-language');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line + 1, f.range.start.character]),
      [
        [5, 0],
        [19, 8],
      ],
    );
    assert.match(findings[0].message, /^"The SRE forgot" puts the blame on people: /);
  });
});
