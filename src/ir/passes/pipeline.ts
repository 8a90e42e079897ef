// Pipelining to a clock period: the fewest register stages that keep every combinational path of a
// feed-forward module within the period, by the fabric's delay model (delay.ts). Each node is placed
// as soon as its arguments allow (ASAP, as FloPoCo schedules its operators): in the stage of its
// latest argument if the stage still has room for it, else at the start of the next stage, its
// arguments registered at the boundary. Outputs are aligned to the last stage; a valid bit (in_valid →
// out_valid) travels with the data. Data registers have no reset or enable: a free-running pipeline.

import { nodeDelay, treeDelay, type FabricDelays } from '../delay.js';
import { Namespace } from '../names.js';
import { mapTree, treeNodes, type IrModule, type IrSignal, type Netlist, type Node, type Tree } from '../netlist.js';

export interface PipelineResult {
  readonly netlist: Netlist;
  /** Register stages from inputs to outputs (0: it met the period combinationally). */
  readonly latency: number;
  /** The longest stage by the model, ns, register included. */
  readonly stageNs: number;
  /** The slowest single node (no pipelining splits one), ns, register included: the period's floor. */
  readonly floorNs: number;
}

export class PipelineError extends Error {}

const BOOL = { signed: false, width: 1 } as const;

/** Pipelines the top module of a netlist with no registers, memories or instances. */
export function pipelineNetlist(n: Netlist, periodNs: number, fabric: FabricDelays): PipelineResult {
  const m = n.top;
  if (n.modules.length > 1 || m.instances.length) throw new PipelineError(`${m.name}: pipelining takes one flat module; this design instantiates ${m.instances.map((i) => i.module).join(', ')}`);
  if (m.mems.length || m.signals.some((s) => s.kind === 'reg' || s.kind === 'mem-read')) {
    throw new PipelineError(`${m.name}: pipelining takes a combinational module; this one has registers or memories`);
  }
  const budget = periodNs - fabric.registerNs;
  if (!(budget > 0)) throw new PipelineError(`a period of ${periodNs.toFixed(3)} ns leaves no time after the register (${fabric.registerNs} ns)`);

  // ---- schedule: a stage (−1: constant, free in every stage) and a time within it, per node and signal.
  const FREE = -1;
  const nStage = new Int32Array(m.nodes.length).fill(-2), nLocal = new Float64Array(m.nodes.length);
  const sStage = new Int32Array(m.signals.length).fill(-2), sLocal = new Float64Array(m.signals.length);
  let floor = 0;
  const place = (deps: Array<{ stage: number; local: number }>, delay: number): { stage: number; local: number } => {
    floor = Math.max(floor, delay);
    const live = deps.filter((d) => d.stage !== FREE);
    if (!live.length) return { stage: FREE, local: 0 };
    const stage = Math.max(...live.map((d) => d.stage));
    const t = Math.max(...live.filter((d) => d.stage === stage).map((d) => d.local)) + delay;
    return t <= budget + 1e-9 || delay === 0 ? { stage, local: t } : { stage: stage + 1, local: delay };
  };
  const depth = (t: Tree): number => (t.kind === 'leaf' ? 0 : 1 + Math.max(depth(t.whenTrue), depth(t.whenFalse)));
  // Iterative depth-first order: a wire can be read (sig node) before its driver's nodes appear.
  type Item = { node: number } | { signal: number };
  const done = (it: Item) => ('node' in it ? nStage[it.node]! > -2 : sStage[it.signal]! > -2);
  const depsOf = (it: Item): Item[] => {
    if ('signal' in it) {
      const s = m.signals[it.signal]!;
      return s.kind === 'input' || !s.driver ? [] : treeNodes(s.driver).map((node) => ({ node }));
    }
    const e = m.nodes[it.node]!;
    return e.op === 'sig' ? [{ signal: e.lo }] : e.args.map((node) => ({ node }));
  };
  const visit = (root: Item) => {
    const stack: Array<{ it: Item; expanded: boolean }> = [{ it: root, expanded: false }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (done(top.it)) { stack.pop(); continue; }
      if (!top.expanded) {
        top.expanded = true;
        for (const d of depsOf(top.it)) if (!done(d)) stack.push({ it: d, expanded: false });
        continue;
      }
      stack.pop();
      const at = (d: Item) => ('node' in d ? { stage: nStage[d.node]!, local: nLocal[d.node]! } : { stage: sStage[d.signal]!, local: sLocal[d.signal]! });
      if ('signal' in top.it) {
        const s = m.signals[top.it.signal]!;
        const r = s.kind === 'input' ? { stage: 0, local: 0 } : !s.driver ? { stage: FREE, local: 0 } : place(depsOf(top.it).map(at), treeDelay(fabric, depth(s.driver)));
        sStage[top.it.signal] = r.stage; sLocal[top.it.signal] = r.local;
      } else {
        const e = m.nodes[top.it.node]!;
        const r = e.op === 'const' ? { stage: FREE, local: 0 } : e.op === 'sig' ? at({ signal: e.lo }) : place(e.args.map((a) => at({ node: a })), nodeDelay(fabric, m, e));
        nStage[top.it.node] = r.stage; nLocal[top.it.node] = r.local;
      }
    }
  };
  m.signals.forEach((_, i) => visit({ signal: i }));
  m.nodes.forEach((_, i) => visit({ node: i }));

  const outputs = m.ports.filter((p) => m.signals[p]!.kind === 'output');
  const latency = Math.max(0, ...outputs.map((o) => sStage[o]!));
  let stageNs = 0;
  for (let i = 0; i < m.nodes.length; i++) if (nStage[i]! >= 0) stageNs = Math.max(stageNs, nLocal[i]!);
  for (let i = 0; i < m.signals.length; i++) if (sStage[i]! >= 0) stageNs = Math.max(stageNs, sLocal[i]!);
  const result = { latency, stageNs: stageNs + fabric.registerNs, floorNs: floor + fabric.registerNs };
  if (latency === 0) return { netlist: n, ...result };
  return { netlist: rebuild(m, nStage, sStage, latency), ...result };
}

