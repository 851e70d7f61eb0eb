import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { clockLike, entrySnippet, nowIn, placeAfter } from '../../client/src/entryText';
import { formatMinutes, formatOffset, inTimeOrder, metricsSummary, plainText } from '../../client/src/format';
import type { TimelineEntryInfo } from '../../server/src/lsp/protocol';

/** A timeline entry as the server sends it, on `line`, its time at columns `at`–`at + 5`. */
function entry(line: number, time: string | null, patch: Partial<TimelineEntryInfo> = {}): TimelineEntryInfo {
  const at = 2;
  return {
    line,
    range: { start: { line, character: 0 }, end: { line, character: 40 } },
    timeRange: time ? { start: { line, character: at }, end: { line, character: at + time.length } } : null,
    text: 'something happened',
    time,
    zone: 'UTC',
    iso: null,
    offsetMinutes: null,
    sinceImpactMinutes: null,
    kind: 'other',
    ...patch,
  };
}

describe('client: minutes and offsets', () => {
  it('writes lengths of time for people', () => {
    assert.equal(formatMinutes(45), '45m');
    assert.equal(formatMinutes(125), '2h 05m');
    assert.equal(formatMinutes(1500), '1d 1h 00m');
    assert.equal(formatMinutes(null), '—');
    assert.equal(formatOffset(0), '+0:00');
    assert.equal(formatOffset(65), '+1:05');
    assert.equal(formatOffset(-10), '-0:10');
    assert.equal(formatOffset(null), '');
  });

  it('sums the metrics up on one line, a missing one as a dash', () => {
    assert.equal(metricsSummary({ durationMinutes: 116, ttdMinutes: 7, ttaMinutes: 13, ttmMinutes: null, ttrMinutes: 116 }), '1h 56m · TTD 7m · TTA 13m · TTM — · TTR 1h 56m');
  });

  it('drops emphasis and code marks from row text', () => {
    assert.equal(plainText('**RESOLVED**: error   rate `p99` back'), 'RESOLVED: error rate p99 back');
  });
});

describe('client: the timeline in time order', () => {
  it('orders by offset, keeps untimed entries after the entry before them, and loses none', () => {
    const entries = [
      entry(1, '10:20', { offsetMinutes: 0 }),
      entry(2, '10:05', { offsetMinutes: -15 }),
      entry(3, null),
      entry(4, '10:12', { offsetMinutes: -8 }),
    ];
    assert.deepEqual(inTimeOrder(entries).map((e) => e.line), [2, 3, 4, 1]);
  });
});

describe('client: a new timeline entry', () => {
  const now = DateTime.fromISO('2024-07-04T18:30:00Z');

  it('reads now on the timeline’s wall clock: IANA names with DST, abbreviations as their fixed offset', () => {
    assert.equal(nowIn('UTC', now).toFormat('HH:mm'), '18:30');
    assert.equal(nowIn('Europe/Berlin', now).toFormat('HH:mm'), '20:30');
    assert.equal(nowIn('PDT', now).toFormat('HH:mm'), '11:30');
    assert.equal(nowIn('PST', now).toFormat('HH:mm'), '10:30');
    assert.equal(nowIn('UTC+3', now).toFormat('HH:mm'), '21:30');
    assert.equal(nowIn(null, now).toMillis(), now.toMillis());
  });

  it('writes the time the way the neighbouring entry does', () => {
    const afternoon = DateTime.fromISO('2024-07-04T15:05:00Z', { zone: 'UTC' });
    assert.equal(clockLike(afternoon, '14:02'), '15:05');
    assert.equal(clockLike(afternoon, '2:02 PM'), '3:05 PM');
    assert.equal(clockLike(afternoon, '2:02pm'), '3:05pm');
    assert.equal(clockLike(afternoon.set({ hour: 0 }), '11:58 p.m.'), '12:05 a.m.');
  });

  it('shapes the entry like its neighbour: list item with zone, bold time, table row', () => {
    const time = DateTime.fromISO('2024-07-04T16:07:00Z', { zone: 'UTC' });
    const line = '- 15:58 UTC: service back';
    assert.equal(entrySnippet(time, { line, entry: entry(0, '15:58', { text: 'service back' }) }), '- 16:07 UTC: ${1:what happened}');
    const bold = '- **15:58** — **RESOLVED**: errors gone';
    const boldEntry = entry(0, '15:58', { text: 'RESOLVED**: errors gone', timeRange: { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } } });
    assert.equal(entrySnippet(time, { line: bold, entry: boldEntry }), '- **16:07** — ${1:what happened}');
    const resolved = '- 15:58 **RESOLVED**: errors gone';
    assert.equal(entrySnippet(time, { line: resolved, entry: entry(0, '15:58', { text: 'RESOLVED**: errors gone' }) }), '- 16:07 ${1:what happened}');
    const row = '| 15:58 | Errors gone | @dana |';
    assert.equal(entrySnippet(time, { line: row, entry: entry(0, '15:58', { text: 'Errors gone' }) }), '| 16:07 | ${1:what happened} | |');
    assert.equal(entrySnippet(time, undefined), '- 16:07 ${1:what happened}');
  });

  it('goes after the last entry not later than now: by instant with dates, by time of day without', () => {
    const dated = [entry(1, '14:02', { iso: '2024-03-12T14:02:00+00:00' }), entry(2, '15:58', { iso: '2024-03-12T15:58:00+00:00' })];
    assert.equal(placeAfter(dated, now)?.line, 2);
    const timesOnly = [entry(1, '09:00'), entry(2, '12:00'), entry(3, '20:00')];
    assert.equal(placeAfter(timesOnly, DateTime.fromISO('2024-07-04T13:00:00Z', { zone: 'UTC' }))?.line, 2);
    assert.equal(placeAfter(timesOnly, DateTime.fromISO('2024-07-04T08:00:00Z', { zone: 'UTC' })), undefined);
    assert.equal(placeAfter([], now), undefined);
  });
});
