// Pipelining to a clock period: the fewest register stages that keep every combinational path within
// the period, by the fabric's delay model (delay.ts), scheduled by pipeline-schedule.ts. A value read
// in a later stage than its own goes through a chain of registers; outputs are aligned to the last
// stage; a valid bit (in_valid → out_valid) travels with the data. Everything is delayed alike, so the
// pipelined module computes what the original did, `latency` cycles later. Added registers have no
// enable: a free-running pipeline.

import type { FabricDelays } from '../delay.js';
import { Namespace } from '../names.js';
import { mapTree, treeNodes, type IrModule, type IrSignal, type Loc, type Netlist, type Node } from '../netlist.js';
import { delayLinesToRam } from './delay-ram.js';
import { feedbackLoopNs } from './loop-bound.js';
import { loopNodes, schedule, type Schedule } from './pipeline-schedule.js';
import { splitSlow } from './split-slow.js';

export interface PipelineResult {
  readonly netlist: Netlist;
  /** Register stages added from inputs to outputs (0: it met the period as it was). */
  readonly latency: number;
  /** The longest stage by the model, ns, register included. */
  readonly stageNs: number;
  /** What this pass cannot pass, ns with the register: the slowest single node, or path from a register to a register. */
  readonly floorNs: number;
  /** The feedback-loop bound (loop-bound.ts): no placement of registers passes it; ns with the register, null without loops. */
  readonly loopNs: number | null;
  /** Long register chains the fabric's block RAM took (delay-ram.ts): blocks, and register bits replaced. */
  readonly delayRam?: { readonly blocks: number; readonly bits: number };
}

export class PipelineError extends Error {}

const BOOL = { signed: false, width: 1 } as const;

/** Pipelines the top module of a netlist without memories or instances. */
export function pipelineNetlist(original: Netlist, periodNs: number, fabric: FabricDelays): PipelineResult {
  let m = original.top;
  // An infinite period only times the design (kept registers): say that, not "pipelining".
  const doing = periodNs === Infinity ? 'timing by the IR model' : 'pipelining';
  if (original.modules.length > 1 || m.instances.length) throw new PipelineError(`${m.name}: ${doing} takes one flat module; this design instantiates ${m.instances.map((i) => i.module).join(', ')}`);
  if (m.mems.length) throw new PipelineError(`${m.name}: ${doing} does not yet follow paths through memories (${m.mems.map((x) => x.name).join(', ')})`);
  const budget = periodNs * (1 - fabric.derate) - fabric.registerNs;
  if (!(budget > 0)) throw new PipelineError(`a period of ${periodNs.toFixed(3)} ns leaves no time after the register (${fabric.registerNs} ns)`);
  // Operators slower than a whole stage are split first, so that the pipeline can cut inside them.
  for (let round = 0; round < 3; round++) { // a multiplier's rows are adders: split again
    const loop = loopNodes(m);
    const next = splitSlow(m, budget, fabric, (i) => loop[i] === 1);
    if (next === m) break;
    m = next;
  }
  const sch = schedule(m, budget, fabric);
  const outputs = m.ports.filter((p) => m.signals[p]!.kind === 'output');
  const latency = Math.max(0, ...outputs.map((o) => sch.sStage[o]!));
  let stageNs = sch.coreNs;
  for (let i = 0; i < m.nodes.length; i++) if (sch.nStage[i]! >= 0) stageNs = Math.max(stageNs, sch.nLocal[i]!);
  for (let i = 0; i < m.signals.length; i++) if (sch.sStage[i]! >= 0) stageNs = Math.max(stageNs, sch.sLocal[i]!);
  const hasState = m.signals.some((s) => s.kind === 'reg');
  const loop = hasState ? feedbackLoopNs(m, fabric) : null;
  const result = {
    latency, stageNs: stageNs + fabric.registerNs, floorNs: Math.max(sch.floorNs, sch.loopNs) + fabric.registerNs,
    loopNs: loop === null ? null : loop + fabric.registerNs,
  };
  if (latency === 0) return { netlist: original, ...result };
  const piped = rebuild(m, sch, latency, hasState, fabric.shiftRegisterLuts === true);
  if (!fabric.delayRam) return { netlist: piped, ...result };
  const rams = delayLinesToRam(piped.top, fabric.delayRam);
  if (!rams.blocks) return { netlist: piped, ...result };
  return { netlist: Object.freeze({ modules: Object.freeze([rams.module]), top: rams.module }), ...result, delayRam: { blocks: rams.blocks, bits: rams.bits } };
}

