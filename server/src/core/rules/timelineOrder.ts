import type { Fix } from '../findings';
import type { TextEdit } from '../text';
import { timelineOf, type EntryContainer } from '../timeline';
import { sortEdit } from '../timeline/fixes';
import type { Rule } from './types';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry earlier than the one before it, compared as instants (zones and midnight roll-over applied).',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    // One sort per container, shared by its findings (a reversed list of n entries has n - 1 of them).
    const sorts = new Map<string, TextEdit | undefined>();
    const sortOf = (container: EntryContainer) => {
      const key = `${container.kind}:${container.start}`;
      if (!sorts.has(key)) sorts.set(key, sortEdit(model, timeline, container));
      return sorts.get(key);
    };
    for (const entry of timeline.entries) {
      if (!entry.outOfOrder) continue;
      const previous = timeline.entries[entry.outOfOrder.previous];
      const written = (t: { start: number; end: number }) => model.text.slice(t.start, t.end);
      const shown = (e: typeof entry) => (e.token ? model.text.slice(e.token.start, e.token.end) : `line ${e.line + 1}`);
      const suggestion = entry.outOfOrder.suggestion ? ` Did you mean ${entry.outOfOrder.suggestion}?` : '';
      const fixes: Fix[] = [];
      // "12:00 PM" after "11:21 PM" is most likely a slip of AM/PM: changing it is the obvious fix, sorting the other.
      if (entry.outOfOrder.suggestion && entry.timeToken) {
        const range = model.index.range(entry.timeToken.start, entry.timeToken.end);
        fixes.push({ title: `Change ${written(entry.timeToken)} to ${entry.outOfOrder.suggestion}`, edits: [{ range, newText: entry.outOfOrder.suggestion }], isPreferred: true });
      }
      const sameContainer = previous.container.start === entry.container.start && previous.container.kind === entry.container.kind;
      const edit = sameContainer ? sortOf(entry.container) : undefined;
      if (edit) fixes.push({ title: 'Sort the timeline entries by time', edits: [edit], isPreferred: fixes.length === 0 });
      report({
        start: entry.token?.start ?? entry.start,
        end: entry.token?.end ?? entry.end,
        message: `${shown(entry)} is earlier than the entry before it (${shown(previous)}, line ${previous.line + 1}): move it into place, or correct its time.${suggestion}`,
        fixes,
      });
    }
  },
};
