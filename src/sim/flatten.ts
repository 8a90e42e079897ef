// The hierarchy flattened for simulation: one slot per value that holds across a cycle or is
// assigned once per settle, instance ports aliased to the parent's signals (no copies), and the
// combinational assignments in an order where every slot is written before it is read.

import { RESET, treeNodes, type IrModule, type IrType, type Netlist, type Tree } from '../ir/netlist.js';

export interface Slot {
  /** Hierarchical name: `u_child.sig` (the parent's name when a port is aliased). */
  readonly path: string;
  readonly type: IrType;
}

/** One module instance in the flattened design. */
export interface Context {
  readonly id: number;
  readonly module: IrModule;
  readonly prefix: string;
  /** Signal index → slot. */
  readonly slots: Int32Array;
}

/** A combinational assignment: `slot = tree` evaluated in `ctx`. */
export interface CombAssign {
  readonly ctx: Context;
  readonly slot: number;
  readonly tree: Tree;
  readonly width: number;
}

export interface RegUpdate {
  readonly ctx: Context;
  readonly signal: number;
  readonly slot: number;
}

export interface Flat {
  readonly slots: Slot[];
  readonly contexts: Context[];
  readonly comb: CombAssign[]; // in evaluation order
  readonly regs: RegUpdate[];
  readonly inputs: Map<string, number>; // top input name → slot
  readonly outputs: Map<string, number>;
}

export class CombLoopError extends Error {}

export function flatten(n: Netlist): Flat {
  const byName = new Map(n.modules.map((m) => [m.name, m]));
  const slots: Slot[] = [];
  const contexts: Context[] = [];
  const comb: CombAssign[] = [];
  const regs: RegUpdate[] = [];
  const newSlot = (path: string, type: IrType) => slots.push({ path, type }) - 1;

  // Iterative: deep hierarchies do not grow the JS stack.
  const work: Array<{ m: IrModule; prefix: string; given: Map<number, number> }> = [{ m: n.top, prefix: '', given: new Map() }];
  while (work.length) {
    const { m, prefix, given } = work.pop()!;
    const ctx: Context = { id: contexts.length, module: m, prefix, slots: new Int32Array(m.signals.length) };
    contexts.push(ctx);
    m.signals.forEach((s, i) => { ctx.slots[i] = given.get(i) ?? newSlot(prefix + s.name, s.type); });
    m.signals.forEach((s, i) => {
      if (s.kind === 'reg') regs.push({ ctx, signal: i, slot: ctx.slots[i]! });
      else if (s.driver) comb.push({ ctx, slot: ctx.slots[i]!, tree: s.driver, width: s.type.width });
    });
    for (const inst of m.instances) {
      const child = byName.get(inst.module)!;
      const portIndex = new Map(child.ports.map((p) => [child.signals[p]!.name, p]));
      const g = new Map<number, number>();
      for (const c of inst.connections) g.set(portIndex.get(c.port)!, ctx.slots[c.signal]!);
      work.push({ m: child, prefix: `${prefix}${inst.name}.`, given: g });
    }
  }
  const inputs = new Map<string, number>(), outputs = new Map<string, number>();
  // The implicit synchronous reset is an input like any other (every module's rst is the top's).
  if (n.top.needsReset) inputs.set(RESET, newSlot(RESET, { signed: false, width: 1 }));
  const top = contexts[0]!;
  for (const p of n.top.ports) (n.top.signals[p]!.kind === 'input' ? inputs : outputs).set(n.top.signals[p]!.name, top.slots[p]!);
  return { slots, contexts, comb: order(comb, slots), regs, inputs, outputs };
}

/** The slots a tree reads (through its nodes), in its context. */
export function treeReads(ctx: Context, tree: Tree): number[] {
  const nodes = ctx.module.nodes;
  const out: number[] = [];
  const seen = new Set<number>();
  const st = treeNodes(tree);
  while (st.length) {
    const x = st.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    const e = nodes[x]!;
    if (e.op === 'sig') out.push(ctx.slots[e.lo]!);
    else st.push(...e.args);
  }
  return out;
}

/** Assignments sorted so that each comes after the assignments of the slots it reads. */
function order(comb: CombAssign[], slots: Slot[]): CombAssign[] {
  const writer = new Int32Array(slots.length).fill(-1);
  comb.forEach((c, i) => { writer[c.slot] = i; });
  const deps = comb.map((c) => treeReads(c.ctx, c.tree).map((s) => writer[s]!).filter((w) => w >= 0));
  const state = new Uint8Array(comb.length);
  const out: CombAssign[] = [];
  for (let start = 0; start < comb.length; start++) {
    if (state[start]) continue;
    const st: Array<[number, number]> = [[start, 0]];
    state[start] = 1;
    while (st.length) {
      const top = st[st.length - 1]!;
      const d = deps[top[0]]!;
      if (top[1] < d.length) {
        const w = d[top[1]++]!;
        if (state[w] === 1) {
          const loop = st.slice(st.findIndex(([v]) => v === w)).map(([v]) => slots[comb[v]!.slot]!.path);
          throw new CombLoopError(`combinational loop through ${[...loop, loop[0]].join(' → ')}`);
        }
        if (state[w] === 0) { state[w] = 1; st.push([w, 0]); }
        continue;
      }
      state[top[0]] = 2;
      out.push(comb[top[0]]!);
      st.pop();
    }
  }
  return out;
}
