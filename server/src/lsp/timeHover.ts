import { DateTime } from 'luxon';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { formatDuration, formatElapsed, type PostmortemModel, type Timeline, type TimelineEntry } from '../core';
import { entryAt, isTimed, sinceImpact, startEntry } from './timeline';

const FULL = 'cccc, LLLL d, yyyy, HH:mm';

/**
 * Hover on a timeline entry's time: the instant in its zone and in UTC, the offset from the
 * impact start, the first entry and the previous entry, and the entry's milestone kind.
 */
export function timeHover(model: PostmortemModel, timeline: Timeline, position: Position, markdown: boolean): Hover | undefined {
  const entry = entryAt(model, timeline, position, true);
  if (!entry?.token) return undefined;
  const bold = (text: string) => (markdown ? `**${text}**` : text);
  const groups = [instantLines(entry, bold), offsetLines(timeline, entry), [`Milestone: ${milestone(entry)}`]].filter((g) => g.length > 0);
  // Markdown needs two trailing spaces for a line break inside a paragraph.
  const value = groups.map((group) => group.join(markdown ? '  \n' : '\n')).join('\n\n');
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value },
    range: entry.token.range,
  };
}

function instantLines(entry: TimelineEntry, bold: (text: string) => string): string[] {
  if (entry.time?.problem) return [`${bold('Invalid time')}: ${entry.time.problem}`];
  if (entry.dayLevel) return [`${bold('Day-level entry')}: a date without a time, left out of gaps and metrics.`];
  if (entry.instant === null) return [`${bold('No time')} could be read on this entry.`];
  const zone = entry.zone;
  if (!zone) {
    const wall = DateTime.fromMillis(entry.instant, { zone: 'utc' });
    return [
      `${bold(wall.toFormat(entry.date ? FULL : 'HH:mm'))} — no timezone applies`,
      'Its UTC time is unknown: declare a zone under the Timeline heading ("All times UTC") or on the time.',
    ];
  }
  const local = DateTime.fromMillis(entry.instant, { zone: zone.id });
  const utc = local.toUTC();
  if (!entry.exact) {
    // No date: the wall clock is certain, the UTC time assumes the zone's usual offset.
    return [`${bold(`${local.toFormat('HH:mm')} ${zone.label}`)} (no date)`, `${bold(`${utc.toFormat('HH:mm')} UTC`)} (date unknown, offset ${local.toFormat('ZZ')} assumed)`];
  }
  return [`${bold(`${local.toFormat(FULL)} ${zone.label}`)} (UTC${local.toFormat('ZZ')})`, `${bold(`${utc.toFormat(FULL)} UTC`)}`];
}

function offsetLines(timeline: Timeline, entry: TimelineEntry): string[] {
  if (!isTimed(entry)) return [];
  const lines: string[] = [];
  const start = startEntry(timeline);
  const fromStart = sinceImpact(timeline, entry);
  if (start === entry) lines.push(timeline.milestones.startIsImpact ? 'Impact start (metrics count from here).' : 'First entry (metrics count from here: no impact-start entry).');
  else if (fromStart !== null) lines.push(`${signed(fromStart)} from ${timeline.milestones.startIsImpact ? 'impact start' : 'the first entry'} (line ${start!.line + 1})`);
  const first = timeline.entries.find(isTimed);
  if (timeline.milestones.startIsImpact && first && first !== entry && first !== start && entry.offsetMinutes !== null) {
    lines.push(`${signed(entry.offsetMinutes)} from the first entry (line ${first.line + 1})`);
  }
  if (entry.sincePreviousMinutes !== null) lines.push(`${signed(entry.sincePreviousMinutes)} from the previous entry`);
  return lines;
}

/** `+1:05 (1 h 5 min)`: the clock-style offset, then in words. */
function signed(minutes: number): string {
  return `${formatElapsed(minutes)} (${formatDuration(minutes)})`;
}

function milestone(entry: TimelineEntry): string {
  if (entry.kind === 'other') return 'none';
  return entry.kindSource ? `${entry.kind} (by ${entry.kindSource})` : entry.kind;
}
