import type { PostmortemConfig } from '../config/schema';
import type { Fix } from '../findings';
import { buildModel } from '../model/build';
import type { PostmortemModel } from '../model/types';
import { reparse } from '../reparse';
import { applyEdits, type TextEdit } from '../text';
import { timelineOf, type EntryContainer, type Timeline, type TimelineEntry, type ZoneInfo } from '../timeline';
import { containerFlips, sortEdit } from '../timeline/fixes';
import { mixedAgainst, referenceZone } from './timezoneMixed';
import type { Rule } from './types';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry earlier than the one before it, compared as instants (zones and midnight roll-over applied).',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  check({ model, config, report }) {
    const timeline = timelineOf(model, config);
    const common = referenceZone(timeline);
    const written = (t: { start: number; end: number }) => model.text.slice(t.start, t.end);
    // The fixes of each container, worked out once and shared by its findings (a reversed list of n entries has n - 1).
    const plans = new Map<string, ContainerPlan>();
    const planOf = (container: EntryContainer) => {
      const key = `${container.kind}:${container.start}`;
      if (!plans.has(key)) plans.set(key, planContainer(model, config, timeline, common, container, written));
      return plans.get(key)!;
    };
    for (const entry of timeline.entries) {
      if (!entry.outOfOrder) continue;
      const previous = timeline.entries[entry.outOfOrder.previous];
      const shown = (e: typeof entry) => (e.token ? model.text.slice(e.token.start, e.token.end) : `line ${e.line + 1}`);
      const suggestion = entry.outOfOrder.suggestion ? ` Did you mean ${entry.outOfOrder.suggestion}?` : '';
      const plan = planOf(entry.container);
      // A sort of its own container puts the entry in order only when the one before it is there too.
      const sameContainer = previous.container.start === entry.container.start && previous.container.kind === entry.container.kind;
      const fixes: Fix[] = [];
      if (plan.withFlips && (sameContainer || entry.outOfOrder.suggestion)) fixes.push(plan.withFlips);
      // "12:00 PM" after "11:21 PM" is most likely a slip of AM/PM: changing it is the obvious fix, sorting the other.
      if (entry.outOfOrder.suggestion && entry.timeToken) {
        const range = model.index.range(entry.timeToken.start, entry.timeToken.end);
        fixes.push({ title: `Change ${written(entry.timeToken)} to ${entry.outOfOrder.suggestion}`, edits: [{ range, newText: entry.outOfOrder.suggestion }], isPreferred: plan.preferred === 'flips' });
      }
      if (plan.plain && sameContainer) fixes.push(plan.plain);
      report({
        start: entry.token?.start ?? entry.start,
        end: entry.token?.end ?? entry.end,
        message: `${shown(entry)} is earlier than the entry before it (${shown(previous)}, line ${previous.line + 1}): move it into place, or correct its time.${suggestion}`,
        fixes,
      });
    }
  },
};

/** A container's order fixes, and which of them "fix all" applies. */
interface ContainerPlan {
  /** Its AM/PM corrections and a sort in one edit, when the corrections alone leave it out of order. */
  withFlips?: Fix;
  plain?: Fix;
  preferred?: 'flips' | 'withFlips' | 'plain';
}

/**
 * The container's fixes, and the preferred one: the first of its AM/PM corrections, the
 * corrections with a sort, and a plain sort that, applied and read again, leaves the
 * container in order without putting another entry out of order. Each is checked on the
 * fixed text because a corrected or moved time changes how the times after it roll over
 * midnight; a fix that only moves the disorder would make "fix all" go round. None preferred
 * when none settles, or while an entry's zone is to be converted (the quick fixes stay).
 */
function planContainer(model: PostmortemModel, config: PostmortemConfig, timeline: Timeline, common: ZoneInfo | null, container: EntryContainer, written: (t: { start: number; end: number }) => string): ContainerPlan {
  const flips = containerFlips(timeline, container);
  const flipEdits: TextEdit[] = flips.map((e) => ({ range: model.index.range(e.timeToken!.start, e.timeToken!.end), newText: e.outOfOrder!.suggestion! }));
  const combined = sortEdit(model, timeline, container, true);
  const plainEdit = sortEdit(model, timeline, container);
  const corrections = flips.map((e) => `${written(e.timeToken!)} → ${e.outOfOrder!.suggestion}`).join(', ');
  const candidates: Array<['flips' | 'withFlips' | 'plain', TextEdit[] | undefined]> = [
    ['flips', flipEdits.length > 0 ? flipEdits : undefined],
    ['withFlips', combined && [combined]],
    ['plain', plainEdit && [plainEdit]],
  ];
  // While an entry is in a zone the timeline is not, its conversion (timezone-mixed) comes first: it
  // may move its day, and an order fix judged before it would be judged again after.
  const unsettled = timeline.entries.some((e) => e.container.start === container.start && e.container.kind === container.kind && mixedAgainst(e, common));
  const preferred = unsettled ? undefined : candidates.find(([, edits]) => edits && settles(model, config, timeline, container, edits))?.[0];
  return {
    withFlips: combined && { title: `Sort the timeline entries by time, correcting AM/PM (${corrections})`, edits: [combined], isPreferred: preferred === 'withFlips' },
    plain: plainEdit && { title: 'Sort the timeline entries by time', edits: [plainEdit], isPreferred: preferred === 'plain' },
    preferred,
  };
}

/** Whether the edits, applied and the timeline read again, leave the container in order and no more entries out of order elsewhere. */
function settles(model: PostmortemModel, config: PostmortemConfig, timeline: Timeline, container: EntryContainer, edits: readonly TextEdit[]): boolean {
  const text = applyEdits(model.text, edits);
  // Only the container is parsed again (reparse.ts), so a long document pays for its timeline, not a whole parse.
  const after = timelineOf(buildModel(text, reparse(model, text), model.profile, undefined, model.frontMatter), config);
  const end = container.end + text.length - model.text.length;
  const inside = (e: TimelineEntry, to: number) => e.start >= container.start && e.start < to;
  if (after.entries.some((e) => e.outOfOrder && inside(e, end))) return false;
  const outside = (entries: readonly TimelineEntry[], to: number) => entries.filter((e) => e.outOfOrder && !inside(e, to)).length;
  return outside(after.entries, end) <= outside(timeline.entries, container.end);
}
