import { clock24, type PostmortemModel, type Position, type SeverityCap, type Timeline, type TimelineEntry } from '../core';
import type { MilestoneKind, TimelineMilestoneInfo, TimelineResult } from './protocol';

/** Whether an entry counts for offsets, gaps and metrics (a valid time, not a day-level entry). */
export function isTimed(entry: TimelineEntry): boolean {
  return entry.instant !== null && !entry.dayLevel;
}

/** The entry metrics count from: the impact-start entry, else the first timed one. */
export function startEntry(timeline: Timeline): TimelineEntry | undefined {
  return timeline.milestones.start === null ? undefined : timeline.entries[timeline.milestones.start];
}

/** Minutes from the impact start to an entry, or null when either has no usable time. */
export function sinceImpact(timeline: Timeline, entry: TimelineEntry): number | null {
  const start = startEntry(timeline);
  if (!start || !isTimed(entry) || start.instant === null) return null;
  return Math.round((entry.instant! - start.instant) / 60_000);
}

/** The entry whose date-time token (or, failing that, first line) holds a position. */
export function entryAt(model: PostmortemModel, timeline: Timeline, position: Position, tokenOnly: boolean): TimelineEntry | undefined {
  const offset = model.index.offsetAt(position);
  const onToken = timeline.entries.find((e) => e.token && e.token.start <= offset && offset <= e.token.end);
  if (onToken || tokenOnly) return onToken;
  return timeline.entries.find((e) => e.start <= offset && offset <= e.end);
}

const MILESTONES: ReadonlyArray<Exclude<MilestoneKind, 'other' | 'impact-start'>> = ['detected', 'acknowledged', 'escalated', 'mitigated', 'resolved'];

/** The answer to `postmortem/timeline` for one analysed document version (`cap`: the analysis's `severityCap`). */
export function timelineResult(uri: string, version: number, model: PostmortemModel, timeline: Timeline | undefined, isPostmortem: boolean, cap?: SeverityCap): TimelineResult {
  const empty: TimelineResult = {
    uri,
    version,
    isPostmortem,
    profile: model.profile.name,
    zone: null,
    headingLine: null,
    entries: [],
    gaps: [],
    milestones: [],
    metrics: { durationMinutes: null, ttdMinutes: null, ttaMinutes: null, ttmMinutes: null, ttrMinutes: null },
    severityCap: cap && isPostmortem ? { status: cap.status, severity: cap.severity, lowered: cap.lowered, note: cap.note } : null,
  };
  if (!timeline || !isPostmortem) return empty;
  const { milestones, entries } = timeline;
  const marked: TimelineMilestoneInfo[] = [];
  if (milestones.start !== null && milestones.startIsImpact) marked.push({ kind: 'impact-start', line: entries[milestones.start].line });
  for (const kind of MILESTONES) {
    const index = milestones[kind];
    if (index !== null) marked.push({ kind, line: entries[index].line });
  }
  const heading = timeline.sections[0]?.section.heading;
  return {
    ...empty,
    zone: timeline.zone?.label ?? null,
    headingLine: heading ? model.index.positionAt(heading.start).line : null,
    entries: entries.map((entry) => ({
      line: entry.line,
      range: entry.range,
      timeRange: entry.token?.range ?? null,
      text: entry.text,
      time: entry.dayLevel || !entry.time || entry.time.problem ? null : clock24(entry.time),
      zone: entry.zone?.label ?? null,
      iso: entry.iso,
      offsetMinutes: entry.offsetMinutes,
      sinceImpactMinutes: sinceImpact(timeline, entry),
      kind: entry.kind,
    })),
    gaps: timeline.gaps.map((gap) => ({ fromLine: entries[gap.from].line, toLine: entries[gap.to].line, minutes: gap.minutes })),
    milestones: marked.sort((a, b) => a.line - b.line),
    metrics: { ...timeline.metrics },
  };
}
