/**
 * The timeline engine end to end: extraction (lists, tables, paragraph lines, anchors),
 * zones from the nearest declaration, midnight roll-over, DST, milestones and metrics, the
 * Summary's times, the cache, and the CLI's JSON.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, buildDocumentModel, clock24, entryAt, headingZoneEdit, preferredFix, sortTimelineEdits, timelineOf, type Timeline } from '../../server/src/core';
import { formatTimelineStylish, timelineJson } from '../../server/src/cli/timeline';
import { configOf, lint, md, summary } from '../helpers';

function timeline(text: string, patch: unknown = {}): Timeline {
  const config = configOf(patch);
  return timelineOf(buildDocumentModel(text, config).model, config);
}

/** `line HH:MM zone iso kind` rows, for compact assertions. */
function rows(t: Timeline): string[] {
  return t.entries.map((e) => `${e.line + 1} ${e.time && !e.time.problem ? clock24(e.time) : '-'} ${e.zone?.label ?? '-'} ${e.iso ?? '-'} ${e.kind}`);
}

const SECTIONS = ['## Root Cause', '', 'A bad config.', '', '## Resolution', '', 'Rolled back.', '', '## Action Items', '', '- Add a check @ana'];

describe('extraction', () => {
  it('reads list items, nested items with times, and keeps untimed sub-items as details', () => {
    const t = timeline(md('## Summary', '', 'On 2024-05-01 it broke.', '', '## Timeline (UTC)', '', '- 10:00 Deploy starts', '  - details without a time', '  - 10:05 Canary fails', '1. 10:10 Rolled back', ...SECTIONS));
    assert.deepEqual(rows(t), [
      '7 10:00 UTC 2024-05-01T10:00:00+00:00 other',
      '9 10:05 UTC 2024-05-01T10:05:00+00:00 other',
      '10 10:10 UTC 2024-05-01T10:10:00+00:00 mitigated',
    ]);
    assert.equal(t.entries[0].blockEnd > t.entries[1].start, true, 'the parent entry spans its sub-items');
  });

  it('reads table rows, with the time column found by content and a separate date column', () => {
    const t = timeline(md('## Timeline', '', '| Day | Event | When |', '|---|---|---|', '| 2024-03-01 | Deploy | 23:50 UTC |', '| 2024-03-02 | Alert fired | 00:10 UTC |', ...SECTIONS));
    assert.deepEqual(rows(t), ['5 23:50 UTC 2024-03-01T23:50:00+00:00 other', '6 00:10 UTC 2024-03-02T00:10:00+00:00 detected']);
    assert.deepEqual(t.entries.map((e) => e.text), ['Deploy', 'Alert fired']);
  });

  it('takes the zone of a table header "Time (UTC)"', () => {
    const t = timeline(md('## Timeline', '', '| Time (EAT) | Event |', '|---|---|', '| 10:00 | Deploy |', ...SECTIONS));
    assert.equal(t.entries[0].zone?.label, 'EAT');
    assert.equal(t.entries[0].zoneSource, 'table');
  });

  it('reads paragraph lines that begin with a time, with continuation lines, clipped to the section', () => {
    const t = timeline(md('## Summary', '', 'It broke on May 2, 2024.', '', '**Timeline**', '10:00 Deploy', 'which took a while', '10:30 Alert', '', ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => [e.line + 1, e.text]), [[6, 'Deploy'], [8, 'Alert']]);
    assert.equal(t.entries[0].blockEnd, t.entries[1].start - 1, 'the continuation line moves with its entry');
  });

  it('anchors entries to date lines and date sub-headings, and reads day-level entries', () => {
    const t = timeline(
      md('## Timeline (UTC)', '', '### August 4, 2023', '', '- 23:00 Deploy', '', '**August 5, 2023**', '', '- 01:00 Alert', '- 2023-08-07: Postmortem review', ...SECTIONS),
    );
    assert.deepEqual(rows(t), ['5 23:00 UTC 2023-08-04T23:00:00+00:00 other', '9 01:00 UTC 2023-08-05T01:00:00+00:00 detected', '10 - UTC - other']);
    assert.equal(t.entries[2].dayLevel, true);
    assert.deepEqual(t.entries[2].date, { year: 2023, month: 8, day: 7 });
    assert.equal(t.metrics.durationMinutes, 120, 'a day-level entry is left out of metrics');
  });

  it('anchors undated times to front matter, then the title, then the first date in the Summary', () => {
    const body = ['## Summary', '', 'Broke on 2024-01-03.', '', '## Timeline (UTC)', '', '- 10:00 Deploy', ...SECTIONS];
    assert.equal(timeline(md('---', 'date: 2024-01-01', '---', '# Outage on 2024-01-02', ...body)).entries[0].iso, '2024-01-01T10:00:00+00:00');
    assert.equal(timeline(md('# Outage on January 2, 2024', ...body)).entries[0].iso, '2024-01-02T10:00:00+00:00');
    assert.equal(timeline(md('# Outage', ...body)).entries[0].iso, '2024-01-03T10:00:00+00:00');
    assert.equal(timeline(md('# Outage', ...body)).anchor?.source, 'summary');
  });

  it('leaves template placeholders out', () => {
    assert.equal(timeline(md('## Timeline', '', '- XX:XX UTC: {event}', '- TODO', ...SECTIONS)).entries.length, 0);
  });
});

