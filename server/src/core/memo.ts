/**
 * Results computed once per mdast node and kept across document versions. An incremental
 * parse (reparse.ts) reuses the nodes before an edit as they are and moves the ones after it
 * (copies, offsets shifted): it carries every memo's value from a node to its moved copy, so
 * an edit costs the analysis of the blocks it touched, not of the whole document.
 *
 * A value must not depend on where the node sits: keep offsets relative to the node's start
 * (or record the start they were computed at and move them when it differs), and compute
 * nothing from outside the node.
 */

/**
 * Every memo's values of a node, in one array per node (slot i: the i-th NodeMemo). One
 * table, so that moving a node carries all its values with one lookup; a node and its moved
 * copy share the array: their values are the same by the rule above, whichever is asked first.
 */
const slotsOf = new WeakMap<object, unknown[]>();
let memoCount = 0;

/** A cache of one kind of result per node. */
export class NodeMemo<T> {
  private readonly slot = memoCount++;

  /** The node's value, computed on first use. */
  get(node: object, compute: () => T): T {
    let slots = slotsOf.get(node);
    if (slots === undefined) slotsOf.set(node, (slots = []));
    let value = slots[this.slot] as T | undefined;
    if (value === undefined) {
      value = compute();
      slots[this.slot] = value;
    }
    return value;
  }
}

/** `to` is `from` moved by an edit above it: it keeps every value computed for `from`, and shares what either computes later. */
export function carryMemos(from: object, to: object): void {
  let slots = slotsOf.get(from);
  if (slots === undefined) slotsOf.set(from, (slots = []));
  slotsOf.set(to, slots);
}
