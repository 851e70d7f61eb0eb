/**
 * Moving what the timeline reads from a block by a number of characters: a block read once
 * is reused where an edit above it moved it (memo.ts), its items moved with it.
 */
import type { DateToken } from './dates';
import type { RawEntry, RawItem } from './rawEntry';
import type { Stamp } from './stamps';
import type { EntryContainer, ZoneDeclaration } from './types';

/**
 * Items moved by `delta`; entries that shared a container or a table zone still share one.
 * `replace`: a container the items were read in, and the one they are in now.
 */
export function moveItems(items: readonly RawItem[], delta: number, replace?: [EntryContainer, EntryContainer]): RawItem[] {
  const moved = new Map<object, EntryContainer | ZoneDeclaration>(replace ? [replace] : []);
  const once = <T extends EntryContainer | ZoneDeclaration>(value: T): T => {
    let copy = moved.get(value) as T | undefined;
    if (!copy) moved.set(value, (copy = { ...value, start: value.start + delta, end: value.end + delta }));
    return copy;
  };
  return items.map((item): RawItem => {
    if (item.type === 'anchor') {
      const anchor: RawItem = { type: 'anchor' };
      if (item.date) anchor.date = shiftDate(item.date, delta);
      if (item.zone) anchor.zone = { ...item.zone, start: item.zone.start + delta, end: item.zone.end + delta };
      return anchor;
    }
    const entry: RawEntry = { ...item, start: item.start + delta, end: item.end + delta, blockEnd: item.blockEnd + delta, container: once(item.container) };
    if (item.stamp) entry.stamp = shiftStamp(item.stamp, delta);
    if (item.tableZone) entry.tableZone = once(item.tableZone);
    if (item.lineZone) entry.lineZone = { ...item.lineZone, start: item.lineZone.start + delta, end: item.lineZone.end + delta };
    return entry;
  });
}

/** A date token moved to absolute offsets. */
export function shiftDate(date: DateToken, base: number): DateToken {
  return { ...date, start: date.start + base, end: date.end + base };
}

/** A stamp moved to absolute offsets. */
export function shiftStamp(stamp: Stamp, base: number): Stamp {
  const moved: Stamp = { ...stamp, start: stamp.start + base, end: stamp.end + base };
  if (stamp.clockEnd !== undefined) moved.clockEnd = stamp.clockEnd + base;
  if (stamp.date) moved.date = shiftDate(stamp.date, base);
  if (stamp.time) moved.time = { ...stamp.time, start: stamp.time.start + base, end: stamp.time.end + base };
  if (stamp.zone) moved.zone = { ...stamp.zone, start: stamp.zone.start + base, end: stamp.zone.end + base };
  if (stamp.rangeEnd) moved.rangeEnd = shiftStamp(stamp.rangeEnd, base);
  if (stamp.placeholder) moved.placeholder = { start: stamp.placeholder.start + base, end: stamp.placeholder.end + base };
  return moved;
}