describe('timelines in odd blocks', () => {
  const times = (t: Timeline) => t.entries.map((e) => (e.time && !e.time.problem ? clock24(e.time) : '-'));

  it('reads sub-headings with a time as entries, the blocks under each as its text', () => {
    const t = timeline(
      md('## Timeline (CET)', '', '### 2024-03-13 07:28', '', 'Launches fail.', '', '- pods lost', '- hub stuck', '', '### 07:35 - Nodes cordoned', '', 'The rate had dipped around 07:15.', '', '### 9:10 AM', '', 'Resolved.', ...SECTIONS),
    );
    assert.deepEqual(times(t), ['07:28', '07:35', '09:10']);
    assert.deepEqual(t.entries.map((e) => e.text), ['Launches fail.', 'Nodes cordoned', 'Resolved.']);
    assert.deepEqual(t.entries[0].date, { year: 2024, month: 3, day: 13 });
    assert.equal(t.entries[2].kind, 'resolved', 'the milestone is read from the text under the heading');
    assert.equal(t.entries[0].container.kind, 'headings');
    assert.ok(t.entries[0].blockEnd > t.entries[0].end, 'an entry spans the text under its heading');
  });

  it('keeps day headings at the Timeline\'s own level in the Timeline', () => {
    const text = md('---', 'date: 2025-04-08', '---', '## Timeline', '', '_All times in EEST_', '', '## April 8', '', '### 23:30', '', 'Rollout.', '', '## April 9', '', '### 14:30', '', 'Resolved.', ...SECTIONS);
    const config = configOf();
    const model = buildDocumentModel(text, config).model;
    const t = timelineOf(model, config);
    assert.deepEqual(times(t), ['23:30', '14:30']);
    assert.equal(t.entries[1].date?.day, 9);
    assert.equal(model.sections.filter((s) => s.heading.text === 'April 9').length, 0, 'a day heading opens no section');
  });

  it('reads the timed entries under a heading over a stretch of time, with its zone', () => {
    const t = timeline(md('## Timeline', '', '### 22:04-23:00 UTC: Split found', '', '- 22:04: Invalid blocks', '- 22:19: Wrong address found', ...SECTIONS));
    assert.deepEqual(rows(t).map((r) => r.split(' ').slice(1, 3).join(' ')), ['22:04 UTC', '22:19 UTC']);
  });

  it('reads an indented timeline only under a Timeline and only when nothing else there is timed', () => {
    const indented = timeline(md('## Timeline', '', '\t10:05-am-GMT - Change committed.', '\t10:09-am-GMT - Users report errors.', ...SECTIONS));
    assert.deepEqual(times(indented), ['10:05', '10:09']);
    const log = timeline(md('## Timeline', '', '- 10:00 Deploy', '', '    09:12:01 consumer exited', '', '- 10:30 Rolled back', ...SECTIONS));
    assert.deepEqual(times(log), ['10:00', '10:30']);
    const fenced = timeline(md('## Timeline', '', '```', '10:05 Change committed.', '```', ...SECTIONS));
    assert.deepEqual(fenced.entries, []);
  });

  it('reads the nested list of a Timeline field in a postmortem written as a list of fields', () => {
    const doc = md('# Billing ran twice', '', '- **Summary:** 212 customers were charged twice.', '- **Timeline:**', '  - 02:00 job starts', '  - 02:05 job starts again', '  - 08:15 job disabled', '- **Root cause:** a retry of a job that had not failed.');
    const t = timeline(doc);
    assert.deepEqual(times(t), ['02:00', '02:05', '08:15']);
    assert.deepEqual(t.entries.map((e) => e.line + 1), [5, 6, 7]);
    const missing = lint(doc).findings.find((f) => f.ruleId === 'timezone-missing');
    const declare = missing?.fixes.find((f) => f.title.startsWith('Declare the timezone on the heading: "UTC"'));
    assert.ok(declare, 'the zone is declared on the label');
    assert.match(applyEdits(doc, declare.edits), /^- \*\*Timeline \(UTC\):\*\*$/m);
    assert.deepEqual(times(timeline(md('## Summary', '', '- **Timeline:**', '  - 11:00 UTC b', '', '## Timeline', '', '- 10:00 UTC a'))), ['10:00'], 'a Timeline heading wins over a field');
  });

  it('reads raw HTML lists and paragraph lines split by <br>', () => {
    const html = timeline(md('## Timeline', '', '<ul>', '<li>10:00 Queue grows</li>', '<li><b>10:10</b> Alert</li><li>no time here</li>', '</ul>', ...SECTIONS));
    assert.deepEqual(times(html), ['10:00', '10:10']);
    assert.deepEqual(html.entries.map((e) => e.text), ['Queue grows', 'Alert']);
    const br = timeline(md('## Timeline', '', '15:20 - Change merged.<br> 15:50 - The change takes', 'effect.<br> 16:05 -', 'Monitor fires.', ...SECTIONS));
    assert.deepEqual(times(br), ['15:20', '15:50', '16:05']);
    assert.equal(br.entries[2].text, 'Monitor fires.', 'an entry that ends its line takes its text from the next');
  });


  it('reads the bullets Markdown swallowed into the HTML block of an HTML heading, but not a comment', () => {
    const swallowed = timeline(md('<h3>Timeline (UTC)</h3>', '- 8:50 PM: Alert fired', '- 9:15 PM: Bad config reverted', '  and the fleet restarted', '1. 9:40 PM: All systems restored', '', ...SECTIONS));
    assert.deepEqual(times(swallowed), ['20:50', '21:15', '21:40']);
    assert.deepEqual(swallowed.entries.map((e) => e.text), ['Alert fired', 'Bad config reverted', 'All systems restored']);
    assert.deepEqual(swallowed.entries.map((e) => e.line + 1), [2, 3, 5]);
    const commented = timeline(md('## Timeline', '', '<!--', '- 10:00 UTC: an example entry', '-->', '', '- 11:00 UTC: Alert', ...SECTIONS));
    assert.deepEqual(times(commented), ['11:00']);
  });
  it('reads a time inside a paragraph line only where no entry opens with one', () => {
    const prose = timeline(md('## Timeline', '', 'Impact noticed: around 08:20 GMT, users reported errors.', 'Detection: alerts.', ...SECTIONS));
    assert.deepEqual(times(prose), ['08:20']);
    const listed = timeline(md('## Timeline', '', '- 10:45 Deploy', '- 16:11 Reverted', '', '**Total impact:** 5 hours (10:45 - 16:11 UTC)', ...SECTIONS));
    assert.deepEqual(times(listed), ['10:45', '16:11']);
  });

  it('reads placeholder times as entries without a time, and leaves template lines out', () => {
    const t = timeline(md('## Timeline', '', '- 2022-02-02 1625: E-mail received', '- 2022-02-02 X: Chat message sent', '- xx:xx Config restored', '- XX:XX UTC: {event}', ...SECTIONS));
    assert.deepEqual(times(t), ['16:25', '-', '-']);
    assert.deepEqual(t.entries.map((e) => [e.dayLevel, e.placeholder !== undefined]), [[false, false], [false, true], [false, true]]);
  });

  it('places a 24-hour time written with AM/PM at the hour it states', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 13:06 PM Alert', '- 13:20PM Acknowledged', '- 23:00 AM MST Queue empty', '- 00:30 AM Next day', ...SECTIONS));
    assert.deepEqual(times(t), ['13:06', '13:20', '23:00', '00:30']);
    assert.ok(t.entries.every((e) => e.time?.slip && e.instant !== null && !e.outOfOrder));
  });

  it('reads a table whose "When" column holds dates and "Time" column the times', () => {
    const t = timeline(md('## Timeline', '', '| When | Time (UTC) | What |', '|---|---|---|', '| 2024-02-28 | 23:30 | Run starts |', '| 2024-02-29 | 00:10 | Run fails |', ...SECTIONS));
    assert.deepEqual(rows(t), ['5 23:30 UTC 2024-02-28T23:30:00+00:00 other', '6 00:10 UTC 2024-02-29T00:10:00+00:00 other']);
  });

  it('takes a zone in parentheses at the end of the line for a time that writes none', () => {
    const t = timeline(md('## Timeline', '', '- 10:45 AM - Error rate rises (PDT)', '- 11:00 AM - Rolled back', ...SECTIONS));
    assert.deepEqual([t.entries[0].zone?.label, t.entries[0].zoneSource, t.entries[1].zone?.label], ['PDT', 'line', 'PDT']);
  });
});

