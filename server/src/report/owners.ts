/**
 * Open action items across postmortems, by owner: whose work is late comes first, and in each
 * owner's list the overdue items, oldest due date first.
 */
import type { OwnerActionItems, ReportActionItem } from './types';

/** One owner however the documents write them: `@dana`, `Dana` and `dana` are one person. */
function ownerKey(owner: string | null): string | null {
  return owner === null ? null : owner.replace(/^@/, '').trim().toLowerCase();
}

/** Overdue first, then by due date (dated before undated), then newest incident, file and line. */
function itemOrder(a: ReportActionItem, b: ReportActionItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due.localeCompare(b.due);
  return (b.incident.date ?? '').localeCompare(a.incident.date ?? '') || a.file.localeCompare(b.file) || a.line - b.line;
}

/**
 * The items grouped by owner (named as first written). Owners with overdue items come first
 * (most overdue first), then the rest by name; items naming nobody last.
 */
export function groupByOwner(items: readonly ReportActionItem[]): OwnerActionItems[] {
  const groups = new Map<string | null, OwnerActionItems>();
  for (const item of items) {
    const key = ownerKey(item.owner);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { owner: item.owner, open: 0, overdue: 0, items: [] }));
    group.items.push(item);
    group.open++;
    if (item.overdue) group.overdue++;
  }
  for (const group of groups.values()) group.items.sort(itemOrder);
  return [...groups.values()].sort((a, b) => {
    if (a.owner === null || b.owner === null) return a.owner === b.owner ? 0 : a.owner === null ? 1 : -1;
    return b.overdue - a.overdue || a.owner.replace(/^@/, '').localeCompare(b.owner.replace(/^@/, ''), 'en', { sensitivity: 'base' });
  });
}
