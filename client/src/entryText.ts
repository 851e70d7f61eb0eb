/**
 * The text of a new timeline entry, and where it goes: the current time on the timeline's
 * wall clock, written like the neighbouring entry (list item, table row, 12- or 24-hour),
 * after the last entry not later than now. No `vscode` here, so the tests run it in node.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import { parseZone } from '../../server/src/core/timeline/zones';
import type { TimelineEntryInfo } from '../../server/src/lsp/protocol';
import { escapeSnippet } from './templates';

/** Now, on the wall clock of a zone as the document names it (`UTC`, `PDT`, `Europe/Paris`). */
export function nowIn(zoneLabel: string | null, now: DateTime = DateTime.now()): DateTime {
  if (!zoneLabel) return now;
  const zone = parseZone(zoneLabel);
  if (!zone) return now;
  // An abbreviation names a fixed offset (PDT is UTC−7 whatever today's date).
  if (zone.nominalOffset !== undefined) return now.setZone(FixedOffsetZone.instance(zone.nominalOffset));
  const inZone = now.setZone(zone.id);
  return inZone.isValid ? inZone : now;
}

/** Where the new entry goes: after the last entry not later than now (the end, usually). */
export function placeAfter(entries: readonly TimelineEntryInfo[], now: DateTime): TimelineEntryInfo | undefined {
  const timed = entries.filter((e) => e.time !== null);
  if (timed.length === 0) return entries[entries.length - 1];
  const minutesOfDay = now.hour * 60 + now.minute;
  for (let i = timed.length - 1; i >= 0; i--) {
    const entry = timed[i];
    const instant = entry.iso ? DateTime.fromISO(entry.iso, { setZone: true }) : undefined;
    // With a date the comparison is exact; without one, by time of day.
    const notLater = instant?.isValid ? instant.toMillis() <= now.toMillis() : minutesOfDay >= toMinutes(entry.time!);
    if (notLater) return lastOfBlock(entries, entry);
  }
  return undefined;
}

/** The last entry that shares a line-block with `entry` (its sub-entries stay with it). */
function lastOfBlock(entries: readonly TimelineEntryInfo[], entry: TimelineEntryInfo): TimelineEntryInfo {
  const index = entries.indexOf(entry);
  let last = entry;
  for (const next of entries.slice(index + 1)) {
    if (next.time !== null) break;
    last = next;
  }
  return last;
}

function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** A time written the way `written` is: `22:05`, or `10:05 PM` / `10:05pm` / `10:05 p.m.`. */
export function clockLike(time: DateTime, written: string): string {
  const meridiem = /(\s?)([ap])(\.?)m(\.?)/i.exec(written);
  if (!meridiem) return time.toFormat('HH:mm');
  const [, space, letter, dot1, dot2] = meridiem;
  const am = time.hour < 12;
  const mark = `${am ? 'a' : 'p'}${dot1}m${dot2}`;
  return `${time.hour % 12 || 12}:${time.toFormat('mm')}${space}${letter === letter.toUpperCase() ? mark.toUpperCase() : mark}`;
}

/** The new entry's text as a snippet, shaped like `model` (a neighbouring entry's line). */
export function entrySnippet(time: DateTime, model: { line: string; entry: TimelineEntryInfo } | undefined): string {
  const description = '${1:what happened}';
  if (!model || !model.entry.timeRange) return `- ${time.toFormat('HH:mm')} ${description}`;
  const { line, entry } = model;
  const start = entry.timeRange!.start.character;
  const end = entry.timeRange!.end.character;
  const written = line.slice(start, end);
  const clock = clockLike(time, written);
  if (/^\s*\|/.test(line)) {
    // A table row: the time in the time column, the description in the next, other cells empty.
    const cells = line.split('|');
    let offset = 0;
    const rebuilt = cells.map((cell, i) => {
      const cellStart = offset;
      offset += cell.length + 1;
      if (i === 0 || i === cells.length - 1) return cell;
      if (start >= cellStart && start <= cellStart + cell.length) return ` ${escapeSnippet(clock)} `;
      return ' ';
    });
    const timeCell = rebuilt.findIndex((c, i) => i > 0 && c.trim() === escapeSnippet(clock));
    if (timeCell > 0 && timeCell + 1 < rebuilt.length - 1) rebuilt[timeCell + 1] = ` ${description} `;
    return rebuilt.join('|');
  }
  const textAt = entry.text ? line.indexOf(entry.text, end) : -1;
  let prefix = line.slice(0, start);
  // What joins the time to the text: a zone, a colon or a dash ("14:02 UTC: ", "**03:00** — ").
  let between = textAt > end ? line.slice(end, textAt) : ' ';
  // Emphasis around the time ("**15:58**") is kept; any other belongs to the neighbour's text.
  const open = /(\*\*|__)$/.exec(prefix)?.[1];
  const close = open ? between.indexOf(open) : -1;
  if (open && close >= 0) {
    between = between.slice(0, close + open.length) + between.slice(close + open.length).replace(/\*\*|__/g, '');
  } else {
    prefix = prefix.replace(/\*\*|__/g, '');
    between = between.replace(/\*\*|__/g, '');
  }
  if (!/\s$/.test(between)) between += ' ';
  return `${escapeSnippet(prefix)}${escapeSnippet(clock)}${escapeSnippet(between)}${description}`;
}