describe('zones from the nearest declaration', () => {
  const entries = ['- 10:00 Deploy', '- 10:30 PDT Alert', '- 10:45 Rolled back'];
  it('uses the entry, then the zone carried from an earlier entry, then the heading', () => {
    const t = timeline(md('## Summary', '', 'On 2024-07-01.', '', '## Timeline (UTC)', '', ...entries, ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => `${e.zone?.label} ${e.zoneSource}`), ['UTC heading', 'PDT time', 'PDT carried']);
  });
  it('uses a line right under the heading', () => {
    const t = timeline(md('## Timeline', '', '_All times are in Pacific Time._', '', '- 10:00 Deploy', ...SECTIONS));
    assert.equal(t.entries[0].zoneSource, 'line');
    assert.equal(t.entries[0].iso?.endsWith('-08:00') || t.entries[0].iso === null, true);
  });
  it('uses the summary of a <details> block that folds the timeline, as a heading', () => {
    const folded = md('## Timeline', '', '<details>', '<summary>Full timeline (UTC)</summary>', '', '| Time | Event |', '|---|---|', '| 09:00 | Deploy |', '| 09:12 | Alert |', '', '</details>', ...SECTIONS);
    const t = timeline(folded);
    assert.deepEqual(t.entries.map((e) => `${e.zone?.label} ${e.zoneSource}`), ['UTC line', 'UTC line']);
    assert.equal(lint(folded).findings.filter((f) => f.ruleId === 'timezone-missing').length, 0);
  });
  it('uses front matter, then a preamble line, then the configuration', () => {
    const body = ['## Timeline', '', '- 10:00 Deploy', ...SECTIONS];
    assert.equal(timeline(md('---', 'timezone: Europe/Paris', '---', '', 'All times UTC.', '', ...body)).entries[0].zoneSource, 'front-matter');
    assert.equal(timeline(md('# Outage', '', 'All times in this report are UTC.', '', ...body)).entries[0].zoneSource, 'preamble');
    const configured = timeline(md(...body), { timeline: { defaultTimezone: 'Asia/Tokyo' } });
    assert.deepEqual([configured.entries[0].zone?.id, configured.entries[0].zoneSource], ['Asia/Tokyo', 'config']);
  });
  it("does not give the Timeline's zone to the Summary, but gives a preamble zone to both", () => {
    const doc = (pre: string[]) => md(...pre, '## Summary', '', 'From 10:00 to 10:45 on 2024-05-01, 30% of users saw errors.', '', '## Timeline (UTC)', '', '- 10:00 Deploy', '- 10:45 Resolved', ...SECTIONS);
    assert.equal(timeline(doc([])).summary?.startTime?.zone, null);
    assert.equal(timeline(doc(['All times UTC.', ''])).summary?.startTime?.zoneSource, 'preamble');
    assert.deepEqual(summary(lint(doc([])), ['timezone-missing']), ['1 timezone-missing']);
  });
});

