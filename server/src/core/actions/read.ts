/**
 * A postmortem's action items as something to track: each one's owner, due date, state and
 * tracking reference, from list items, task list items and table rows alike.
 */
import type { PostmortemConfig } from '../config/schema';
import { frontMatterString } from '../model/frontMatter';
import { sectionsFor } from '../model/query';
import type { PostmortemModel } from '../model/types';
import { actionItems, ownerOf, type ActionItem } from '../rules/actionItems';
import { isoDate } from '../timeline/dates';
import { timelineOf } from '../timeline';
import { dueInCell, dueInText, type DueContext, type DueDate } from './due';
import { stateInText, stateOfWord, trackingIn, type ActionState } from './track';

/** One action item, read for tracking. */
export interface TrackedActionItem {
  item: ActionItem;
  /** Zero-based line of the item. */
  line: number;
  /** The item's first line without its marker, checkbox or markup. */
  title: string;
  /** Who does it; '' when the item leaves it open ("Owner: TBD"), undefined when it names nobody. */
  owner: string | undefined;
  due: DueDate | undefined;
  /** How far it is; undefined when the item does not say (it counts as not done). */
  state: ActionState | undefined;
  tracking: string | undefined;
}

/** Per model, the items read under one configuration (two rules and the CLI read them). */
const cache = new WeakMap<PostmortemModel, { config: PostmortemConfig; items: TrackedActionItem[] }>();

/** Every action item of the document's Action items sections, in order. */
export function trackedActionItems(model: PostmortemModel, config: PostmortemConfig): TrackedActionItem[] {
  const cached = cache.get(model);
  if (cached?.config === config) return cached.items;
  const items = readItems(model, config);
  cache.set(model, { config, items });
  return items;
}

function readItems(model: PostmortemModel, config: PostmortemConfig): TrackedActionItem[] {
  const timeline = timelineOf(model, config);
  const context: DueContext = { anchor: timeline.anchor?.date ?? null, numericOrder: timeline.numericOrder };
  const own = frontMatterString(model.frontMatter, 'id');
  return sectionsFor(model, 'action-items').flatMap((section) =>
    actionItems(model, section).map((item) => ({
      item,
      line: model.index.positionAt(item.start).line,
      title: titleOf(model.text.slice(item.start, item.end)),
      owner: ownerOf(item),
      due: item.cells?.due !== undefined ? dueInCell(item.cells.due, context) : dueInText(item.text, context),
      state: stateOf(item),
      tracking: trackingIn(item.text, own),
    })),
  );
}

/** A Status cell first, then a `Status:` label, then the task list's checkbox. */
function stateOf(item: ActionItem): ActionState | undefined {
  const cell = item.cells?.status;
  const fromCell = cell !== undefined ? stateOfWord(cell) : undefined;
  if (fromCell) return fromCell;
  const labelled = stateInText(item.text);
  if (labelled) return labelled;
  return item.checked === null ? undefined : item.checked ? 'done' : 'open';
}

function titleOf(line: string): string {
  return line
    .replace(/^\[[ xX]\][ \t]*/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether an item is past its due date and not done, on `today` (`YYYY-MM-DD`). */
export function isOverdue(tracked: TrackedActionItem, today: string): boolean {
  return tracked.state !== 'done' && tracked.due?.date != null && isoDate(tracked.due.date) < today;
}
