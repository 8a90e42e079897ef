// Dead-logic removal: keeps what the outputs depend on (through registers, memories and instances)
// and drops the rest: unread wires and registers, memories nobody reads, instances whose outputs
// nobody reads, nodes nothing uses, and modules no longer instantiated. Ports always stay.

import { mapTree, treeNodes, type IrModule, type Node } from '../netlist.js';
import type { Pass } from './pass.js';

export const deadLogic: Pass = {
  name: 'dce',
  run: (n) => {
    const used = new Set<string>([n.top.name]);
    const out: IrModule[] = [];
    for (const m of [...n.modules].reverse()) { // parents first: a parent decides which children stay
      if (!used.has(m.name)) continue;
      const k = dceModule(m);
      for (const inst of k.instances) used.add(inst.module);
      out.push(k);
    }
    out.reverse();
    return Object.freeze({ modules: Object.freeze(out), top: out[out.length - 1]! });
  },
};

function dceModule(m: IrModule): IrModule {
  const liveSig = new Uint8Array(m.signals.length);
  const liveNode = new Uint8Array(m.nodes.length);
  const liveInst = new Uint8Array(m.instances.length);
  const liveRead = m.mems.map((mem) => new Uint8Array(mem.reads.length));
  const liveMem = new Uint8Array(m.mems.length);
  const readOf = new Map<number, [number, number]>(); // data signal → (memory, port)
  m.mems.forEach((mem, i) => mem.reads.forEach((r, j) => readOf.set(r.data, [i, j])));
  const sigWork: number[] = [];
  const nodeWork: number[] = [];
  const sig = (i: number) => { if (!liveSig[i]) { liveSig[i] = 1; sigWork.push(i); } };
  const node = (i: number | null) => { if (i !== null && !liveNode[i]) { liveNode[i] = 1; nodeWork.push(i); } };
  for (const p of m.ports) sig(p);
  while (sigWork.length || nodeWork.length) {
    while (nodeWork.length) {
      const e = m.nodes[nodeWork.pop()!]!;
      if (e.op === 'sig') sig(e.lo);
      for (const a of e.args) node(a);
    }
    const i = sigWork.pop();
    if (i === undefined) continue;
    const s = m.signals[i]!;
    if (s.driver) for (const x of treeNodes(s.driver)) node(x);
    node(s.enable);
    if (s.instDriver && !liveInst[s.instDriver.inst]) {
      liveInst[s.instDriver.inst] = 1;
      for (const c of m.instances[s.instDriver.inst]!.connections) sig(c.signal);
    }
    const rd = readOf.get(i);
    if (rd) {
      const [mi, pi] = rd;
      const mem = m.mems[mi]!;
      liveRead[mi]![pi] = 1;
      node(mem.reads[pi]!.addr); node(mem.reads[pi]!.enable);
      if (!liveMem[mi]) {
        liveMem[mi] = 1;
        for (const w of mem.writes) { node(w.addr); node(w.data); node(w.enable); }
      }
    }
  }
  if (liveSig.every(Boolean) && liveNode.every(Boolean) && liveInst.every(Boolean) && liveRead.every((r) => r.every(Boolean))) return m;

  const sigMap = renumber(liveSig), nodeMap = renumber(liveNode), instMap = renumber(liveInst);
  const f = (x: number) => nodeMap[x]!;
  const fn = (x: number | null) => (x === null ? null : f(x));
  const nodes: Node[] = [];
  m.nodes.forEach((e, i) => {
    if (!liveNode[i]) return;
    nodes.push(Object.freeze({ ...e, args: Object.freeze(e.args.map(f)), lo: e.op === 'sig' ? sigMap[e.lo]! : e.lo }));
  });
  const signals = m.signals.flatMap((s, i) => liveSig[i] ? [Object.freeze({
    ...s, driver: s.driver ? mapTree(s.driver, f) : null, enable: fn(s.enable),
    instDriver: s.instDriver ? Object.freeze({ ...s.instDriver, inst: instMap[s.instDriver.inst]! }) : null,
  })] : []);
  const mems = m.mems.flatMap((mem, i) => liveMem[i] ? [Object.freeze({
    ...mem,
    reads: Object.freeze(mem.reads.flatMap((r, j) => liveRead[i]![j] ? [Object.freeze({ ...r, addr: f(r.addr), enable: fn(r.enable), data: sigMap[r.data]! })] : [])),
    writes: Object.freeze(mem.writes.map((w) => Object.freeze({ ...w, addr: f(w.addr), data: f(w.data), enable: fn(w.enable) }))),
  })] : []);
  const instances = m.instances.flatMap((inst, i) => liveInst[i] ? [Object.freeze({
    ...inst, connections: Object.freeze(inst.connections.map((c) => Object.freeze({ ...c, signal: sigMap[c.signal]! }))),
  })] : []);
  return Object.freeze({
    ...m, nodes: Object.freeze(nodes), signals: Object.freeze(signals), mems: Object.freeze(mems), instances: Object.freeze(instances),
    ports: Object.freeze(m.ports.map((p) => sigMap[p]!)),
  });
}

/** Old index → new index of the kept entries (-1 for dropped ones). */
function renumber(live: Uint8Array): Int32Array {
  const out = new Int32Array(live.length).fill(-1);
  let k = 0;
  live.forEach((v, i) => { if (v) out[i] = k++; });
  return out;
}