describe('reading times in order', () => {
  it('rolls time-only entries over midnight when the step forward is under 12 hours', () => {
    const t = timeline(md('## Summary', '', 'On November 2, 2022.', '', '## Timeline (UTC)', '', '- 11:45 PM Reboot begins', '- 12:26 AM Outage begins', '- 5:30 AM Back online', ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => e.iso), ['2022-11-02T23:45:00+00:00', '2022-11-03T00:26:00+00:00', '2022-11-03T05:30:00+00:00']);
    assert.deepEqual(t.entries.map((e) => e.dateSource), ['summary', 'rollover', 'rollover']);
    assert.equal(t.entries.some((e) => e.outOfOrder), false);
  });
  it('suggests PM for a 12-hour time written without AM/PM after noon, never on its own', () => {
    const doc = md('## Timeline (UTC)', '', '- 11:50 Deploy', '- 12:10 Alert fires', '- 1:30 Rolled back', '- 01:40 Cache flushed', ...SECTIONS);
    const t = timeline(doc);
    assert.deepEqual(t.entries.map((e) => e.outOfOrder?.correction?.text ?? null), [null, null, '1:30 PM', null], 'a leading zero is a 24-hour clock');
    const finding = lint(doc).findings.find((f) => f.ruleId === 'timeline-order' && f.message.includes('Did you mean 1:30 PM?'));
    assert.ok(finding);
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.automatic ?? false]).slice(0, 1), [['Change 1:30 to 1:30 PM', false]]);
  });
  it('reads 11:21 PM → 12:00 PM as out of order and suggests 12:00 AM', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 11:21 PM Alert', '- 12:00 PM Restart', '- 12:10 AM Resolved', ...SECTIONS));
    const { previous, correction } = t.entries[1].outOfOrder!;
    assert.deepEqual({ previous, text: correction?.text }, { previous: 0, text: '12:00 AM' });
    assert.equal(correction?.instant, t.entries[0].instant! + 39 * 60_000, '12:00 AM is 39 minutes after 11:21 PM');
    assert.equal(t.entries[2].outOfOrder, undefined, 'the entry after a typo is compared with the last entry in order');
  });
  it('blames the one late entry, not the entries after it, and suggests its other half of the day', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 11:15 am a', '- 11:20 AM b', '- 11:21 pm c', '- 12:00 PM d', '- 12:30 PM e', '- 12:45PM f', ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => (e.outOfOrder ? e.index : null)).filter((i) => i !== null), [2]);
    assert.deepEqual(t.entries[2].outOfOrder, { next: 3, correction: { start: t.entries[2].timeToken!.start, end: t.entries[2].timeToken!.end, text: '11:21 am', instant: t.entries[1].instant! + 60_000 } });
  });
  it('compares two slips side by side with the entries in order around them, not with each other', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 9:00 AM a', '- 9:10 PM b', '- 9:20 PM c', '- 9:30 AM d', '- 9:40 AM e', '- 9:50 AM f', ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => e.outOfOrder && { next: e.outOfOrder.next, text: e.outOfOrder.correction?.text }), [undefined, { next: 3, text: '9:10 AM' }, { next: 3, text: '9:20 AM' }, undefined, undefined, undefined]);
  });
  it('keeps reading entry by entry when blaming fewer entries explains no more', () => {
    // 09:30 or 09:12 is out of place: the later entry, earlier than the one before it, is reported.
    const t = timeline(md('## Timeline (UTC)', '', '- 09:00 a', '- 09:30 b', '- 09:12 c', '- 09:40 d', ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => e.outOfOrder ?? null), [null, null, { previous: 1 }, null]);
  });
  it('reads a timeline across a DST change with the right offsets', () => {
    const t = timeline(md('## Summary', '', 'On March 10, 2024.', '', '## Timeline (Pacific Time)', '', '- 1:30 AM Jobs run', '- 1:59 AM Jobs stop', '- 3:10 AM Alert', ...SECTIONS));
    assert.deepEqual(t.entries.map((e) => e.iso), ['2024-03-10T01:30:00-08:00', '2024-03-10T01:59:00-08:00', '2024-03-10T03:10:00-07:00']);
    assert.deepEqual(t.entries.map((e) => e.offsetMinutes), [0, 29, 40]);
    assert.deepEqual(t.gaps, []);
  });
  it('orders a timeline mixing UTC and PDT on one date by instant', () => {
    const doc = md('## Summary', '', 'On 2024-07-10, 45% of video starts failed.', '', '## Timeline', '', '- 16:00 UTC Certificate revoked', '- 9:20 AM PDT Alert fires', '- 16:40 UTC Certificate replaced', ...SECTIONS);
    const t = timeline(doc);
    assert.deepEqual(t.entries.map((e) => e.offsetMinutes), [0, 20, 40]);
    assert.equal(t.entries[1].iso, '2024-07-10T09:20:00-07:00');
    const analysis = lint(doc);
    assert.deepEqual(summary(analysis, ['timeline-order', 'timezone-mixed']), ['8 timezone-mixed']);
    const fixed = applyEdits(doc, preferredFix(analysis.findings.find((f) => f.ruleId === 'timezone-mixed')!)!.edits);
    assert.match(fixed, /^- 4:20 PM UTC Alert fires$/m, 'converted with UTC−7 (PDT in July)');
  });
  it('converts with the winter offset and rewrites the date when the day changes', () => {
    const doc = md('## Timeline (UTC)', '', '- 2024-01-10 05:00 UTC Deploy', '- 2024-01-09 9:40 PM PST Alert fires', '- 2024-01-10 06:00 UTC Resolved', ...SECTIONS);
    const analysis = lint(doc);
    const finding = analysis.findings.find((f) => f.ruleId === 'timezone-mixed');
    assert.ok(finding, summary(analysis).join(', '));
    const fixed = applyEdits(doc, preferredFix(finding)!.edits);
    assert.match(fixed, /^- 2024-01-10 5:40 AM UTC Alert fires$/m, 'UTC−8 in January, on the next day in UTC');
  });
});

