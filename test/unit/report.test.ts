/**
 * The report's figures (issue 15) over test/fixtures/report: ten invented postmortems from
 * January to September 2024 and one without a date, checked against numbers worked out by
 * hand below. Each timeline counts from its first entry: TTD, TTA, TTM and TTR are the
 * minutes to its alert, acknowledgement, rollback and resolution (see each file).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, ConfigLoader, RULE_IDS } from '../../server/src/core';
import { buildReport, median, percentile, reportDocument, type Report, type ReportDocument } from '../../server/src/report';
import { quarterOf, quartersBetween } from '../../server/src/report/stats';

const FOLDER = resolve(__dirname, '..', 'fixtures', 'report');
const TODAY = '2024-07-01';

/** Every Markdown file of the fixture folder that is a postmortem, as the report reads it. */
function fixtureDocuments(today = TODAY): ReportDocument[] {
  const loader = new ConfigLoader(RULE_IDS);
  const files = [join(FOLDER, 'README.md'), ...readdirSync(join(FOLDER, 'postmortems')).map((f) => join(FOLDER, 'postmortems', f))];
  return files.flatMap((path) => {
    const { config } = loader.forFile(path);
    const analysis = analyze(readFileSync(path, 'utf8'), { config, path, today });
    return analysis.isPostmortem ? [reportDocument(analysis, config, { file: relative(FOLDER, path) }, today)] : [];
  });
}

const report: Report = buildReport(fixtureDocuments(), { today: TODAY, severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'] });

describe('report: the statistics and their definitions', () => {
  it('takes the median as the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  it('takes the 90th percentile by nearest rank: sorted value number ⌈0.9 × n⌉', () => {
    assert.equal(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90), 90, 'n = 10: the 9th value');
    assert.equal(percentile([5, 1, 3], 90), 5, 'n = 3: ⌈2.7⌉ = the 3rd value');
    assert.equal(percentile([7], 90), 7);
    assert.equal(percentile([], 90), null);
  });

  it('puts a date in its calendar quarter, and lists every quarter between two dates', () => {
    assert.deepEqual(['2024-01-01', '2024-03-31', '2024-04-01', '2024-12-31'].map(quarterOf), ['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q4']);
    assert.deepEqual(quartersBetween('2023-11-20', '2024-04-02'), ['2023-Q4', '2024-Q1', '2024-Q2']);
  });
});

describe('report: the index', () => {
  it('lists the postmortems of the folder (not its README), newest first, the undated one last', () => {
    assert.deepEqual(
      report.documents.map((d) => d.id),
      ['INC-009', 'INC-008', 'INC-007', 'INC-006', 'INC-005', 'INC-004', 'INC-003', 'INC-002', 'INC-001', 'INC-010'],
    );
    assert.equal(report.totals.incidents, 10);
    assert.equal(report.totals.undated, 1);
  });

  it('gives each document its metadata, metrics, problems and action items', () => {
    const byId = new Map(report.documents.map((d) => [d.id, d]));
    assert.deepEqual(byId.get('INC-002'), {
      file: join('postmortems', '2024-02-03-queue-stall.md'),
      date: '2024-02-03',
      dateSource: 'front-matter',
      id: 'INC-002',
      title: 'Order queue stalled',
      severity: 'SEV1',
      status: 'closed',
      metrics: { durationMinutes: 180, ttdMinutes: 15, ttaMinutes: 20, ttmMinutes: 90, ttrMinutes: 180 },
      problems: { errors: 0, warnings: 0 },
      actionItems: { total: 2, open: 2, overdue: 0 },
      openActionItems: byId.get('INC-002')!.openActionItems,
    });
    // No rollback in its timeline: no time to mitigate, and a missing Resolution is an error.
    assert.deepEqual(byId.get('INC-003')!.metrics, { durationMinutes: 30, ttdMinutes: 2, ttaMinutes: 4, ttmMinutes: null, ttrMinutes: 30 });
    assert.deepEqual(byId.get('INC-003')!.problems, { errors: 1, warnings: 0 });
    assert.deepEqual(byId.get('INC-005')!.problems, { errors: 0, warnings: 1 }, 'a bold pseudo-heading');
    assert.equal(byId.get('INC-009')!.severity, null);
    assert.deepEqual([byId.get('INC-010')!.date, byId.get('INC-010')!.dateSource], [null, null]);
  });
});

