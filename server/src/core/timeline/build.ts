/**
 * Builds the `Timeline` of a model: finds the Timeline sections' entries, places them in
 * time, classifies milestones, computes gaps and metrics, and reads the Summary's times.
 */
import type { PostmortemConfig } from '../config/schema';
import { NodeMemo } from '../memo';
import { sectionFor } from '../model/query';
import type { PostmortemModel } from '../model/types';
import { addDays, calendarOf, findDates, settleNumericOrder, type DateToken } from './dates';
import { documentDate, documentDeclaration, sectionDeclaration } from './declarations';
import { extractSection, shiftDate } from './extract';
import { timelineSections } from './fieldSections';
import { computeMetrics, findGaps, findMilestones, setOffsets } from './milestones';
import { BASE_DATE, placeSection, type PlaceContext } from './place';
import type { Stamp } from './stamps';
import { readSummary } from './summary';
import type { AmbiguousDate, SummaryTime, SummaryTimes, Timeline, TimelineEntry, ZoneDeclaration, ZoneInfo } from './types';
import { instantOf, sameZone } from './zones';

/** Computes the timeline of a model (uncached: use `timelineOf`). */
export function buildTimeline(model: PostmortemModel, config: PostmortemConfig): Timeline {
  const documentZone = documentDeclaration(model, config);
  const summarySection = sectionFor(model, 'summary');
  const dates = documentDates(model);
  const numericOrder = settleNumericOrder(dates);
  const ambiguousDates: AmbiguousDate[] = numericOrder
    ? []
    : dates
        .filter((d) => d.swapped)
        .map((d) => ({ start: d.start, end: d.end, text: model.text.slice(d.start, d.end), read: { year: d.year!, month: d.month, day: d.day }, other: { year: d.year!, month: d.swapped!.month, day: d.swapped!.day } }));
  const anchorToken = documentDate(model, summarySection);
  const anchorDate = anchorToken ? calendarOf(anchorToken.token, numericOrder, null) : null;
  const anchor = anchorDate && anchorToken ? { date: anchorDate, source: anchorToken.source } : null;
  const ctx: PlaceContext = { text: model.text, index: model.index, anchor, numericOrder, documentZone };

  const sections = timelineSections(model).map((section) => ({ section, declared: sectionDeclaration(model, section) }));
  const entries: TimelineEntry[] = [];
  const declarations: ZoneDeclaration[] = [];
  for (const { section, declared } of sections) {
    const items = extractSection(model, section);
    placeSection(items, declared, ctx, entries);
    if (declared) declarations.push(declared);
    for (const item of items) {
      if (item.type !== 'entry') continue;
      if (item.tableZone && !declarations.includes(item.tableZone)) declarations.push(item.tableZone);
      if (item.lineZone) declarations.push(item.lineZone);
    }
  }
  if (documentZone) declarations.push(documentZone);
  setOffsets(entries);
  const milestones = findMilestones(entries);
  const summary = summarySection ? placeSummary(model, summarySection, ctx, declarations) : null;
  return {
    sections,
    entries,
    gaps: findGaps(entries, config.timeline.maxGap),
    milestones,
    metrics: computeMetrics(entries, milestones),
    zone: timelineZone(sections[0]?.declared ?? documentZone, entries),
    documentZone,
    anchor,
    summary,
    ambiguousDates,
    numericOrder,
    declarations,
  };
}

/** The timeline's zone: declared for it, else the one zone all its zoned entries share. */
function timelineZone(declared: ZoneDeclaration | null, entries: readonly TimelineEntry[]): ZoneInfo | null {
  if (declared) return declared.zone;
  const zoned = entries.filter((e) => e.zone && e.instant !== null);
  if (zoned.length === 0) return null;
  const first = zoned[0].zone!;
  return zoned.every((e) => sameZone(e.zone!, first, e.instant!)) ? first : null;
}

/** The dates of a top-level block, relative to its start: kept per block across edits (memo.ts). */
const blockDates = new NodeMemo<readonly DateToken[]>();

/** Every date in the document's prose (fenced code left out), for settling numeric dates. */
function documentDates(model: PostmortemModel): DateToken[] {
  const dates: DateToken[] = [];
  for (const block of model.blocks) {
    if (block.node.type === 'code' || block.node.type === 'html') continue;
    for (const d of blockDates.get(block.node, () => findDates(model.text.slice(block.start, block.end)))) dates.push(shiftDate(d, block.start));
  }
  return dates;
}

/** Reads and places the Summary's start and end (its zone: on the time, at the end of its line, its heading or first line, or document-wide). */
function placeSummary(model: PostmortemModel, section: PostmortemModel['sections'][number], ctx: PlaceContext, declarations: ZoneDeclaration[]): SummaryTimes {
  const raw = readSummary(model, section);
  if (raw.lineZone) declarations.push(raw.lineZone);
  const declared = raw.lineZone ?? sectionDeclaration(model, section) ?? ctx.documentZone;
  const startTime = raw.start ? summaryTime(raw.start, raw.end, declared, ctx, null) : null;
  const endTime = raw.end ? summaryTime(raw.end, raw.start, declared, ctx, startTime) : null;
  return { section, startTime, endTime, duration: raw.duration ?? null };
}

function summaryTime(stamp: Stamp, other: Stamp | undefined, declared: ZoneDeclaration | null, ctx: PlaceContext, start: SummaryTime | null): SummaryTime | null {
  const time = stamp.time;
  if (!time) return null;
  const written = stamp.zone ? { zone: stamp.zone.zone, start: stamp.zone.start, end: stamp.zone.end } : null;
  const borrowed = !written && other?.zone ? other.zone.zone : null;
  const zone = written?.zone ?? borrowed ?? declared?.zone ?? null;
  const zoneSource = written ? (stamp.zoneFromRange ? 'range' : 'time') : borrowed ? 'range' : (declared?.source ?? null);
  const writtenDate = stamp.date ? calendarOf(stamp.date, ctx.numericOrder, ctx.anchor?.date.year ?? null) : null;
  let date = writtenDate ?? start?.date ?? ctx.anchor?.date ?? null;
  const known = date !== null;
  const result: SummaryTime = {
    start: stamp.start,
    end: stamp.end,
    timeStart: time.start,
    timeEnd: time.end,
    clockEnd: stamp.clockEnd ?? time.end,
    time: { hour: time.hour, minute: time.minute, second: time.second, hasSeconds: time.hasSeconds, meridiem: time.meridiem, ...(time.problem ? { problem: time.problem } : {}), ...(time.slip ? { slip: time.slip } : {}) },
    writtenZone: written,
    zone,
    zoneSource,
    date,
    writtenDate: writtenDate && stamp.date ? { date: writtenDate, start: stamp.date.start, end: stamp.date.end, style: stamp.date.style } : null,
    instant: null,
    exact: false,
    local: null,
  };
  if (time.problem) return result;
  let instant = instantOf(date ?? BASE_DATE, time, zone, known);
  // An end earlier than its start (11:45 PM to 5:30 AM) is on the next day.
  if (start?.instant != null && !writtenDate && instant <= start.instant) {
    date = addDays(date ?? BASE_DATE, 1);
    instant = instantOf(date, time, zone, known);
    if (known) result.date = date;
  }
  result.instant = instant;
  result.local = instantOf(date ?? BASE_DATE, time, null, false);
  result.exact = known && zone !== null;
  return result;
}