describe('milestones and metrics', () => {
  it('classifies by explicit markers first, then keywords; metrics count from impact start', () => {
    const t = timeline(
      md('## Timeline (UTC)', '', '- 10:00 Deploy', '- 10:05 <START OF OUTAGE> errors', '- 10:15 Alert fired', '- 10:20 On-call acknowledged', '- 10:30 Escalated to DB team', '- 10:50 Rolled back', '- 11:05 **RESOLVED**', ...SECTIONS),
    );
    assert.deepEqual(t.entries.map((e) => e.kind), ['other', 'impact-start', 'detected', 'acknowledged', 'escalated', 'mitigated', 'resolved']);
    assert.equal(t.entries[1].kindSource, 'marker');
    assert.deepEqual(t.metrics, { durationMinutes: 65, ttdMinutes: 10, ttaMinutes: 15, ttmMinutes: 45, ttrMinutes: 60 });
  });
  it('takes the milestone the entry labels itself with over the words after it, and partly restored as mitigated', () => {
    const t = timeline(
      md('## Timeline (UTC)', '', '- 10:00 Alert: error rate over 5%', '- 10:20 Mitigated: traffic moved, service restored in one region', '- 10:25 Incident declared, IC: @kim', '- 10:30 Service partially restored', '- 11:00 Error rate back to baseline', '- 11:05 Errors back to zero', ...SECTIONS),
    );
    assert.deepEqual(t.entries.map((e) => e.kind), ['detected', 'mitigated', 'acknowledged', 'mitigated', 'resolved', 'resolved']);
    assert.equal(t.entries[1].kindSource, 'marker');
    assert.equal(t.metrics.ttmMinutes, 20);
    assert.equal(t.metrics.ttrMinutes, 65, 'the last resolved entry');
  });
  it('counts from the first entry without an impact start, and gives null for a missing milestone', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 10:00 Issue detected by an alert', '- 10:40 Issue resolved', ...SECTIONS));
    assert.deepEqual(t.metrics, { durationMinutes: 40, ttdMinutes: 0, ttaMinutes: null, ttmMinutes: null, ttrMinutes: 40 });
    assert.equal(t.milestones.startIsImpact, false);
  });
  it('finds gaps strictly over timeline.maxGap', () => {
    const doc = md('## Timeline (UTC)', '', '- 10:00 a', '- 11:00 b', '- 12:01 c', ...SECTIONS);
    assert.deepEqual(timeline(doc).gaps.map((g) => [g.fromLine, g.toLine, g.minutes]), [[4, 5, 61]]);
    assert.equal(timeline(doc, { timeline: { maxGap: 61 } }).gaps.length, 0);
  });
});

