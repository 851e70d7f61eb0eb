/**
 * Property tests: any time the engine prints (in any zone, 12- or 24-hour, with or without
 * seconds, on any date, DST changes included) reads back to the same instant; and reading
 * never throws on arbitrary text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatInstant, instantOf, parseZone, StampReader, type ZoneInfo } from '../../server/src/core';
import { calendarOf, formatDate } from '../../server/src/core/timeline/dates';
import { inDST, offsetMinutes, wallToInstant } from '../../server/src/core/timeline/offsets';

const ZONES: ZoneInfo[] = [
  'UTC', 'EAT', 'CAT', 'WAT', 'PST', 'PDT', 'CET', 'AEST', 'NZDT', 'IST', 'Pacific Time', 'Eastern Time',
  'UTC+05:30', 'UTC-03:00', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns',
].map((name) => {
  const zone = parseZone(name);
  if (!zone) throw new Error(`test zone ${name} does not parse`);
  return zone;
});

/** Instants between 1971 and 2069, whole seconds. */
const instants = fc.integer({ min: 31_536_000, max: 3_155_760_000 }).map((s) => s * 1000);

describe('printed times read back to the same instant', () => {
  it('in every zone, clock style and date style', () => {
    fc.assert(
      fc.property(
        instants,
        fc.constantFrom(...ZONES),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('iso' as const, 'month-name' as const, 'month-name-short' as const),
        (instant, zone, twelveHour, seconds, dateStyle) => {
          const at = seconds ? instant : instant - (instant % 60_000);
          const printed = formatInstant(at, zone, { meridiem: twelveHour ? 'am' : null, hasSeconds: seconds }, true);
          const line = `${formatDate(printed.date, dateStyle)} ${printed.text}: something happened`;
          const stamp = new StampReader(line).readAt(0);
          assert.ok(stamp?.date && stamp.time && stamp.zone, `nothing read from "${line}"`);
          assert.equal(stamp.time.problem, undefined, line);
          const back = instantOf(calendarOf(stamp.date, null, null)!, stamp.time, stamp.zone.zone, true);
          assert.equal(back, at, `"${line}" read back as ${new Date(back).toISOString()}, not ${new Date(at).toISOString()}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('around the DST changes of 2024 in Los Angeles and London, minute by minute', () => {
    const changes = [Date.UTC(2024, 2, 10, 10), Date.UTC(2024, 10, 3, 9), Date.UTC(2024, 2, 31, 1), Date.UTC(2024, 9, 27, 1)];
    const zones = ['PST', 'Pacific Time', 'America/Los_Angeles', 'Europe/London', 'BST'].map((z) => parseZone(z)!);
    for (const change of changes) {
      for (let minute = -120; minute <= 120; minute++) {
        const at = change + minute * 60_000;
        for (const zone of zones) {
          const printed = formatInstant(at, zone, { meridiem: 'am', hasSeconds: false }, true);
          const line = `${formatDate(printed.date, 'iso')} ${printed.text}`;
          const stamp = new StampReader(line).readAt(0)!;
          assert.equal(instantOf(calendarOf(stamp.date!, null, null)!, stamp.time!, stamp.zone!.zone, true), at, line);
        }
      }
    }
  });
});

/**
 * The wall clock of an instant reads back to that instant; in the repeated hour after clocks
 * go back a wall-clock time names two instants (luxon's choice depends on today's date), so
 * there the reading must only show the same wall clock.
 */
function checkWall(id: string, at: number): void {
  const dt = DateTime.fromMillis(at, { zone: id });
  const shown = (ms: number) => DateTime.fromMillis(ms, { zone: id }).toFormat('yyyyMMddHHmmss');
  const read = wallToInstant(id, Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second));
  const repeated = [-3_600_000, -1_800_000, 1_800_000, 3_600_000].some((d) => shown(at + d) === shown(at));
  if (repeated) assert.equal(shown(read), shown(at), `${id} wall ${dt.toISO()}`);
  else assert.equal(read, at, `${id} wall ${dt.toISO()}`);
}

describe('cached offsets agree with luxon', () => {
  const ids = ['America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Africa/Nairobi', 'UTC', 'UTC+3', 'UTC-05:30'];
  it('for offsets, DST and wall-clock times, transitions included', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ids), (instant, id) => {
        const dt = DateTime.fromMillis(instant, { zone: id });
        assert.equal(offsetMinutes(id, instant), dt.offset, `${id} at ${dt.toISO()}`);
        assert.equal(inDST(id, instant), dt.isInDST, `DST in ${id} at ${dt.toISO()}`);
        checkWall(id, instant);
      }),
      { numRuns: 5000 },
    );
  });
  it('minute by minute through every transition day of 2024', () => {
    for (const id of ['America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns']) {
      let transitions = 0;
      for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
        if (DateTime.fromMillis(day, { zone: id }).offset === DateTime.fromMillis(day + 86_399_999, { zone: id }).offset) continue;
        transitions++;
        for (let at = day; at < day + 86_400_000; at += 60_000) {
          const dt = DateTime.fromMillis(at, { zone: id });
          assert.equal(offsetMinutes(id, at), dt.offset, `${id} at ${dt.toISO()}`);
          checkWall(id, at);
        }
      }
      assert.equal(transitions, 2, `${id} changes its clocks twice in 2024`);
    }
  });
});

describe('reading arbitrary text', () => {
  it('never throws and keeps offsets inside the line', () => {
    const alphabet = fc.constantFrom(...'0123456789:apmAPM .-–/T+Z()[]*`_,UTCESTPDMay Augustthe of in\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (line) => {
        const reader = new StampReader(line);
        for (const stamp of reader.all()) {
          assert.ok(stamp.start >= 0 && stamp.end <= line.length && stamp.start < stamp.end, line);
          if (stamp.time && !stamp.time.problem) assert.ok(stamp.time.hour >= 0 && stamp.time.hour <= 23 && stamp.time.minute <= 59, line);
        }
        reader.leading();
        reader.isDateLine();
      }),
      { numRuns: 3000 },
    );
  });
});
