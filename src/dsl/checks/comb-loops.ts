// Combinational loops (reported with their path) and, per output port, the inputs it depends on
// combinationally, so that a parent can see loops that pass through an instance.

import { report } from '../context.js';
import type { ModuleBuilder } from '../module-builder.js';
import type { Signal } from '../signal.js';
import { formatLoc } from '../source-location.js';
import type { ReadGraph } from './reads.js';

const isComb = (s: Signal) => s.kind === 'output' || s.kind === 'wire' || s.kind === 'inst-in' || s.kind === 'inst-out';

/** Combinational fan-in edges of a signal. */
function combEdges(m: ModuleBuilder, g: ReadGraph, s: Signal): Signal[] {
  if (s.instDriver) {
    const { inst, port } = s.instDriver;
    const dep = inst.module.combDeps.get(port);
    return dep ? [...dep].map((p) => inst.inputs.get(p)!).filter(Boolean) : [];
  }
  return (g.deps.get(s) ?? []).filter((d) => d.owner === m && isComb(d));
}

/** Tarjan's strongly connected components, iteratively (netlists can be deep). */
function sccs(nodes: Signal[], edges: (s: Signal) => Signal[]): Signal[][] {
  const index = new Map<Signal, number>();
  const low = new Map<Signal, number>();
  const onStack = new Set<Signal>();
  const stack: Signal[] = [];
  const out: Signal[][] = [];
  let next = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ v: Signal; it: Signal[]; i: number }> = [];
    const open = (v: Signal) => {
      index.set(v, next); low.set(v, next); next++;
      stack.push(v); onStack.add(v);
      work.push({ v, it: edges(v), i: 0 });
    };
    open(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.it.length) {
        const w = top.it[top.i++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: Signal[] = [];
        let w: Signal;
        do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== top.v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** One concrete cycle inside a strongly connected component, as a path from `start` back to it. */
function cycleIn(comp: Set<Signal>, start: Signal, edges: (s: Signal) => Signal[]): Signal[] {
  const prev = new Map<Signal, Signal>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi]!;
    for (const w of edges(v)) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = v; p !== start; ) { p = prev.get(p)!; path.push(p); }
        return path.reverse();
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return [start];
}

export function checkCombLoops(m: ModuleBuilder, g: ReadGraph): void {
  const nodes = m.signals.filter(isComb);
  // Edges point from a signal to what it reads; a loop is the same either way round.
  const edges = (s: Signal) => combEdges(m, g, s);
  for (const comp of sccs(nodes, edges)) {
    const self = comp.length === 1 && edges(comp[0]!).includes(comp[0]!);
    if (comp.length < 2 && !self) continue;
    const ordered = [...comp].sort((a, b) => m.signals.indexOf(a) - m.signals.indexOf(b));
    const cyc = cycleIn(new Set(comp), ordered[0]!, edges).reverse(); // in data-flow order
    const path = [...cyc.slice(cyc.length - 1), ...cyc.slice(0, cyc.length - 1)]; // start at the first declared
    const text = [...path, path[0]!].map((s) => `${s.name} (${formatLoc(s.loc)})`).join(' -> ');
    report(m, 'comb-loop', `COMBINATIONAL LOOP: ${text}`, 'break the loop with a register, or compute the value without reading itself', path[0]!.loc);
  }
  // Output → input dependencies for parents.
  const memo = new Map<Signal, Set<string>>();
  const reach = (s0: Signal): Set<string> => {
    const found = new Set<string>();
    const seen = new Set<Signal>([s0]);
    const stack = [s0];
    while (stack.length) {
      const s = stack.pop()!;
      const known = memo.get(s);
      if (known && s !== s0) { for (const p of known) found.add(p); continue; }
      for (const d of s.instDriver ? edges(s) : (g.deps.get(s) ?? [])) {
        if (d.kind === 'input') found.add(d.name);
        else if (isComb(d) && !seen.has(d)) { seen.add(d); stack.push(d); }
      }
    }
    memo.set(s0, found);
    return found;
  };
  for (const p of m.ports) if (p.kind === 'output') m.combDeps.set(p.name, reach(p));
}