describe('the Summary', () => {
  it('reads labelled start and end times, a range, and a stated duration', () => {
    const labelled = timeline(md('## Summary', '', '**Start Time**: May 19, 2024, 03:00 UTC', '**End Time**: May 19, 2024, 05:30 UTC', ...SECTIONS)).summary!;
    assert.deepEqual([labelled.startTime?.instant, labelled.endTime?.instant], [Date.UTC(2024, 4, 19, 3), Date.UTC(2024, 4, 19, 5, 30)]);
    const ranged = timeline(md('## Summary', '', 'Duration: June 8, 2023, 10:00 PM - June 9, 2023, 08:30 AM (EAT); the outage lasted 10 hours 30 minutes.', ...SECTIONS)).summary!;
    assert.equal(ranged.startTime?.zone?.label, 'EAT');
    assert.equal(ranged.startTime?.instant, Date.UTC(2023, 5, 8, 19));
    assert.equal(ranged.duration?.minutes, 630);
  });
  it('reads times as people type them: a.m./p.m. with the date after, a dated range with an offset, prose', () => {
    const typed = timeline(md('## Summary', '', 'From 11:20 a.m. to 3:42 p.m. UTC on Monday, February 14, 2022, checkout failed.', ...SECTIONS)).summary!;
    assert.deepEqual([typed.startTime?.instant, typed.endTime?.instant], [Date.UTC(2022, 1, 14, 11, 20), Date.UTC(2022, 1, 14, 15, 42)]);
    const ranged = timeline(md('---', 'date: 2024-06-26', '---', '## Summary', '', 'Jun 26 6:00 AM - Jun 28 6:00 AM (UTC-4): builds failed.', ...SECTIONS)).summary!;
    assert.deepEqual([ranged.startTime?.instant, ranged.endTime?.instant], [Date.UTC(2024, 5, 26, 10), Date.UTC(2024, 5, 28, 10)]);
    const prose = timeline(md('## Summary', '', 'The outage began at approximately 7:30 pm (CST) on 2023-03-01 and ended at 9:30 pm.', ...SECTIONS)).summary!;
    assert.deepEqual([prose.startTime?.zone?.label, prose.startTime?.instant, prose.endTime?.instant], ['CST', Date.UTC(2023, 2, 2, 1, 30), Date.UTC(2023, 2, 2, 3, 30)]);
    const trailing = timeline(md('## Summary', '', 'Services were down from 14:25 to 16:40 on 2024-01-21 (UTC).', ...SECTIONS)).summary!;
    assert.deepEqual([trailing.startTime?.zone?.label, trailing.startTime?.zoneSource], ['UTC', 'line']);
  });
  it('puts an end earlier than its start on the next day', () => {
    const s = timeline(md('## Summary', '', 'From 11:45 PM to 5:30 AM on November the 2nd in 2022, the site was down.', ...SECTIONS)).summary!;
    assert.deepEqual(s.endTime?.date, { year: 2022, month: 11, day: 3 });
  });
});

