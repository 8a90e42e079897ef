// The feedback-loop bound of a module: the period below which no placement of its registers can go,
// because a loop of logic through k registers must fit its delay into k periods (retiming moves
// registers along a loop, never adds them). It is the largest delay ÷ registers over the cycles of
// the register graph, whose edge q → r is the slowest path from register q to register r. Paths from
// one register to another that are on no loop do not bound it: a pipeline or a changed cycle model
// can cut them. This is the "bound no pipelining can pass", distinct from the longest
// register-to-register path the pipelining pass leaves alone (pipeline-schedule.ts).

import { arrival, LEAF, NEVER, treeArrival, treeDelay, type Arrival, type FabricDelays } from '../delay.js';
import { treeNodes, type IrModule } from '../netlist.js';
import { classify, depth } from './pipeline-schedule.js';

type Item = { node: number } | { signal: number };

/** ns without the register's own share; null when the module has no loop through its registers. */
export function feedbackLoopNs(m: IrModule, fabric: FabricDelays): number | null {
  const { order, depsOf, isState } = classify(m);
  const N = m.nodes.length;
  const id = (it: Item) => ('node' in it ? it.node : N + it.signal);
  // Through a register, its value depends on its driver's and enable's nodes (one cycle later).
  const regDeps = (s: number): number[] => {
    const sig = m.signals[s]!;
    return [...(sig.driver ? treeNodes(sig.driver) : []), ...(sig.enable !== null ? [sig.enable] : [])];
  };
  const deps = (v: number): number[] => (v >= N && isState(v - N) ? regDeps(v - N) : depsOf(v < N ? { node: v } : { signal: v - N }).map(id));
  const comp = sccs(N + m.signals.length, deps);
  const topo = order.map(id); // dependencies first
  let worst: number | null = null;
  const regsOf = new Map<number, number[]>();
  m.signals.forEach((_, s) => {
    const c = comp[N + s]!;
    if (isState(s) && c >= 0) { if (!regsOf.has(c)) regsOf.set(c, []); regsOf.get(c)!.push(s); }
  });
  for (const [c, regs] of regsOf) {
    const inComp = topo.filter((v) => comp[v] === c && !(v >= N && isState(v - N)));
    // Edge q → r: the slowest path from q's output to r's input inside the loop's component.
    const edges: Array<[number, number, number]> = [];
    const t: Arrival[] = new Array(N + m.signals.length);
    // Values off the loop arrive never; constants take no LUT input.
    const of = (d: number): Arrival | null => (d < N && m.nodes[d]!.op === 'const' ? null : comp[d] === c ? t[d]! : NEVER);
    for (const q of regs) {
      t.fill(NEVER);
      t[N + q] = LEAF;
      for (const v of inComp) {
        const e = v < N ? m.nodes[v]! : null;
        if (e) { t[v] = e.op === 'sig' ? of(N + e.lo) ?? LEAF : arrival(fabric, m, e, e.args.map(of)); continue; }
        const driver = m.signals[v - N]!.driver;
        t[v] = treeArrival(fabric, driver ? depth(driver) : 0, deps(v).map(of));
      }
      for (const r of regs) {
        let a = -Infinity;
        for (const d of regDeps(r)) if (comp[d] === c) a = Math.max(a, t[d]!.t);
        if (a > -Infinity) edges.push([q, r, a + (m.signals[r]!.driver ? treeDelay(fabric, depth(m.signals[r]!.driver!)) : 0)]);
      }
    }
    const ratio = maxCycleRatio(regs, edges);
    if (ratio !== null) worst = Math.max(worst ?? 0, ratio);
  }
  return worst;
}

/** The largest mean edge weight over the cycles of a graph (the delay per register of its worst loop). */
function maxCycleRatio(vertices: readonly number[], edges: ReadonlyArray<[number, number, number]>): number | null {
  if (!edges.length) return null;
  const index = new Map(vertices.map((v, i) => [v, i]));
  const hasCycleAbove = (T: number): boolean => {
    // A cycle whose weights minus T sum above 0 exists iff longest paths keep growing after |V| rounds.
    const dist = new Float64Array(vertices.length);
    for (let round = 0; round <= vertices.length; round++) {
      let changed = false;
      for (const [q, r, w] of edges) {
        const nd = dist[index.get(q)!]! + w - T;
        if (nd > dist[index.get(r)!]! + 1e-9) { dist[index.get(r)!] = nd; changed = true; }
      }
      if (!changed) return false;
    }
    return true;
  };
  let lo = 0, hi = Math.max(...edges.map((e) => e[2]));
  if (!hasCycleAbove(-1e-9)) return null; // no cycle at all
  for (let i = 0; i < 50 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (hasCycleAbove(mid)) lo = mid; else hi = mid;
  }
  return hi;
}

/** Strongly connected components with a cycle (Tarjan, iterative): the component's index, or −1. */
function sccs(n: number, deps: (v: number) => number[]): Int32Array {
  const index = new Int32Array(n).fill(-1), low = new Int32Array(n), onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let next = 0, comps = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: Array<{ v: number; ds: number[]; i: number }> = [];
    const open = (v: number) => { index[v] = low[v] = next++; stack.push(v); onStack[v] = 1; work.push({ v, ds: deps(v), i: 0 }); };
    open(root);
    while (work.length) {
      const f = work[work.length - 1]!;
      if (f.i < f.ds.length) {
        const w = f.ds[f.i++]!;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[f.v] = Math.min(low[f.v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1]!.v] = Math.min(low[work[work.length - 1]!.v]!, low[f.v]!);
      if (low[f.v] !== index[f.v]) continue;
      const members: number[] = [];
      for (;;) { const w = stack.pop()!; onStack[w] = 0; members.push(w); if (w === f.v) break; }
      // A single item is a loop only if it depends on itself.
      if (members.length > 1 || deps(f.v).includes(f.v)) { for (const w of members) comp[w] = comps; comps++; }
    }
  }
  return comp;
}
