/**
 * The timeline engine's public face. `timelineOf(model, config)` is the one entry point:
 * memoised per model object, so every rule, the CLI and the language server share one
 * computation per document version.
 */
import type { PostmortemConfig } from '../config/schema';
import type { PostmortemModel } from '../model/types';
import { buildTimeline } from './build';
import type { Timeline, TimelineEntry } from './types';

const cache = new WeakMap<PostmortemModel, Map<string, Timeline>>();

/**
 * The parsed timeline of a postmortem: entries (offsets, instants, zones, milestone kinds,
 * offsets from the first entry), gaps over `timeline.maxGap`, milestones and start-anchored
 * metrics, and the Summary's start, end and duration. Computed once per model and timeline
 * configuration; treat the result as read-only.
 */
export function timelineOf(model: PostmortemModel, config: PostmortemConfig): Timeline {
  const key = `${config.timeline.maxGap}\u0000${config.timeline.defaultTimezone ?? ''}`;
  let byConfig = cache.get(model);
  if (!byConfig) {
    byConfig = new Map();
    cache.set(model, byConfig);
  }
  let timeline = byConfig.get(key);
  if (!timeline) {
    timeline = buildTimeline(model, config);
    byConfig.set(key, timeline);
  }
  return timeline;
}

/** The entry whose text (first line) holds an offset, for hovers and inlay hints; undefined between entries. */
export function entryAt(timeline: Timeline, offset: number): TimelineEntry | undefined {
  let low = 0;
  let high = timeline.entries.length - 1;
  // Entries are in document order, so a binary search finds the last one starting at or before the offset.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (timeline.entries[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  const entry = timeline.entries[low];
  return entry && entry.start <= offset && offset <= entry.end ? entry : undefined;
}

export { headingZoneEdit, sortEdit, sortTimelineEdits } from './fixes';
export { clock24, formatDuration, formatElapsed, formatInstant, formatTimeOfDay, zoneLabelAt } from './format';
export { findDates, isoDate, type DateToken } from './dates';
export { findTimes, readTimeAt, type TimeToken } from './times';
export { findZones, instantOf, isoOf, machineZone, parseZone, readZoneAt, wallClock, type ZoneToken } from './zones';
export { StampReader, type Stamp } from './stamps';
export type * from './types';
