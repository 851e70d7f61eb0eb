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

const memos: Array<NodeMemo<unknown>> = [];

/** A cache of one kind of result per node. */
export class NodeMemo<T> {
  private readonly values = new WeakMap<object, T>();

  constructor() {
    memos.push(this as NodeMemo<unknown>);
  }

  /** The node's value, computed on first use. */
  get(node: object, compute: () => T): T {
    let value = this.values.get(node);
    if (value === undefined) {
      value = compute();
      this.values.set(node, value);
    }
    return value;
  }

  /** Gives `to` the value of `from`, if it has one. */
  carry(from: object, to: object): void {
    const value = this.values.get(from);
    if (value !== undefined) this.values.set(to, value);
  }
}

/** `to` is `from` moved by an edit above it: it keeps every value computed for `from`. */
export function carryMemos(from: object, to: object): void {
  for (const memo of memos) memo.carry(from, to);
}
