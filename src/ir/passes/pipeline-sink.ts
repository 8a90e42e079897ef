// Fewer pipeline registers, at no cost in time: a value that only rewires its arguments (an extension,
// a constant shift, a concatenation, a slice, an inversion) is moved from the stage ASAP gave it to the
// first stage that reads it, when carrying its arguments there takes fewer register bits than carrying
// it: a 24-bit significand extended to 50 bits is registered as 24. Wiring takes no time, so what reads
// it sees a register's output either way, and no stage gets longer.

import { LEAF, type Arrival } from '../delay.js';
import { treeNodes, type IrModule } from '../netlist.js';

const WIRING = new Set(['bits', 'cat', 'rep', 'ext', 'cast', 'shl', 'shr', 'not']);

/**
 * Moves wiring nodes later in place (`nStage`, `nArrival`). `nodeOrder`: nodes with their arguments first;
 * `fixed`: nodes that must stay (a feedback loop's); `signalStage`: the stage a signal reads its driver in.
 */
export function sinkWiring(m: IrModule, nodeOrder: readonly number[], nStage: Int32Array, nArrival: Arrival[],
  signalStage: (signal: number) => number, fixed: (node: number) => boolean): void {
  // Who reads each node: other nodes, and signals (by their driver trees and enables).
  const readers: Array<Array<{ node: number } | { signal: number }>> = m.nodes.map(() => []);
  m.nodes.forEach((e, i) => { for (const a of e.args) readers[a]!.push({ node: i }); });
  m.signals.forEach((s, i) => {
    if (s.driver && s.kind !== 'input') for (const a of treeNodes(s.driver)) readers[a]!.push({ signal: i });
    if (s.enable !== null) readers[s.enable]!.push({ signal: i });
  });
  const stageOf = (r: { node: number } | { signal: number }) => ('node' in r ? nStage[r.node]! : signalStage(r.signal));
  /** The register bits a node's chain costs: its width times the cycles to its latest reader. */
  const depth = (i: number) => (nStage[i]! < 0 ? 0 : Math.max(0, ...readers[i]!.map((r) => stageOf(r) - nStage[i]!)));
  for (let k = nodeOrder.length - 1; k >= 0; k--) { // readers first
    const i = nodeOrder[k]!, e = m.nodes[i]!;
    if (!WIRING.has(e.op) || nStage[i]! < 0 || fixed(i) || !readers[i]!.length) continue;
    const s = nStage[i]!, to = Math.min(...readers[i]!.map(stageOf));
    if (to <= s) continue;
    const live = e.args.filter((a) => nStage[a]! >= 0);
    const carried = e.type.width * depth(i);
    const after = e.type.width * Math.max(0, ...readers[i]!.map((r) => stageOf(r) - to))
      + live.reduce((sum, a) => sum + m.nodes[a]!.type.width * Math.max(0, to - nStage[a]! - depth(a)), 0);
    if (after >= carried) continue;
    nStage[i] = to;
    nArrival[i] = LEAF; // its arguments arrive from registers
  }
  // Then together: several slices of one value, each cheaper than the value alone, may cost more
  // than carrying the value once (the carry-chained pieces of a split adder slice both operands).
  for (let v = 0; v < m.nodes.length; v++) {
    if (nStage[v]! < 0) continue;
    const group = readers[v]!.flatMap((r) => ('node' in r && WIRING.has(m.nodes[r.node]!.op) && !fixed(r.node)
      && m.nodes[r.node]!.args.length === 1 && readers[r.node]!.length ? [r.node] : []));
    const moves = group.map((g) => [g, Math.min(...readers[g]!.map(stageOf))] as const).filter(([g, to]) => to > nStage[g]!);
    if (moves.length < 2) continue;
    const carried = moves.reduce((sum, [g]) => sum + m.nodes[g]!.type.width * depth(g), 0) + m.nodes[v]!.type.width * depth(v);
    const moved = new Map(moves);
    const vDepth = Math.max(0, ...readers[v]!.map((r) => ('node' in r && moved.has(r.node) ? moved.get(r.node)! : stageOf(r)) - nStage[v]!));
    const after = moves.reduce((sum, [g, to]) => sum + m.nodes[g]!.type.width * Math.max(0, ...readers[g]!.map((r) => stageOf(r) - to)), 0)
      + m.nodes[v]!.type.width * vDepth;
    if (after >= carried) continue;
    for (const [g, to] of moves) { nStage[g] = to; nArrival[g] = LEAF; }
  }
}
