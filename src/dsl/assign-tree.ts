// Conditional assignment as a decision tree per signal. `when` blocks nest; each assignment replaces
// the subtree selected by the active conditions (last assignment wins). A `null` leaf means "not
// assigned on this path": hold for a register, a latch for combinational logic.

import type { Expr } from './expr.js';
import type { SourceLoc } from './source-location.js';

/** One arm of a `when` chain: its condition and where it was written. */
export interface CondKey {
  readonly cond: Expr;
  readonly loc: SourceLoc;
}

export interface PathStep {
  readonly key: CondKey;
  readonly taken: boolean; // true: inside the arm; false: in a later arm / otherwise
}

export interface Leaf {
  readonly kind: 'leaf';
  readonly value: Expr | null;
  readonly loc: SourceLoc | null;
}

export interface Branch {
  readonly kind: 'branch';
  readonly key: CondKey;
  readonly whenTrue: Tree;
  readonly whenFalse: Tree;
}

export type Tree = Leaf | Branch;

export const UNASSIGNED: Leaf = Object.freeze({ kind: 'leaf', value: null, loc: null });

export function leaf(value: Expr, loc: SourceLoc): Leaf {
  return { kind: 'leaf', value, loc };
}

/** Replaces the part of `tree` selected by `path` with `repl`. */
export function assignAt(tree: Tree, path: readonly PathStep[], repl: Leaf, i = 0): Tree {
  if (i === path.length) return repl;
  const { key, taken } = path[i]!;
  if (tree.kind === 'branch' && tree.key === key) {
    return taken
      ? { ...tree, whenTrue: assignAt(tree.whenTrue, path, repl, i + 1) }
      : { ...tree, whenFalse: assignAt(tree.whenFalse, path, repl, i + 1) };
  }
  const inner = assignAt(tree, path, repl, i + 1);
  return taken
    ? { kind: 'branch', key, whenTrue: inner, whenFalse: tree }
    : { kind: 'branch', key, whenTrue: tree, whenFalse: inner };
}

/** Calls fn for every leaf with the path leading to it (iterative: trees can be deep). */
export function forEachLeaf(tree: Tree, fn: (l: Leaf, path: readonly PathStep[]) => void): void {
  const stack: Array<[Tree, PathStep[]]> = [[tree, []]];
  while (stack.length) {
    const [t, path] = stack.pop()!;
    if (t.kind === 'leaf') fn(t, path);
    else {
      stack.push([t.whenFalse, [...path, { key: t.key, taken: false }]]);
      stack.push([t.whenTrue, [...path, { key: t.key, taken: true }]]);
    }
  }
}

/** Every expression the tree reads: conditions and assigned values. */
export function treeExprs(tree: Tree, out: Expr[]): void {
  const stack: Tree[] = [tree];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'leaf') { if (t.value) out.push(t.value); }
    else { out.push(t.key.cond); stack.push(t.whenFalse, t.whenTrue); }
  }
}

/** The loc of the last-written leaf, for comments and messages. */
export function treeLoc(tree: Tree): SourceLoc | null {
  let loc: SourceLoc | null = null;
  forEachLeaf(tree, (l) => { if (l.loc && (!loc || l.loc.line >= loc.line)) loc = l.loc; });
  return loc;
}
