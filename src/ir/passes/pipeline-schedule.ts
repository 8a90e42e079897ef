// The schedule behind pipelining (pipeline.ts): a stage and a time within it for every node and
// signal. Each value is placed as soon as its arguments allow (ASAP, as FloPoCo schedules its
// operators): in the stage of its latest argument if that stage still has room, else at the start of
// the next one. A module's own registers all sit in one stage, the core: the logic that reads a
// register and feeds one (a feedback loop, such as an accumulator) cannot take a pipeline register
// without changing what it computes, so its delay is a bound no pipelining passes. The logic before
// the core (from the inputs) and after it (to the outputs) is pipelined freely.

import { arrival, LEAF, NEVER, treeArrival, treeDelay, type Arrival, type FabricDelays } from '../delay.js';
import { treeNodes, type IrModule, type Tree } from '../netlist.js';
import { sinkWiring } from './pipeline-sink.js';

/** Constants: free in every stage. */
export const FREE = -1;

export interface Schedule {
  readonly nStage: Int32Array;
  readonly nLocal: Float64Array;
  readonly sStage: Int32Array;
  readonly sLocal: Float64Array;
  /** The stage of the module's registers (0 when it has none). */
  readonly core: number;
  /** The slowest single node, ns without the register. */
  readonly floorNs: number;
  /** The core's stage, ns without the register: its loops and the inputs arriving in its stage. */
  readonly coreNs: number;
  /** The slowest path from a register back to a register, ns without the register: no pipelining passes it. */
  readonly loopNs: number;
}

type Item = { node: number } | { signal: number };
/** Levels of a signal's decision tree. */
export const depth = (t: Tree): number => (t.kind === 'leaf' ? 0 : 1 + Math.max(depth(t.whenTrue), depth(t.whenFalse)));

/** What reads the module's registers and what feeds them, with every item in dependency order. */
export function classify(m: IrModule) {
  const isState = (s: number) => m.signals[s]!.kind === 'reg';
  const depsOf = (it: Item): Item[] => {
    if ('signal' in it) {
      const s = m.signals[it.signal]!;
      return s.kind === 'input' || s.kind === 'reg' || !s.driver ? [] : treeNodes(s.driver).map((node) => ({ node }));
    }
    const e = m.nodes[it.node]!;
    return e.op === 'sig' ? [{ signal: e.lo }] : e.args.map((node) => ({ node }));
  };
  /** Post-order over every item, iteratively: a wire can be read before its driver's nodes appear. */
  const order: Item[] = [];
  {
    // 0: new, 1: on the path (expanded), 2: done. An item may be pushed twice; the second is skipped.
    const stN = new Uint8Array(m.nodes.length), stS = new Uint8Array(m.signals.length);
    const st = (it: Item) => ('node' in it ? stN[it.node]! : stS[it.signal]!);
    const set = (it: Item, v: number) => { if ('node' in it) stN[it.node] = v; else stS[it.signal] = v; };
    const roots: Item[] = [...m.signals.map((_, signal) => ({ signal })), ...m.nodes.map((_, node) => ({ node }))];
    for (const root of roots) {
      if (st(root)) continue;
      const stack: Array<{ it: Item; expanded: boolean }> = [{ it: root, expanded: false }];
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.expanded) { stack.pop(); set(top.it, 2); order.push(top.it); continue; }
        if (st(top.it)) { stack.pop(); continue; } // done, or already on the path
        top.expanded = true;
        set(top.it, 1);
        for (const d of depsOf(top.it)) if (!st(d)) stack.push({ it: d, expanded: false });
      }
    }
  }
  // Which values read a register (through any logic), and which feed one (drivers and enables).
  const readsN = new Uint8Array(m.nodes.length), readsS = new Uint8Array(m.signals.length);
  for (const it of order) {
    if ('signal' in it) readsS[it.signal] = isState(it.signal) || depsOf(it).some((d) => 'node' in d && readsN[d.node]) ? 1 : 0;
    else readsN[it.node] = depsOf(it).some((d) => ('node' in d ? readsN[d.node] : readsS[d.signal])) ? 1 : 0;
  }
  const feedsN = new Uint8Array(m.nodes.length), feedsS = new Uint8Array(m.signals.length);
  {
    const work: Item[] = [];
    m.signals.forEach((s, i) => {
      if (!isState(i)) return;
      for (const node of [...(s.driver ? treeNodes(s.driver) : []), ...(s.enable !== null ? [s.enable] : [])]) work.push({ node });
    });
    while (work.length) {
      const it = work.pop()!;
      if ('node' in it ? feedsN[it.node] : feedsS[it.signal]) continue;
      if ('node' in it) feedsN[it.node] = 1; else feedsS[it.signal] = 1;
      if ('signal' in it && isState(it.signal)) continue;
      work.push(...depsOf(it));
    }
  }
  return { order, depsOf, isState, readsN, readsS, feedsN, feedsS };
}

/** Nodes on a feedback loop (they read a register and feed one): no pipeline register may cut them. */
export function loopNodes(m: IrModule): Uint8Array {
  const c = classify(m);
  return c.readsN.map((r, i) => (r && c.feedsN[i] ? 1 : 0));
}

