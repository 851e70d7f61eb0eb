/** `postmortem-lint timeline FILE`, run from the built CLI (dist/cli.js) as a user runs it. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from './run';

const DOC = [
  '# Checkout outage',
  '',
  '## Summary',
  '',
  'On 2024-03-09, 20% of checkouts failed.',
  '',
  '## Timeline',
  '',
  '- 11:45 PM Deploy starts',
  '- 12:10 AM Outage begins',
  '- 12:20 AM Alert pages the on-call',
  '- 1:40 AM Rolled back; service restored',
  '',
].join('\n');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-timeline-'));
  writeFileSync(join(dir, 'incident.md'), DOC);
  return dir;
}

describe('postmortem-lint timeline', () => {
  it('prints the timeline as JSON per SPEC §9', () => {
    const dir = workspace();
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ timeline: { defaultTimezone: 'America/New_York' } }));
    const { code, stdout } = run(['timeline', 'incident.md', '--format', 'json'], dir);
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.deepEqual(Object.keys(out), ['file', 'zone', 'entries', 'gaps', 'metrics']);
    assert.equal(out.file, 'incident.md');
    assert.equal(out.zone, 'America/New_York', 'the configured default zone, read from the nearest config file');
    assert.deepEqual(
      out.entries.map((e: Record<string, unknown>) => [e.line, e.time, e.iso, e.offsetMinutes, e.kind]),
      [
        [9, '23:45', '2024-03-09T23:45:00-05:00', 0, 'other'],
        [10, '00:10', '2024-03-10T00:10:00-05:00', 25, 'impact-start'],
        [11, '00:20', '2024-03-10T00:20:00-05:00', 35, 'detected'],
        [12, '01:40', '2024-03-10T01:40:00-05:00', 115, 'resolved'],
      ],
    );
    assert.deepEqual(out.gaps, [{ fromLine: 11, toLine: 12, minutes: 80 }]);
    assert.deepEqual(out.metrics, { durationMinutes: 115, ttdMinutes: 10, ttaMinutes: null, ttmMinutes: null, ttrMinutes: 90 });
  });

  it('takes --config, and gives null zones and ISO times without a zone', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ timeline: { maxGap: 90 } }));
    const out = JSON.parse(run(['timeline', 'incident.md', '--format', 'json', '--config', 'other.json'], dir).stdout);
    assert.equal(out.zone, null);
    assert.equal(out.entries[0].iso, null);
    assert.equal(out.entries[0].time, '23:45');
    assert.deepEqual(out.gaps, []);
  });

  it('prints a readable timeline by default', () => {
    const { code, stdout } = run(['timeline', 'incident.md'], workspace());
    assert.equal(code, 0);
    assert.match(stdout, /^incident\.md$/m);
    assert.match(stdout, /4 entries, no timezone declared/);
    assert.match(stdout, /duration 1 h 55 min · TTD 10 min · TTA — · TTM — · TTR 1 h 30 min/);
    assert.match(stdout, /10\s+00:10\s+\+0:25\s+▲ impact starts\s+Outage begins/);
    assert.match(stdout, /… 1 h 20 min without an entry/);
  });

  it('exits 2 with a message for a file it cannot read or a bad command line', () => {
    const dir = workspace();
    const missing = run(['timeline', 'nope.md', '--format', 'json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md: cannot read the file \(no such file\)/);
    assert.equal(run(['timeline', 'incident.md', '--format', 'sarif'], dir).code, 2);
    assert.equal(run(['timeline'], dir).code, 2);
  });
});
