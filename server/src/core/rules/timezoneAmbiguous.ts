import type { ZoneMention } from '../timeline';
import { timelineOf } from '../timeline';
import type { Rule } from './types';

export const timezoneAmbiguous: Rule = {
  id: 'timezone-ambiguous',
  description: 'An ambiguous zone abbreviation (IST, CST, BST).',
  defaultSeverity: 'info',
  tags: ['timezone'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const mentions: ZoneMention[] = [
      ...timeline.declarations.filter((d) => d.start >= 0),
      ...timeline.entries.map((e) => e.writtenZone),
      timeline.summary?.startTime?.writtenZone,
      timeline.summary?.endTime?.writtenZone,
    ]
      .filter((m): m is ZoneMention => Boolean(m?.zone.ambiguous))
      .filter((m, i, all) => all.findIndex((o) => o.start === m.start) === i);
    mentions.sort((a, b) => a.start - b.start);
    // One finding per abbreviation, on its first use: the advice is the same for every use.
    const seen = new Set<string>();
    for (const mention of mentions) {
      const written = model.text.slice(mention.start, mention.end);
      if (seen.has(written)) continue;
      seen.add(written);
      const count = mentions.filter((m) => model.text.slice(m.start, m.end) === written).length;
      report({
        start: mention.start,
        end: mention.end,
        message: `${written} can mean ${listOf([mention.zone.meaning!, ...mention.zone.ambiguous!])}; it is read as ${mention.zone.meaning}${count > 1 ? ` (${count} uses)` : ''}: write a UTC offset or an IANA name such as ${mention.zone.id}.`,
      });
    }
  },
};

function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
