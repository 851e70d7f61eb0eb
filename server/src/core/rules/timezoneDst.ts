import type { Fix } from '../findings';
import type { PostmortemModel } from '../model/types';
import type { TextEdit } from '../text';
import type { ZoneMention } from '../timeline';
import { timelineOf } from '../timeline';
import { isoDate } from '../timeline/dates';
import { convertEdits, entryConvertible, mergeEdits, offsetFollows, summaryConvertible, type Convertible } from '../timeline/fixes';
import { dstCorrection, formatOffset, offsetAt, wallClock } from '../timeline/zones';
import type { Rule } from './types';

/** A zone's written text and the times that read it: each one's instant as read, its wall clock (as UTC) and where it is. */
interface Use {
  mention: ZoneMention;
  times: Array<{ item: Convertible; local: number }>;
}

export const timezoneDst: Rule = {
  id: 'timezone-dst',
  description: 'A standard/daylight abbreviation wrong for its date (PST in July).',
  defaultSeverity: 'info',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const uses = new Map<number, Use>();
    const use = (mention: ZoneMention | null | undefined, item: Convertible, local: number) => {
      if (!mention || mention.start < 0 || mention.zone.daylight === undefined) return;
      const found = uses.get(mention.start) ?? { mention, times: [] };
      found.times.push({ item, local });
      uses.set(mention.start, found);
    };
    let lastWritten: ZoneMention | null = null;
    for (const e of timeline.entries) {
      if (e.writtenZone) lastWritten = e.writtenZone;
      if (!e.exact || e.instant === null || e.local === null || !e.timeToken) continue;
      const item = { ...entryConvertible(e), end: e.timeToken.end };
      if (e.zoneSource === 'time' || e.zoneSource === 'range') use(e.writtenZone, item, e.local);
      else if (e.zoneSource === 'carried') use(lastWritten, item, e.local);
      else use(timeline.declarations.find((d) => d.zone === e.zone), item, e.local);
    }
    for (const t of [timeline.summary?.startTime, timeline.summary?.endTime]) {
      if (t?.exact && t.instant !== null && t.local !== null && t.writtenZone) use(t.writtenZone, { ...summaryConvertible(t), end: t.timeEnd }, t.local);
    }
    for (const { mention, times } of uses.values()) {
      // A declaration over a timeline that crosses a DST change is right for part of it: only all-wrong is wrong.
      const corrections = new Set(times.map((t) => dstCorrection(mention.zone, t.item.instant)));
      if (corrections.size !== 1) continue;
      const [right] = corrections;
      if (!right) continue;
      const written = model.text.slice(mention.start, mention.end);
      const first = times[0].item.instant;
      const date = isoDate(wallClock(first, mention.zone).date);
      const one = times.length === 1;
      const meant = `UTC${formatOffset(mention.zone.nominalOffset ?? 0, false).replace('-', '−')}`;
      report({
        start: mention.start,
        end: mention.end,
        message: `${written} is ${mention.zone.daylight ? 'daylight' : 'standard'} time, but on ${date} the clocks there are on ${right} (UTC${formatOffset(offsetAt(mention.zone, first), false).replace('-', '−')}): write ${right}. ${one ? 'Keep the time if it was read from a clock there; convert it if it was' : 'Keep the times if they were read from a clock there; convert them if they were'} taken in ${meant}.`,
        // Two readings, neither more likely: the writer picks.
        fixes: offsetFollows(model, mention.end) ? [] : readings(model, mention, times, written, right),
      });
    }
  },
};

/**
 * The two readings of a wrong abbreviation: the label is wrong and the clock right ("PST →
 * PDT, keep 00:00"), or the clock was in the zone named and the time moves ("convert to 01:00
 * PDT"). The second is left out when a time would change day with no date written to change,
 * or would land across a DST change where the new label is wrong again.
 */
function readings(model: PostmortemModel, mention: ZoneMention, times: Use['times'], written: string, right: string): Fix[] {
  const relabel: TextEdit = { range: model.index.range(mention.start, mention.end), newText: right };
  const shown = (item: Convertible) => model.text.slice(item.timeStart, item.end);
  const keep: Fix = { title: `${written} → ${right}, keep ${times.length === 1 ? shown(times[0].item) : `the ${times.length} times as written`}`, edits: [relabel], isPreferred: false };
  const nominal = mention.zone.nominalOffset;
  if (nominal === undefined) return [keep];
  // Read as the abbreviation says (PST is UTC−8 whatever the date), each time is an hour off the clocks there.
  const literal = times.map(({ item, local }) => ({ ...item, instant: local - nominal * 60_000 }));
  if (literal.some((item) => dstCorrection(mention.zone, item.instant) !== right)) return [keep];
  const parts = literal.map((item) => convertEdits(model, item, mention.zone, false));
  const edits = parts.every((part) => part !== undefined) ? mergeEdits([relabel, ...parts.flat()]) : undefined;
  if (!edits) return [keep];
  const converted = parts[0]![0].newText;
  const title = times.length === 1 ? `Convert to ${converted} ${right}` : `Convert the ${times.length} times to ${right} (${shown(literal[0])} → ${converted}, …)`;
  return [keep, { title, edits, isPreferred: false }];
}
