import type { Fix } from '../findings';
import type { TextEdit } from '../text';
import { timelineOf, type EntryContainer } from '../timeline';
import { containerFlips, sortEdit } from '../timeline/fixes';
import type { Rule } from './types';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry earlier than the one before it, compared as instants (zones and midnight roll-over applied).',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    // One sort per container, shared by its findings (a reversed list of n entries has n - 1 of them).
    const sorts = new Map<string, { plain?: TextEdit; withFlips?: TextEdit }>();
    const sortsOf = (container: EntryContainer) => {
      const key = `${container.kind}:${container.start}`;
      if (!sorts.has(key)) sorts.set(key, { plain: sortEdit(model, timeline, container), withFlips: sortEdit(model, timeline, container, true) });
      return sorts.get(key)!;
    };
    const written = (t: { start: number; end: number }) => model.text.slice(t.start, t.end);
    /** The AM/PM corrections in a container, as "12:00 AM → 12:00 PM". */
    const flipsOf = (container: EntryContainer) => containerFlips(timeline, container).map((e) => `${written(e.timeToken!)} → ${e.outOfOrder!.suggestion}`).join(', ');
    for (const entry of timeline.entries) {
      if (!entry.outOfOrder) continue;
      const previous = timeline.entries[entry.outOfOrder.previous];
      const shown = (e: typeof entry) => (e.token ? model.text.slice(e.token.start, e.token.end) : `line ${e.line + 1}`);
      const suggestion = entry.outOfOrder.suggestion ? ` Did you mean ${entry.outOfOrder.suggestion}?` : '';
      const sameContainer = previous.container.start === entry.container.start && previous.container.kind === entry.container.kind;
      const sorts = sortsOf(entry.container);
      // A sort of its own container puts the entry in order only when the one before it is there too.
      const plain = sameContainer ? sorts.plain : undefined;
      // When correcting the AM/PM slips leaves the container out of order, one fix does both: a
      // correction first and the sort it reveals after would take two passes of "fix all".
      const withFlips = sameContainer || entry.outOfOrder.suggestion ? sorts.withFlips : undefined;
      const flipsAndSort = withFlips !== undefined;
      const fixes: Fix[] = [];
      if (withFlips) fixes.push({ title: `Sort the timeline entries by time, correcting AM/PM (${flipsOf(entry.container)})`, edits: [withFlips], isPreferred: true });
      // "12:00 PM" after "11:21 PM" is most likely a slip of AM/PM: changing it is the obvious fix, sorting the other.
      if (entry.outOfOrder.suggestion && entry.timeToken) {
        const range = model.index.range(entry.timeToken.start, entry.timeToken.end);
        fixes.push({ title: `Change ${written(entry.timeToken)} to ${entry.outOfOrder.suggestion}`, edits: [{ range, newText: entry.outOfOrder.suggestion }], isPreferred: !flipsAndSort });
      }
      if (plain) fixes.push({ title: 'Sort the timeline entries by time', edits: [plain], isPreferred: fixes.length === 0 });
      report({
        start: entry.token?.start ?? entry.start,
        end: entry.token?.end ?? entry.end,
        message: `${shown(entry)} is earlier than the entry before it (${shown(previous)}, line ${previous.line + 1}): move it into place, or correct its time.${suggestion}`,
        fixes,
      });
    }
  },
};