export function schedule(m: IrModule, budget: number, fabric: FabricDelays): Schedule {
  const { order, depsOf, isState, readsN, readsS, feedsN, feedsS } = classify(m);
  const nStage = new Int32Array(m.nodes.length), nLocal = new Float64Array(m.nodes.length);
  const sStage = new Int32Array(m.signals.length), sLocal = new Float64Array(m.signals.length);
  const nArrival: Arrival[] = new Array(m.nodes.length).fill(LEAF), sArrival: Arrival[] = new Array(m.signals.length).fill(LEAF);
  let floor = 0, loop = 0, bound = 0;
  // Time from the registers alone, for the loop bound (inputs to the core do not count).
  const nFromState: Arrival[] = new Array(m.nodes.length).fill(NEVER), sFromState: Arrival[] = new Array(m.signals.length).fill(NEVER);
  const fromState = (d: Item): Arrival => ('node' in d ? (readsN[d.node] ? nFromState[d.node]! : NEVER) : isState(d.signal) ? LEAF : readsS[d.signal] ? sFromState[d.signal]! : NEVER);
  type At = { stage: number; arrival: Arrival };
  const at = (d: Item): At => ('node' in d ? { stage: nStage[d.node]!, arrival: nArrival[d.node]! } : { stage: sStage[d.signal]!, arrival: sArrival[d.signal]! });
  /** The stage and arrival of a value computed by `of` from its arguments (null: constant; LEAF: from a register). */
  const place = (deps: At[], of: (args: Array<Arrival | null>) => Arrival, pinned: number | null): At => {
    const live = deps.filter((d) => d.stage !== FREE);
    if (!live.length && pinned === null) return { stage: FREE, arrival: LEAF };
    const stage = pinned ?? Math.max(...live.map((d) => d.stage));
    const here = of(deps.map((d) => (d.stage === FREE ? null : d.stage === stage ? d.arrival : LEAF)));
    const alone = of(deps.map((d) => (d.stage === FREE ? null : LEAF))); // from registers: what no schedule passes
    floor = Math.max(floor, alone.t);
    if (pinned !== null) { loop = Math.max(loop, here.t); return { stage, arrival: here }; } // a loop takes no register
    if (here.t <= budget + 1e-9 || alone.t === 0) return { stage, arrival: here };
    return { stage: stage + 1, arrival: alone };
  };
  const tree = (depthOf: number) => (args: Array<Arrival | null>): Arrival => treeArrival(fabric, depthOf, args);
  const visit = (it: Item, core: number) => {
    const pinned = ('node' in it ? readsN[it.node] && feedsN[it.node] : readsS[it.signal] && feedsS[it.signal]) ? core : null;
    let r: At;
    if ('signal' in it) {
      const s = m.signals[it.signal]!;
      r = s.kind === 'input' ? { stage: 0, arrival: LEAF }
        : isState(it.signal) ? { stage: core, arrival: LEAF }
          : !s.driver ? { stage: FREE, arrival: LEAF }
            : place(depsOf(it).map(at), tree(depth(s.driver)), pinned);
      sStage[it.signal] = r.stage; sLocal[it.signal] = r.arrival.t; sArrival[it.signal] = r.arrival;
      if (readsS[it.signal] && !isState(it.signal) && s.driver) sFromState[it.signal] = tree(depth(s.driver))(depsOf(it).map(fromState));
    } else {
      const e = m.nodes[it.node]!;
      r = e.op === 'const' ? { stage: FREE, arrival: LEAF } : e.op === 'sig' ? at({ signal: e.lo }) : place(e.args.map((a) => at({ node: a })), (args) => arrival(fabric, m, e, args), pinned);
      nStage[it.node] = r.stage; nLocal[it.node] = r.arrival.t; nArrival[it.node] = r.arrival;
      if (readsN[it.node]) nFromState[it.node] = e.op === 'sig' ? fromState({ signal: e.lo }) : arrival(fabric, m, e, e.args.map((a) => (m.nodes[a]!.op === 'const' ? null : fromState({ node: a }))));
    }
  };
  // The logic before the registers first; the core goes where its latest input arrives, or one stage
  // later when that input's time would push the loop past the period.
  const before = order.filter((it) => !('node' in it ? readsN[it.node] : readsS[it.signal]));
  const after = order.filter((it) => ('node' in it ? readsN[it.node] : readsS[it.signal]));
  for (const it of before) visit(it, 0);
  const hasState = m.signals.some((_, i) => isState(i));
  const coreInputs: At[] = [];
  if (hasState) {
    for (const it of before) if ('node' in it ? feedsN[it.node] : feedsS[it.signal]) coreInputs.push(at(it));
  }
  let core = Math.max(0, ...coreInputs.filter((d) => d.stage !== FREE).map((d) => d.stage));
  const run = () => { loop = 0; bound = 0; for (const it of after) visit(it, core); registerTrees(); };
  const registerTrees = () => {
    m.signals.forEach((s, i) => {
      if (!isState(i) || !s.driver) return;
      const roots = [...treeNodes(s.driver), ...(s.enable !== null ? [s.enable] : [])];
      const deps = roots.map((node) => at({ node })).filter((d) => d.stage === core);
      const treeNs = treeDelay(fabric, depth(s.driver));
      loop = Math.max(loop, Math.max(0, ...deps.map((d) => d.arrival.t)) + treeNs);
      bound = Math.max(bound, Math.max(0, ...roots.map((node) => fromState({ node }).t)) + treeNs);
    });
  };
  run();
  if (hasState && loop > budget && coreInputs.some((d) => d.stage === core && d.arrival.t > 0)) {
    core += 1; // register the core's inputs: the loop then starts from registers only
    run();
  }
  const nodeOrder = order.flatMap((it) => ('node' in it ? [it.node] : []));
  sinkWiring(m, nodeOrder, nStage, nArrival, (sig) => (isState(sig) ? core : sStage[sig]!), (i) => readsN[i] === 1 && feedsN[i] === 1);
  nArrival.forEach((a, i) => { nLocal[i] = a.t; });
  return { nStage, nLocal, sStage, sLocal, core, floorNs: floor, coreNs: loop, loopNs: bound };
}
