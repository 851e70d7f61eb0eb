/**
 * The time, date and zone readers over a broad table of forms: valid, invalid (reported,
 * never guessed) and ambiguous; and a check that adversarial lines read in linear time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, findTimes, findZones, parseZone, readTimeAt, StampReader } from '../../server/src/core';
import { settleNumericOrder } from '../../server/src/core/timeline/dates';

/** `HH:MM[:SS]` (24 h) of the first stamp with a time in a line, with its zone label and date. */
function read(line: string): string {
  const stamp = new StampReader(line).leading()?.stamp;
  if (!stamp?.time) return 'none';
  const t = stamp.time;
  if (t.problem) return `invalid: ${t.problem}`;
  const hhmm = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}${t.hasSeconds ? `:${String(t.second).padStart(2, '0')}` : ''}`;
  const date = stamp.date ? ` ${stamp.date.year ?? '????'}-${stamp.date.month}-${stamp.date.day}` : '';
  const zone = stamp.zone ? ` ${stamp.zone.zone.label}` : '';
  const range = stamp.rangeEnd?.time ? ` → ${String(stamp.rangeEnd.time.hour).padStart(2, '0')}:${String(stamp.rangeEnd.time.minute).padStart(2, '0')}` : '';
  return `${hhmm}${zone}${date}${range}`;
}

describe('time forms', () => {
  const valid: Array<[string, string]> = [
    ['10:30 PM: reboot', '22:30'],
    ['10:30pm reboot', '22:30'],
    ['10:30 p.m. reboot', '22:30'],
    ['10:30 A.M. reboot', '10:30'],
    ['12:00 AM midnight', '00:00'],
    ['12:00 PM noon', '12:00'],
    ['22:30 deploy', '22:30'],
    ['00:05 deploy', '00:05'],
    ['7:05 deploy', '07:05'],
    ['03:00 UTC - alert', '03:00 UTC'],
    ['**03:00 UTC** - alert', '03:00 UTC'],
    ['`03:00` alert', '03:00'],
    ['[08:47] alert', '08:47'],
    ['14:05:09 alert', '14:05:09'],
    ['14:05:09.123Z alert', '14:05:09 UTC'],
    ['6 PM: standup', '18:00'],
    ['6pm: standup', '18:00'],
    ['August 4, 2023 3:00 PM: deploy', '15:00 2023-8-4'],
    ['Aug 4th 2023, 3:00 PM: deploy', '15:00 2023-8-4'],
    ['4 August 2023 15:00: deploy', '15:00 2023-8-4'],
    ['2023-08-04 15:00: deploy', '15:00 2023-8-4'],
    ['2023-08-04T15:00:00Z deploy', '15:00:00 UTC 2023-8-4'],
    ['2023-08-04T15:00:00+03:00 deploy', '15:00:00 UTC+03:00 2023-8-4'],
    ['2023-08-04T15:00:00-07:00 deploy', '15:00:00 UTC-07:00 2023-8-4'],
    ['06/May/2022 10:00 login', '10:00 2022-5-6'],
    ['Friday, August 11, 2023 9:00 AM posted', '09:00 2023-8-11'],
    ['14:00–14:30 maintenance', '14:00 → 14:30'],
    ['14:00-14:30 maintenance', '14:00 → 14:30'],
    ['10:00 PM - 11:15 PM EAT window', '22:00 EAT → 23:15'],
    ['10:30 PM PDT outage', '22:30 PDT'],
    ['10:30 PM Pacific Time outage', '22:30 Pacific Time'],
    ['15:00 East African Time outage', '15:00 East African Time'],
    ['15:00 (UTC+3) outage', '15:00 UTC+03:00'],
    ['15:00 GMT + 1 outage', '15:00 UTC+01:00'],
    ['15:00 +0100 outage', '15:00 UTC+01:00'],
    ['15:00 America/Los_Angeles outage', '15:00 America/Los_Angeles'],
    ['15:00 utc outage', '15:00 UTC'],
    ['At around 15:00 the deploy started', '15:00'],
  ];
  for (const [line, want] of valid) it(`reads "${line}"`, () => assert.equal(read(line), want));

  const typed: Array<[string, string]> = [
    ['11am standup', '11:00'],
    ['5pm: rollback', '17:00'],
    ['11:20 a.m. alert', '11:20'],
    ['7:30 pm (CST) alert', '19:30 CST'],
    ['At11:15 PM the pager fired', '23:15'],
    ['At 11:15 PM the pager fired', '23:15'],
    ['around 09:07 WAT, users reported errors', '09:07 WAT'],
    ['T08:19:34+0100 worker restarted', '08:19:34 UTC+01:00'],
    ['07:7:47 cache flushed', '07:07:47'],
    ['[ 4: 45 am PST ] - first deploy', '04:45 PST'],
    ['11:26-am-GMT - users complain', '11:26 GMT'],
    ['4:00 GMT + 1 queue drained', '04:00 UTC+01:00'],
    ['[03-26 02:50] disk full', '02:50 ????-3-26'],
    ['February 24th, 15 at 3:00 PM deploy', '15:00 2015-2-24'],
    ['06/May/2022 2:17 PM (GMT) login fails', '14:17 GMT 2022-5-6'],
    ['05/15/23 10:45 AM cluster drained', '10:45 2023-5-15'],
    ['2022-02-02 1625: e-mail received', '16:25 2022-2-2'],
    ['Feb 7 1506 UTC: patch agreed', '15:06 UTC ????-2-7'],
    ['Feb 9 1924 UTC: apphash again', '19:24 UTC ????-2-9'],
    ['1506 UTC: patch released', '15:06 UTC'],
    ['0457Z: replica caught up', '04:57 UTC'],
    ['2021-08-27: At 12:50:07 UTC, exploited', '12:50:07 UTC 2021-8-27'],
    ['12:45 PM PST Saturday Oct 30th: first wave', '12:45 PST ????-10-30'],
    ['Midnight (SAST): anomalies detected', '00:00 SAST'],
    ['14h45 CET : alerte', '14:45 CET'],
    ['2024-05-03 9h05 reprise', '09:05 2024-5-3'],
    ['The fix took 2h30 in all', 'none'],
    ['10:05 second run starts', '10:05'],
    ['noon: all clear', '12:00'],
  ];
  for (const [line, want] of typed) it(`reads "${line}" as people type it`, () => assert.equal(read(line), want));

  it('reads a placeholder where the time goes, and a lone X only after a date, before a separator', () => {
    const placeholder = (line: string) => {
      const stamp = new StampReader(line).atLead();
      return stamp?.placeholder ? line.slice(stamp.placeholder.start, stamp.placeholder.end) : undefined;
    };
    assert.equal(placeholder('2022-02-02 X: chat message sent'), 'X');
    assert.equal(placeholder('xx:xx config restored'), 'xx:xx');
    assert.equal(placeholder('??:?? UTC - page sent'), '??:??');
    assert.equal(placeholder('HH:MM UTC - describe the event'), undefined);
    assert.equal(placeholder('Aug 4: X (the network) posts a notice'), undefined);
    assert.equal(placeholder('X: the letter alone'), undefined);
  });

  const notTyped = ['2022-02-02 1500 requests failed', '1625 requests failed', 'Feb 05, 2021: disclosure', 'X marks the spot', 'the 03-26 build'];
  for (const line of notTyped) it(`reads no time in "${line}"`, () => assert.equal(read(line), 'none'));

  const slips: Array<[string, string]> = [
    ['13:20PM: alert', '13:20'],
    ['13:06 PM: alert', '13:06'],
    ['23:59 PM: alert', '23:59'],
    ['23:00 AM MST: alert', '23:00'],
    ['00:30 AM: alert', '00:30'],
    ['13pm: alert', '13:00'],
  ];
  for (const [line, want] of slips) {
    it(`reads the 24-hour "${line}" at the hour it states, with a slip to report`, () => {
      const time = new StampReader(line).leading()!.stamp.time!;
      assert.equal(time.problem, undefined);
      assert.equal(`${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`, want);
      assert.equal(time.meridiem, null, 'read as 24-hour');
      assert.match(time.slip!.message, /gives a 24-hour time with [AP]M: it is read as \d\d:\d\d; drop the [AP]M/);
      assert.equal(time.slip!.clock, want === '13:00' ? '13:00' : line.slice(0, 5));
    });
  }

  const invalid: Array<[string, RegExp]> = [
    ['00:30 PM: alert', /with AM\/PM the hour runs 1–12; write 12:30 PM or 00:30/],
    ['25:00: alert', /hours run 0–23/],
    ['25:00 PM: alert', /hours run 0–23/],
    ['3:75: alert', /minutes run 00–59/],
    ['24:00: alert', /hours run 0–23/],
    ['3:AM: alert', /has no minutes/],
    ['3:5 PM: alert', /has no minutes/],
    ['12:60: alert', /minutes run 00–59/],
    ['12:30:75: alert', /seconds run 00–59/],
  ];
  for (const [line, want] of invalid) it(`says "${line}" is invalid`, () => assert.match(read(line), want));

  const notTimes = ['a window of 2:45 hours', 'took 1:30h', 'version 1.2.3', 'localhost:8080 refused', 'ratio 3:1', 'Q3:15 plan', 'the 12345 requests', 'I am here'];
  for (const line of notTimes) it(`finds no time in "${line}"`, () => assert.deepEqual(findTimes(line).filter((t) => !t.problem), []));

  it('does not read a time glued to a word or inside a clock', () => {
    assert.equal(readTimeAt('abc10:30', 3), undefined);
    assert.equal(readTimeAt('12:34:56', 3), undefined);
  });
});

describe('date forms', () => {
  const cases: Array<[string, string]> = [
    ['on August 4, 2023', '2023-8-4 month-name'],
    ['on Aug 4 2023', '2023-8-4 month-name-short'],
    ['November the 2nd in 2022', '2022-11-2 month-name'],
    ['the 2nd of November, 2022', '2022-11-2 month-name'],
    ['4 August 2023', '2023-8-4 month-name'],
    ['2023-08-04', '2023-8-4 iso'],
    ['2023/08/04', '2023-8-4 iso'],
    ['06/May/2022', '2022-5-6 month-name-short'],
    ['06-May-2022', '2022-5-6 month-name-short'],
    ['May 10', 'null-5-10 month-name-short'],
    ['25/12/2022', '2022-12-25 numeric'],
  ];
  for (const [text, want] of cases) {
    it(`reads "${text}"`, () => {
      const [d] = findDates(text);
      assert.ok(d, 'no date found');
      assert.equal(`${d.year}-${d.month}-${d.day} ${d.style}`, want);
    });
  }
  it('does not take "may" or "march" as months without a year', () => {
    assert.deepEqual(findDates('the disk may 5 times fail; we march 3 steps'), []);
  });
  it('rejects impossible dates', () => assert.deepEqual(findDates('February 30, 2023 and 2023-13-01'), []));

  it('keeps both readings of a numeric date that could swap', () => {
    const [d] = findDates('04-12-2022');
    assert.deepEqual([d.month, d.day, d.swapped], [4, 12, { month: 12, day: 4 }]);
    assert.equal(findDates('05/05/2022')[0].swapped, undefined);
  });
  it('settles the order by a part over 12, or by a spelled-out date', () => {
    assert.equal(settleNumericOrder(findDates('04/12/2022 and 25/12/2022')), 'dmy');
    assert.equal(settleNumericOrder(findDates('04/12/2022 and 12/25/2022')), 'mdy');
    assert.equal(settleNumericOrder(findDates('04/12/2022, that is December 4, 2022')), 'dmy');
    assert.equal(settleNumericOrder(findDates('04/12/2022, that is April 12, 2022')), 'mdy');
    assert.equal(settleNumericOrder(findDates('04/12/2022')), null);
    assert.equal(settleNumericOrder(findDates('25/12/2022 and 12/25/2022')), null, 'a document that contradicts itself settles nothing');
  });
});

describe('zones', () => {
  const cases: Array<[string, string, string?]> = [
    ['UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['EAT', 'Africa/Nairobi'],
    ['CAT', 'Africa/Maputo'],
    ['WAT', 'Africa/Lagos'],
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['East African Time', 'Africa/Nairobi'],
    ['UTC+3', 'UTC+3'],
    ['UTC-05:30', 'UTC-05:30'],
    ['+0100', 'UTC+1'],
    ['Europe/Paris', 'Europe/Paris'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ];
  for (const [text, id] of cases) it(`reads "${text}" as ${id}`, () => assert.equal(parseZone(text)?.id, id));

  it('notes ambiguous abbreviations', () => {
    for (const abbr of ['IST', 'CST', 'BST']) assert.ok(parseZone(abbr)?.ambiguous?.length, abbr);
    assert.equal(parseZone('UTC')?.ambiguous, undefined);
  });
  it('knows which abbreviations name daylight time', () => {
    assert.equal(parseZone('PDT')?.daylight, true);
    assert.equal(parseZone('PST')?.daylight, false);
    assert.equal(parseZone('Pacific Time')?.daylight, undefined);
  });
  it('finds zones in headings and declarations, not in words', () => {
    assert.deepEqual(findZones('Timeline (East African Time - EAT)').map((z) => z.zone.label), ['East African Time', 'EAT']);
    assert.deepEqual(findZones('(all times in Pacific Time)').map((z) => z.zone.id), ['America/Los_Angeles']);
    assert.deepEqual(findZones('the cat and the art of west'), []);
    assert.equal(parseZone('Mars/Olympus'), undefined);
  });
});

describe('linear time on adversarial lines', () => {
  const patterns = ['1:', '12:3', 'May 1, ', '10:00 - ', '1 ', '+01', 'a/b/', '  ', '**', 'UTC+', '2023-08-0', '04/12/'];
  for (const unit of patterns) {
    it(`reads a long line of "${unit}" quickly`, () => {
      const line = unit.repeat(Math.ceil(100_000 / unit.length));
      const started = process.hrtime.bigint();
      new StampReader(line).all();
      findZones(line);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // 100 kB in well under a second: a quadratic reading would take minutes.
      assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
    });
  }
});