describe('the engine entry point', () => {
  it('computes once per model and configuration', () => {
    const config = configOf();
    const { model } = buildDocumentModel(md('## Timeline', '', '- 10:00 a', ...SECTIONS), config);
    assert.equal(timelineOf(model, config), timelineOf(model, config));
    assert.notEqual(timelineOf(model, config), timelineOf(model, configOf({ timeline: { maxGap: 5 } })));
  });
  it('gives the CLI JSON of SPEC §9', () => {
    const t = timeline(md('## Summary', '', 'On 2024-05-19.', '', '## Timeline', '', '- **03:00 UTC** - Issue detected', '- 5:30 AM UTC: Issue resolved', '- Later: a note', ...SECTIONS));
    assert.deepEqual(timelineJson('x.md', t), {
      file: 'x.md',
      zone: 'UTC',
      entries: [
        { line: 7, text: 'Issue detected', time: '03:00', zone: 'UTC', iso: '2024-05-19T03:00:00+00:00', offsetMinutes: 0, kind: 'detected' },
        { line: 8, text: 'Issue resolved', time: '05:30', zone: 'UTC', iso: '2024-05-19T05:30:00+00:00', offsetMinutes: 150, kind: 'resolved' },
        { line: 9, text: 'Later: a note', time: null, zone: 'UTC', iso: null, offsetMinutes: null, kind: 'other' },
      ],
      gaps: [{ fromLine: 7, toLine: 8, minutes: 150 }],
      metrics: { durationMinutes: 150, ttdMinutes: 0, ttaMinutes: null, ttmMinutes: null, ttrMinutes: 150 },
    });
  });
  it('finds the entry at an offset, for hovers', () => {
    const text = md('## Timeline (UTC)', '', '- 10:00 a', '- 10:05 b', '', 'prose', ...SECTIONS);
    const t = timeline(text);
    assert.equal(entryAt(t, text.indexOf('10:05'))?.text, 'b');
    assert.equal(entryAt(t, text.indexOf('prose')), undefined);
  });
  it('sorts every container of entries for the Sort Timeline command', () => {
    const text = md('## Timeline (UTC)', '', '- 10:05 b', '- 10:00 a', '', '| Time | Event |', '|---|---|', '| 11:30 | d |', '| 11:00 | c |', ...SECTIONS);
    const config = configOf();
    const { model } = buildDocumentModel(text, config);
    const sorted = applyEdits(text, sortTimelineEdits(model, timelineOf(model, config)));
    assert.match(sorted, /- 10:00 a\n- 10:05 b\n\n\| Time \| Event \|\n\|---\|---\|\n\| 11:00 \| c \|\n\| 11:30 \| d \|/);
  });
  it('prints a readable timeline, with days when it spans several', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 2024-01-01 23:00 Deploy', '- 2024-01-02 01:30 Issue resolved', ...SECTIONS));
    const out = formatTimelineStylish(timelineJson('x.md', t), false);
    assert.match(out, /duration 2 h 30 min · TTD — · TTA — · TTM — · TTR 2 h 30 min/);
    assert.match(out, /2024-01-02 01:30 UTC\s+\+2:30\s+■ resolved\s+Issue resolved/);
    assert.match(out, /… 2 h 30 min without an entry/);
  });
  it('declares a zone on any kind of heading, which still names its section and declares the zone', () => {
    const cases: Array<[string, string]> = [
      ['## Timeline', '## Timeline (EAT)'],
      ['## Timeline ##', '## Timeline (EAT) ##'],
      ['**Timeline**', '**Timeline (EAT)**'],
      ['**Timeline:**', '**Timeline (EAT):**'],
      ['Timeline:', 'Timeline (EAT):'],
      ['## Timeline (draft)', '## Timeline (draft, EAT)'],
    ];
    for (const [heading, want] of cases) {
      const text = md('## Summary', '', 'Text.', '', heading, '- 10:00 a', '', ...SECTIONS);
      const config = configOf();
      const { model } = buildDocumentModel(text, config);
      const section = timelineOf(model, config).sections[0]?.section;
      assert.ok(section, heading);
      const fixed = applyEdits(text, [headingZoneEdit(model, section.heading, 'EAT')]);
      assert.ok(fixed.includes(`\n${want}\n`), `${heading} → ${fixed.split('\n')[4]}`);
      assert.equal(timeline(fixed).entries[0]?.zone?.label, 'EAT', want);
    }
  });
  it('gives null iso without a date', () => {
    const t = timeline(md('## Timeline (UTC)', '', '- 10:00 a', ...SECTIONS));
    assert.deepEqual([t.entries[0].iso, t.entries[0].exact, t.entries[0].instant !== null], [null, false, true]);
  });
});