function rebuild(m: IrModule, nStage: Int32Array, sStage: Int32Array, latency: number): Netlist {
  const names = Namespace.of(m.names);
  const signals: IrSignal[] = [...m.signals];
  // New reads (sig nodes) go in front of the old nodes, which shift by the front's final size; a new
  // register fed by an old node records it here and gets its driver once the shift is known.
  const front: Node[] = [];
  const fedByOld: Array<[number, number]> = []; // [register, old node]
  const read = (sig: number) => front.push({ op: 'sig', type: signals[sig]!.type, args: [], value: 0n, lo: sig, loc: signals[sig]!.loc }) - 1;
  const reg = (name: string, type: IrSignal['type'], source: { front: number } | { old: number }, valid: boolean) => {
    const r = signals.push({
      name: names.unique(name), kind: 'reg', type, loc: m.loc, instDriver: null, init: valid ? 0n : null, enable: null,
      driver: { kind: 'leaf', value: 'front' in source ? source.front : null, loc: m.loc },
    }) - 1;
    if ('old' in source) fedByOld.push([r, source.old]);
    return r;
  };
  /** A chain of `d` registers after a source; the front index of each register's read. */
  const chain = (base: string, type: IrSignal['type'], source: { front: number } | { old: number }, d: number, valid: boolean) => {
    const reads: number[] = [];
    for (let j = 1; j <= d; j++) reads.push(read(reg(`${base}_d${j}`, type, j === 1 ? source : { front: reads[j - 2]! }, valid)));
    return reads;
  };

  // The valid bit, when the module has none: in_valid → `latency` registers reset to 0 → out_valid.
  const ports = [...m.ports];
  const existing = m.signals.findIndex((s) => s.name === 'in_valid' && s.kind === 'input');
  if (existing < 0) {
    if (!names.take('in_valid') || !names.take('out_valid')) throw new PipelineError(`${m.name}: a signal named in_valid or out_valid is not the handshake's`);
    const inValid = signals.push({ name: 'in_valid', kind: 'input', type: BOOL, loc: m.loc, driver: null, instDriver: null, init: null, enable: null }) - 1;
    const reads = chain('valid', BOOL, { front: read(inValid) }, latency, true);
    const outValid = signals.push({ name: 'out_valid', kind: 'output', type: BOOL, loc: m.loc, driver: { kind: 'leaf', value: reads[latency - 1]!, loc: m.loc }, instDriver: null, init: null, enable: null }) - 1;
    const lastInput = ports.reduce((k, p, i) => (m.signals[p]!.kind === 'input' ? i : k), -1);
    ports.splice(lastInput + 1, 0, outValid);
    ports.unshift(inValid);
  }
  const isValid = (e: Node) => e.op === 'sig' && m.signals[e.lo]!.name === 'in_valid' && m.signals[e.lo]!.kind === 'input';

  // A node read in a later stage than its own: one chain, as deep as its latest reader needs.
  const depthOf = new Map<number, number>();
  const gap = (consumer: number, arg: number) => (nStage[arg]! >= 0 && nStage[arg]! < consumer ? consumer - nStage[arg]! : 0);
  const need = (consumer: number, arg: number) => { const d = gap(consumer, arg); if (d) depthOf.set(arg, Math.max(depthOf.get(arg) ?? 0, d)); };
  m.nodes.forEach((e, i) => e.args.forEach((a) => need(nStage[i]!, a)));
  m.signals.forEach((s, i) => { if (s.driver && s.kind !== 'input') for (const a of treeNodes(s.driver)) need(sStage[i]!, a); });
  const chains = new Map<number, number[]>();
  for (const [arg, d] of [...depthOf].sort((a, b) => a[0] - b[0])) {
    const e = m.nodes[arg]!;
    chains.set(arg, chain(e.op === 'sig' ? m.signals[e.lo]!.name : `${e.op}${arg}`, e.type, { old: arg }, d, isValid(e)));
  }

  // Outputs finished before the last stage: their driver moves to a wire, the port reads it delayed.
  const moved = new Map<number, number>(); // output → wire
  for (const o of m.ports) {
    const s = m.signals[o]!;
    if (s.kind !== 'output' || sStage[o]! < 0 || sStage[o]! >= latency) continue;
    const wire = signals.push({ ...s, name: names.unique(`${s.name}_comb`), kind: 'wire' }) - 1;
    moved.set(o, wire);
    const reads = chain(s.name, s.type, { front: read(wire) }, latency - sStage[o]!, s.name === 'out_valid');
    signals[o] = { ...s, driver: { kind: 'leaf', value: reads[reads.length - 1]!, loc: s.loc } };
  }

  // Old nodes behind the front; an argument from an earlier stage is read from its chain.
  const shift = front.length;
  const use = (consumer: number, arg: number) => { const d = gap(consumer, arg); return d ? chains.get(arg)![d - 1]! : arg + shift; };
  const nodes: Node[] = [...front, ...m.nodes.map((e, i) => ({ ...e, lo: e.op === 'sig' ? (moved.get(e.lo) ?? e.lo) : e.lo, args: e.args.map((a) => use(nStage[i]!, a)) }))];
  for (const [r, old] of fedByOld) signals[r] = { ...signals[r]!, driver: { kind: 'leaf', value: old + shift, loc: m.loc } };
  m.signals.forEach((s, i) => {
    if (!s.driver || s.kind === 'input') return;
    const tree = mapTree(s.driver, (a) => use(sStage[i]!, a));
    const wire = moved.get(i);
    if (wire !== undefined) signals[wire] = { ...signals[wire]!, driver: tree };
    else signals[i] = { ...signals[i]!, driver: tree };
  });
  const top: IrModule = Object.freeze({
    ...m, needsClock: true, needsReset: m.needsReset || signals.some((s) => s.kind === 'reg' && s.init !== null),
    signals: Object.freeze(signals), ports: Object.freeze(ports), nodes: Object.freeze(nodes), names: Object.freeze(names.names()),
  });
  return Object.freeze({ modules: Object.freeze([top]), top });
}
