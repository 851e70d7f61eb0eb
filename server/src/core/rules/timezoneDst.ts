import type { ZoneMention } from '../timeline';
import { timelineOf } from '../timeline';
import { isoDate } from '../timeline/dates';
import { offsetFollows } from '../timeline/fixes';
import { dstCorrection, formatOffset, offsetAt, wallClock } from '../timeline/zones';
import type { Rule } from './types';

/** A zone's written text and the instants it is used for. */
interface Use {
  mention: ZoneMention;
  instants: number[];
}

export const timezoneDst: Rule = {
  id: 'timezone-dst',
  description: 'A standard/daylight abbreviation wrong for its date (PST in July).',
  defaultSeverity: 'info',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const uses = new Map<number, Use>();
    const use = (mention: ZoneMention | null | undefined, instant: number) => {
      if (!mention || mention.start < 0 || mention.zone.daylight === undefined) return;
      const found = uses.get(mention.start) ?? { mention, instants: [] };
      found.instants.push(instant);
      uses.set(mention.start, found);
    };
    let lastWritten: ZoneMention | null = null;
    for (const e of timeline.entries) {
      if (e.writtenZone) lastWritten = e.writtenZone;
      if (!e.exact || e.instant === null) continue;
      if (e.zoneSource === 'time' || e.zoneSource === 'range') use(e.writtenZone, e.instant);
      else if (e.zoneSource === 'carried') use(lastWritten, e.instant);
      else use(timeline.declarations.find((d) => d.zone === e.zone), e.instant);
    }
    for (const t of [timeline.summary?.startTime, timeline.summary?.endTime]) {
      if (t?.exact && t.instant !== null && t.writtenZone) use(t.writtenZone, t.instant);
    }
    for (const { mention, instants } of uses.values()) {
      // A declaration over a timeline that crosses a DST change is right for part of it: only all-wrong is wrong.
      const corrections = new Set(instants.map((at) => dstCorrection(mention.zone, at)));
      if (corrections.size !== 1) continue;
      const [right] = corrections;
      if (!right) continue;
      const written = model.text.slice(mention.start, mention.end);
      const date = isoDate(wallClock(instants[0], mention.zone).date);
      report({
        start: mention.start,
        end: mention.end,
        message: `${written} is ${mention.zone.daylight ? 'daylight' : 'standard'} time, but on ${date} the clocks there are on ${right} (UTC${formatOffset(offsetAt(mention.zone, instants[0]), false).replace('-', '−')}): write ${right}.`,
        fixes: offsetFollows(model, mention.end) ? [] : [{ title: `Replace ${written} with ${right}`, edits: [{ range: model.index.range(mention.start, mention.end), newText: right }], isPreferred: true }],
      });
    }
  },
};
