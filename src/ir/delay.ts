// Delay of IR nodes on a LUT fabric, before synthesis: what the pipelining pass schedules by. A node
// costs LUT levels (each a LUT plus its routing) and carry-chain bits. The constants per target live
// with the synthesis targets (synth/timing-model.ts) and are checked against the post-synthesis
// estimate and nextpnr (bench/results/timing.md); this file holds only the shape of the model.

import type { IrModule, Node } from './netlist.js';

export interface FabricDelays {
  /** Inputs of one LUT (4 on iCE40, ECP5 and Gowin; 6 on 7-series). */
  readonly lutInputs: number;
  /** One LUT level: the LUT and the net after it, ns. */
  readonly levelNs: number;
  /** One bit of carry chain, ns. */
  readonly carryNsPerBit: number;
  /** A pipeline register's share of the period: clock to out, the net after it, setup; ns. */
  readonly registerNs: number;
  /**
   * LUT levels charged for a two-input gate and for a 2:1 multiplexer: fractions, because synthesis
   * packs chains of them into one LUT (fitted against nextpnr on ice40).
   */
  readonly gateLevels: number;
  readonly muxLevels: number;
  /**
   * The share of the period the schedule leaves unused: the model's error on pipelined designs
   * (routing between stages, placement), so that a design pipelined for F MHz reaches F after routing.
   */
  readonly derate: number;
}

const log = (x: number, k: number) => Math.ceil(Math.log(Math.max(2, x)) / Math.log(k) - 1e-9);

/** The delay of one node from its latest argument to its result, ns. */
export function nodeDelay(f: FabricDelays, m: IrModule, n: Node): number {
  const k = f.lutInputs, L = f.levelNs;
  const w = (i: number) => m.nodes[n.args[i]!]!.type.width;
  const chain = (bits: number) => L + bits * f.carryNsPerBit;
  switch (n.op) {
    case 'const': case 'sig': case 'bits': case 'cat': case 'rep': case 'ext': case 'cast': case 'shl': case 'shr': case 'not':
      return 0; // wiring, or an inversion taken into the next LUT
    case 'and': case 'or': case 'xor':
      return f.gateLevels * L; // several two-input gates share one LUT
    case 'mux':
      return f.muxLevels * L;
    case 'eq': case 'ne':
      return log(2 * Math.max(w(0), w(1)), k) * L;
    case 'andr': case 'orr': case 'xorr':
      return log(w(0), k) * L;
    case 'add': case 'sub': case 'neg':
      return chain(n.type.width);
    case 'lt': case 'le': case 'gt': case 'ge':
      return chain(Math.max(w(0), w(1)));
    case 'mul': {
      // Partial-product rows summed by a tree of carry adders.
      const rows = Math.min(w(0), w(1));
      return rows <= 1 ? L : L + log(rows, 2) * chain(w(0) + w(1));
    }
    case 'dshl': case 'dshr':
      // One 2:1 multiplexer level per amount bit (two per level with 6-input LUTs).
      return Math.ceil(w(1) / (k >= 6 ? 2 : 1)) * L;
  }
}

/** A signal's decision tree: one multiplexer per level of branching. */
export function treeDelay(f: FabricDelays, depth: number): number {
  return depth * f.muxLevels * f.levelNs;
}