describe('report: totals and trends', () => {
  it('counts incidents per month, September included after an August without one; the undated one in none', () => {
    assert.deepEqual(
      report.totals.byMonth.map((m) => `${m.month} ${m.incidents}`),
      ['2024-01 1', '2024-02 1', '2024-03 1', '2024-04 1', '2024-05 2', '2024-06 1', '2024-07 1', '2024-08 0', '2024-09 1'],
    );
  });

  it('counts incidents per severity in the configured order, the one without a severity last', () => {
    assert.deepEqual(report.totals.bySeverity, [
      { severity: 'SEV1', incidents: 2 },
      { severity: 'SEV2', incidents: 3 },
      { severity: 'SEV3', incidents: 3 },
      { severity: 'SEV4', incidents: 1 },
      { severity: null, incidents: 1 },
    ]);
  });

  it('gives the median and p90 of each metric per quarter, counting what a timeline does not state', () => {
    const [q1, q2, q3] = report.metrics.quarters;
    assert.deepEqual(report.metrics.quarters.map((q) => `${q.quarter} ${q.incidents}`), ['2024-Q1 3', '2024-Q2 4', '2024-Q3 2']);
    // Q1: INC-001, -002, -003. TTD 5, 15, 2 → sorted 2, 5, 15: median 5, p90 the 3rd (⌈2.7⌉).
    assert.deepEqual(q1.metrics.ttd, { count: 3, notStated: 0, median: 5, p90: 15 });
    assert.deepEqual(q1.metrics.tta, { count: 3, notStated: 0, median: 10, p90: 20 });
    // TTM 40, 90 and INC-003 states none: median 65, p90 the 2nd (⌈1.8⌉).
    assert.deepEqual(q1.metrics.ttm, { count: 2, notStated: 1, median: 65, p90: 90 });
    assert.deepEqual(q1.metrics.ttr, { count: 3, notStated: 0, median: 60, p90: 180 });
    // Q2: INC-004 to -007; INC-006 was neither detected nor acknowledged in its timeline.
    assert.deepEqual(q2.metrics.ttd, { count: 3, notStated: 1, median: 10, p90: 30 });
    assert.deepEqual(q2.metrics.tta, { count: 3, notStated: 1, median: 12, p90: 35 });
    // TTM 20, 25, 50, 120: median (25 + 50) / 2, p90 the 4th (⌈3.6⌉).
    assert.deepEqual(q2.metrics.ttm, { count: 4, notStated: 0, median: 37.5, p90: 120 });
    assert.deepEqual(q2.metrics.ttr, { count: 4, notStated: 0, median: 62.5, p90: 240 });
    // Q3: INC-008 and -009 (no incident in August).
    assert.deepEqual(q3.metrics.ttd, { count: 2, notStated: 0, median: 11.5, p90: 20 });
    assert.deepEqual(q3.metrics.ttr, { count: 2, notStated: 0, median: 25, p90: 35 });
  });

  it('gives the same figures over the whole period, the undated incident included', () => {
    const { overall } = report.metrics;
    // TTD of nine: 2, 3, 4, 5, 8, 10, 15, 20, 30 → median the 5th, p90 the 9th (⌈8.1⌉).
    assert.deepEqual(overall.ttd, { count: 9, notStated: 1, median: 8, p90: 30 });
    assert.deepEqual(overall.tta, { count: 9, notStated: 1, median: 10, p90: 35 });
    assert.deepEqual(overall.ttm, { count: 9, notStated: 1, median: 30, p90: 120 });
    // TTR of ten: 15, 20, 30, 35, 45, 50, 60, 75, 180, 240 → median (45 + 50) / 2, p90 the 9th.
    assert.deepEqual(overall.ttr, { count: 10, notStated: 0, median: 47.5, p90: 180 });
    assert.match(report.metrics.definition, /nearest rank/);
  });

  it('lists the five longest incidents, longest first', () => {
    assert.deepEqual(report.longest.map((l) => `${l.id} ${l.durationMinutes}`), ['INC-007 240', 'INC-002 180', 'INC-004 75', 'INC-001 60', 'INC-006 50']);
  });
});

