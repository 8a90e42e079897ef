// Which signals each signal's driver reads: the dependency graph the checks walk.

import { treeExprs } from '../assign-tree.js';
import type { Expr } from '../expr.js';
import type { ModuleBuilder } from '../module-builder.js';
import { Signal } from '../signal.js';

/** Signals referenced by the expressions (not descending through named signals). */
export function signalsIn(roots: readonly Expr[]): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<Expr>();
  const stack = [...roots];
  while (stack.length) {
    const e = stack.pop()!;
    if (seen.has(e)) continue;
    seen.add(e);
    if (e instanceof Signal) out.push(e);
    else for (const a of e.args) stack.push(a);
  }
  return out;
}

export interface ReadGraph {
  /** signal → signals its driver (assignment tree, enable) reads */
  readonly deps: Map<Signal, Signal[]>;
  /** every signal read anywhere in the module */
  readonly read: Set<Signal>;
}

export function buildReadGraph(m: ModuleBuilder): ReadGraph {
  const deps = new Map<Signal, Signal[]>();
  const read = new Set<Signal>();
  for (const s of m.signals) {
    const exprs: Expr[] = [];
    if (s.tree) treeExprs(s.tree, exprs);
    if (s.enable) exprs.push(s.enable);
    const d = signalsIn(exprs);
    deps.set(s, d);
    for (const x of d) read.add(x);
  }
  for (const mem of m.mems) {
    const exprs: Expr[] = [];
    for (const r of mem.reads) { exprs.push(r.addr); if (r.enable) exprs.push(r.enable); }
    for (const w of mem.writes) { exprs.push(w.addr, w.data); if (w.enable) exprs.push(w.enable); }
    for (const x of signalsIn(exprs)) read.add(x);
  }
  return { deps, read };
}
