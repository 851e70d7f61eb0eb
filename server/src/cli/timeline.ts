import { createColors } from 'picocolors';
import { clock24, formatDuration, formatElapsed, timelineOf, type Timeline } from '../core';
import type { TimelineArgs } from './args';
import { display, readOneDocument } from './document';

/** The CLI's JSON timeline (SPEC §9). */
export interface TimelineJson {
  file: string;
  zone: string | null;
  entries: Array<{ line: number; text: string; time: string | null; zone: string | null; iso: string | null; offsetMinutes: number | null; kind: string }>;
  gaps: Array<{ fromLine: number; toLine: number; minutes: number }>;
  metrics: { durationMinutes: number | null; ttdMinutes: number | null; ttaMinutes: number | null; ttmMinutes: number | null; ttrMinutes: number | null };
}

/** The timeline as SPEC §9's JSON: times `HH:MM` (24 h, as written in their zone), ISO with offset or null. */
export function timelineJson(file: string, timeline: Timeline): TimelineJson {
  return {
    file,
    zone: timeline.zone?.label ?? null,
    entries: timeline.entries.map((e) => ({
      line: e.line + 1,
      text: e.text,
      time: e.time && !e.time.problem ? clock24(e.time) : null,
      zone: e.zone?.label ?? null,
      iso: e.iso,
      offsetMinutes: e.offsetMinutes,
      kind: e.kind,
    })),
    gaps: timeline.gaps.map((g) => ({ fromLine: g.fromLine, toLine: g.toLine, minutes: g.minutes })),
    metrics: { ...timeline.metrics },
  };
}

/** `postmortem-lint timeline FILE [--format json|stylish]`: prints the parsed timeline. */
export async function runTimeline(args: TimelineArgs, cwd = process.cwd()): Promise<number> {
  const read = readOneDocument(args);
  if ('exitCode' in read) return read.exitCode;
  const json = timelineJson(display(args.file, cwd), timelineOf(read.model, read.config));
  const useColor = args.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : formatTimelineStylish(json, useColor));
  return 0;
}

const KIND_MARK: Record<string, string> = {
  'impact-start': '▲ impact starts',
  detected: '● detected',
  acknowledged: '● acknowledged',
  escalated: '● escalated',
  mitigated: '◆ mitigated',
  resolved: '■ resolved',
  other: '',
};

/** The timeline for people: metrics, then one row per entry (line, time, elapsed, milestone, text) with gaps between. */
export function formatTimelineStylish(json: TimelineJson, useColor: boolean): string {
  const c = createColors(useColor);
  const m = json.metrics;
  const metric = (name: string, value: number | null) => `${name} ${value === null ? c.dim('—') : formatDuration(value)}`;
  const out = [
    c.underline(json.file),
    `  ${json.entries.length} entries${json.zone ? `, times in ${json.zone}` : c.yellow(', no timezone declared')}`,
    `  ${[metric('duration', m.durationMinutes), metric('TTD', m.ttdMinutes), metric('TTA', m.ttaMinutes), metric('TTM', m.ttmMinutes), metric('TTR', m.ttrMinutes)].join(' · ')}`,
    c.dim('  (metrics count from impact start, else from the first entry)'),
    '',
  ];
  const gapBefore = new Map(json.gaps.map((g) => [g.toLine, g]));
  // A timeline over several days shows each entry's day (from its ISO date) before its time.
  const days = new Set(json.entries.map((e) => e.iso?.slice(0, 10)).filter(Boolean));
  const day = (e: TimelineJson['entries'][number]) => (days.size > 1 && e.iso ? `${e.iso.slice(0, 10)} ` : '');
  const shown = json.entries.map((e) => (e.time ? `${day(e)}${e.time}${e.zone ? ` ${e.zone}` : ''}` : 'no time'));
  const lineWidth = Math.max(0, ...json.entries.map((e) => String(e.line).length));
  const timeWidth = Math.max(0, ...shown.map((s) => s.length));
  const kindWidth = Math.max(0, ...json.entries.map((e) => (KIND_MARK[e.kind] ?? '').length));
  json.entries.forEach((e, i) => {
    const gap = gapBefore.get(e.line);
    if (gap) out.push(`  ${' '.repeat(lineWidth)}  ${c.yellow(`… ${formatDuration(gap.minutes)} without an entry`)}`);
    const time = shown[i].padEnd(timeWidth);
    const offset = e.offsetMinutes === null ? '' : formatElapsed(e.offsetMinutes);
    const kind = (KIND_MARK[e.kind] ?? '').padEnd(kindWidth);
    out.push(`  ${c.dim(String(e.line).padStart(lineWidth))}  ${e.time ? time : c.red(time)}  ${c.dim(offset.padStart(7))}  ${kindWidth ? `${c.cyan(kind)}  ` : ''}${e.text}`);
  });
  return `${out.join('\n')}\n`;
}