/**
 * The pipelined module. With registers of its own, the delayed inputs reset to 0, so that after reset
 * the core sees what it would have seen with its inputs held at 0 (idle, for valid-gated blocks).
 * With shift-register LUTs, every register logic reads stays a flip-flop: see keepTaps.
 */
function rebuild(m: IrModule, sch: Schedule, latency: number, hasState: boolean, srl: boolean): Netlist {
  const { nStage, sStage, core } = sch;
  const names = Namespace.of(m.names);
  const signals: IrSignal[] = [...m.signals];
  // New reads (sig nodes) go in front of the old nodes, which shift by the front's final size; a new
  // register fed by an old node records it here and gets its driver once the shift is known.
  const front: Node[] = [];
  const fedByOld: Array<[number, number]> = []; // [register, old node]
  const read = (sig: number) => front.push({ op: 'sig', type: signals[sig]!.type, args: [], value: 0n, lo: sig, loc: signals[sig]!.loc }) - 1;
  const reg = (name: string, type: IrSignal['type'], source: { front: number } | { old: number }, valid: boolean, loc: Loc) => {
    const r = signals.push({
      name: names.unique(name), kind: 'reg', type, loc, instDriver: null, init: valid ? 0n : null, enable: null,
      driver: { kind: 'leaf', value: 'front' in source ? source.front : null, loc },
    }) - 1;
    if ('old' in source) fedByOld.push([r, source.old]);
    return r;
  };
  /** A chain of `d` registers after a source (named `<base>_d1`…, at the source's line); the front index of each read. */
  const chain = (base: string, type: IrSignal['type'], source: { front: number } | { old: number }, d: number, valid: boolean, loc: Loc = m.loc) => {
    const reads: number[] = [];
    for (let j = 1; j <= d; j++) reads.push(read(reg(`${base}_d${j}`, type, j === 1 ? source : { front: reads[j - 2]! }, valid, loc)));
    return reads;
  };

  /**
   * Synthesis folds a run of registers into a shift-register LUT up to and including the one logic
   * reads, whose slow clock-to-out then starts the next stage (a run may also pass from one chain into
   * another through logic that synthesis reduces to a wire). Every register that logic reads is kept a
   * flip-flop, so a run ends in the register before it, as Vivado builds an SRL and its output register.
   */
  const keepTaps = (reads: readonly number[], depths: Iterable<number>) => {
    if (!srl) return;
    for (const k of depths) {
      const r = front[reads[k - 1]!]!.lo;
      signals[r] = { ...signals[r]!, keep: true };
    }
  };
  // The valid bit, when the module has none: in_valid → `latency` registers reset to 0 → out_valid.
  const ports = [...m.ports];
  const existing = m.signals.findIndex((s) => s.name === 'in_valid' && s.kind === 'input');
  if (existing < 0) {
    if (!names.take('in_valid') || !names.take('out_valid')) throw new PipelineError(`${m.name}: a signal named in_valid or out_valid is not the handshake's`);
    const inValid = signals.push({ name: 'in_valid', kind: 'input', type: BOOL, loc: m.loc, driver: null, instDriver: null, init: null, enable: null }) - 1;
    const reads = chain('valid', BOOL, { front: read(inValid) }, latency, true);
    keepTaps(reads, [latency]);
    const outValid = signals.push({ name: 'out_valid', kind: 'output', type: BOOL, loc: m.loc, driver: { kind: 'leaf', value: reads[latency - 1]!, loc: m.loc }, instDriver: null, init: null, enable: null }) - 1;
    const lastInput = ports.reduce((k, p, i) => (m.signals[p]!.kind === 'input' ? i : k), -1);
    ports.splice(lastInput + 1, 0, outValid);
    ports.unshift(inValid);
  }
  const isValid = (e: Node) => e.op === 'sig' && m.signals[e.lo]!.name === 'in_valid' && m.signals[e.lo]!.kind === 'input';

  // A node read in a later stage than its own: one chain, as deep as its latest reader needs.
  const depthOf = new Map<number, number>();
  const taps = new Map<number, Set<number>>(); // the depths of each chain that logic reads
  const gap = (consumer: number, arg: number) => (nStage[arg]! >= 0 && nStage[arg]! < consumer ? consumer - nStage[arg]! : 0);
  const need = (consumer: number, arg: number) => {
    const d = gap(consumer, arg);
    if (!d) return;
    depthOf.set(arg, Math.max(depthOf.get(arg) ?? 0, d));
    (taps.get(arg) ?? taps.set(arg, new Set()).get(arg)!).add(d);
  };

  m.nodes.forEach((e, i) => e.args.forEach((a) => need(nStage[i]!, a)));
  const consumer = (i: number) => (m.signals[i]!.kind === 'reg' ? core : sStage[i]!); // a register's inputs are read in the core
  m.signals.forEach((s, i) => {
    if (s.driver && s.kind !== 'input') for (const a of treeNodes(s.driver)) need(consumer(i), a);
    if (s.enable !== null) need(core, s.enable);
  });
  const chains = new Map<number, number[]>();
  for (const [arg, d] of [...depthOf].sort((a, b) => a[0] - b[0])) {
    const e = m.nodes[arg]!;
    const fromInput = e.op === 'sig' && m.signals[e.lo]!.kind === 'input';
    // Named after the signal read, or the operator and the line that computes it (e.g. add_l41_d1).
    const base = e.op === 'sig' ? m.signals[e.lo]!.name : `${e.op}_l${e.loc?.line ?? arg}`;
    chains.set(arg, chain(base, e.type, { old: arg }, d, isValid(e) || (hasState && fromInput), e.loc ?? m.loc));
    keepTaps(chains.get(arg)!, taps.get(arg)!);
  }

  // Outputs finished before the last stage: their driver moves to a wire, the port reads it delayed.
  const moved = new Map<number, number>(); // output → wire
  for (const o of m.ports) {
    const s = m.signals[o]!;
    if (s.kind !== 'output' || sStage[o]! < 0 || sStage[o]! >= latency) continue; // (a constant output needs no delay)
    const wire = signals.push({ ...s, name: names.unique(`${s.name}_comb`), kind: 'wire' }) - 1;
    moved.set(o, wire);
    const reads = chain(s.name, s.type, { front: read(wire) }, latency - sStage[o]!, s.name === 'out_valid', s.loc);
    keepTaps(reads, [reads.length]);
    signals[o] = { ...s, driver: { kind: 'leaf', value: reads[reads.length - 1]!, loc: s.loc } };
  }

  // Old nodes behind the front; an argument from an earlier stage is read from its chain.
  const shift = front.length;
  const use = (consumer: number, arg: number) => { const d = gap(consumer, arg); return d ? chains.get(arg)![d - 1]! : arg + shift; };
  const nodes: Node[] = [...front, ...m.nodes.map((e, i) => ({ ...e, lo: e.op === 'sig' ? (moved.get(e.lo) ?? e.lo) : e.lo, args: e.args.map((a) => use(nStage[i]!, a)) }))];
  for (const [r, old] of fedByOld) signals[r] = { ...signals[r]!, driver: { kind: 'leaf', value: old + shift, loc: signals[r]!.loc } };
  m.signals.forEach((s, i) => {
    if (s.enable !== null) signals[i] = { ...signals[i]!, enable: use(core, s.enable) };
    if (!s.driver || s.kind === 'input') return;
    const tree = mapTree(s.driver, (a) => use(consumer(i), a));
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