describe('report: open action items', () => {
  it('groups them by owner however written (@ana, Ana), most overdue first, nobody last; overdue items first in each', () => {
    const groups = report.actionItems.byOwner.map((g) => [g.owner, g.open, g.overdue, g.items.map((i) => `${i.due ?? '-'}${i.overdue ? '!' : ''} ${i.incident.id}:${i.line}`)]);
    assert.deepEqual(groups, [
      ['@bo', 2, 2, ['2024-02-01! INC-001:34', '2024-06-15! INC-004:34']],
      ['@ana', 2, 1, ['2024-06-30! INC-007:32', '2024-08-01 INC-002:32']],
      ['@cy', 1, 0, ['- INC-002:33']],
      [null, 1, 0, ['- INC-004:35']],
    ]);
    assert.deepEqual([report.actionItems.open, report.actionItems.overdue], [6, 3]);
    const late = report.actionItems.byOwner[0].items[1];
    assert.deepEqual([late.file, late.text, late.state], [join('postmortems', '2024-04-02-payment-declines.md'), 'Pin the payment client version', 'in-progress']);
  });

  it('counts overdue from the injected today', () => {
    const later = buildReport(fixtureDocuments('2024-08-02'), { today: '2024-08-02' });
    assert.deepEqual([later.actionItems.open, later.actionItems.overdue], [6, 4]);
  });
});

describe('report: --since and --until', () => {
  it('keeps the incidents dated in the range (inclusive), and says what it left out', () => {
    const q2 = buildReport(fixtureDocuments(), { today: TODAY, since: '2024-04-02', until: '2024-06-30' });
    assert.deepEqual(q2.documents.map((d) => d.id), ['INC-007', 'INC-006', 'INC-005', 'INC-004']);
    assert.deepEqual(q2.totals.leftOut, { outsideRange: 5, undated: 1 });
    assert.deepEqual(q2.metrics.quarters.map((q) => q.quarter), ['2024-Q2']);
    assert.deepEqual(q2.metrics.overall.ttr, report.metrics.quarters[1].metrics.ttr);
    assert.deepEqual(q2.actionItems.byOwner.map((g) => g.owner), ['@ana', '@bo', null]);
  });

  it('gives empty figures, not a failure, when nothing is in the range', () => {
    const none = buildReport(fixtureDocuments(), { today: TODAY, since: '2025-01-01' });
    assert.equal(none.totals.incidents, 0);
    assert.deepEqual([none.totals.byMonth, none.metrics.quarters, none.longest], [[], [], []]);
    assert.deepEqual(none.metrics.overall.ttr, { count: 0, notStated: 0, median: null, p90: null });
  });
});

describe('report: metadata written as a header block', () => {
  const figures = (text: string) => {
    const config = new ConfigLoader(RULE_IDS).forFile(join(FOLDER, 'header.md')).config;
    return reportDocument(analyze(text, { config, today: TODAY }), config, { file: 'header.md' }, TODAY);
  };
  const sections = ['## Summary', '', 'Checkout failed for 18% of users.', '', '## Timeline (UTC)', '', '- 10:00 Alert fired', '- 10:30 Resolved', '', '## Root Cause', '', 'A bad push.', '', '## Resolution', '', 'Reverted.', '', '## Action Items', '', '- Validate pushes @raj'];

  it('reads bold labelled lines under the title where the front matter says nothing', () => {
    const doc = figures(['# Payments 5xx', '', '**Date:** 2024-08-14 · **Severity:** SEV-2 · **Status:** Resolved<br>', 'Incident ID: INC-2291', '', ...sections].join('\n'));
    assert.deepEqual([doc.date, doc.severity, doc.status, doc.id], ['2024-08-14', 'SEV-2', 'Resolved', 'INC-2291']);
  });

  it('lets the front matter win, and reads no labels from the sections below the header', () => {
    const doc = figures(['---', 'severity: SEV1', 'date: 2024-08-13', '---', '# Payments 5xx', '', '- **Severity:** SEV-3', '', ...sections, '', 'Status: still open'].join('\n'));
    assert.deepEqual([doc.date, doc.severity, doc.status], ['2024-08-13', 'SEV1', null]);
  });
});
