import type { Fix } from '../findings';
import type { PostmortemModel } from '../model/types';
import { timelineOf, type EntryContainer, type Timeline } from '../timeline';
import { containerCorrections, sortEdit } from '../timeline/fixes';
import type { Rule } from './types';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry out of place among the others, compared as instants (zones and midnight roll-over applied): one finding for each of the fewest entries that put the rest in order.',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const written = (t: { start: number; end: number }) => model.text.slice(t.start, t.end);
    // The sorts of each container, worked out once and shared by its findings.
    const sorts = new Map<string, ContainerSorts>();
    const sortsOf = (container: EntryContainer) => {
      const key = `${container.kind}:${container.start}`;
      if (!sorts.has(key)) sorts.set(key, containerSorts(model, timeline, container, written));
      return sorts.get(key)!;
    };
    for (const entry of timeline.entries) {
      const disorder = entry.outOfOrder;
      if (!disorder) continue;
      const later = disorder.previous === undefined;
      const neighbour = timeline.entries[disorder.previous ?? disorder.next!];
      const shown = (e: typeof entry) => (e.token ? written(e.token) : `line ${e.line + 1}`);
      const { correction } = disorder;
      const sort = sortsOf(entry.container);
      // A sort of its own container puts the entry in order only when the entry it is compared with is there too.
      const sameContainer = neighbour.container.start === entry.container.start && neighbour.container.kind === entry.container.kind;
      const fixes: Fix[] = [];
      // The one slip a careful reader sees ("11:21 PM" among morning entries) is the fix offered first.
      if (correction) fixes.push({ title: `Change ${written(correction)} to ${correction.text}`, edits: [{ range: model.index.range(correction.start, correction.end), newText: correction.text }], isPreferred: true });
      if (sort.withCorrections && (sameContainer || correction)) fixes.push(sort.withCorrections);
      if (sort.plain && sameContainer) fixes.push({ ...sort.plain, isPreferred: !correction });
      const where = later ? 'later than the entry after it' : 'earlier than the entry before it';
      const corrects = correction && entry.writtenDate?.start === correction.start ? 'its date' : 'its time';
      report({
        start: entry.token?.start ?? entry.start,
        end: entry.token?.end ?? entry.end,
        message: `${shown(entry)} is ${where} (${shown(neighbour)}, line ${neighbour.line + 1}): move it into place, or correct ${corrects}.${correction ? ` Did you mean ${correction.text}?` : ''}`,
        fixes,
      });
    }
  },
};

/** The sorts a container offers: with its entries' corrections made, and plain. None is applied unasked (it moves entries). */
interface ContainerSorts {
  /** Its corrections and a sort in one edit, when the corrections alone leave it out of order. */
  withCorrections?: Fix;
  plain?: Fix;
}

function containerSorts(model: PostmortemModel, timeline: Timeline, container: EntryContainer, written: (t: { start: number; end: number }) => string): ContainerSorts {
  const combined = sortEdit(model, timeline, container, true);
  const plain = sortEdit(model, timeline, container);
  const corrections = containerCorrections(timeline, container)
    .map((e) => `${written(e.outOfOrder!.correction!)} → ${e.outOfOrder!.correction!.text}`)
    .join(', ');
  return {
    withCorrections: combined && { title: `Sort the timeline entries by time, correcting ${corrections}`, edits: [combined] },
    plain: plain && { title: 'Sort the timeline entries by time', edits: [plain] },
  };
}
