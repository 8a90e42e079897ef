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
  /**
   * Entering a carry chain beyond a LUT level, ns: on 7-series the CARRY4's S input, fed by the LUT
   * that makes the propagate bit, is as slow as a LUT (prjxray 0.64 ns). 0 where the model's level covers it.
   */
  readonly carryInNs?: number;
  /**
   * A comparison's result leaving its carry chain for general logic, ns: on iCE40 the carry-out reaches
   * a LUT only through a logic cell of its own (nextpnr's path reports); 7-series routes CO directly.
   */
  readonly carryOutNs: number;
  /** A pipeline register's share of the period: clock to out, the net after it, setup; ns. */
  readonly registerNs: number;
  /**
   * LUT levels per branching level of a signal's decision tree (a fraction: synthesis merges a tree's
   * conditions into its multiplexers; fitted against nextpnr on ice40).
   */
  readonly muxLevels: number;
  /**
   * The share of the period the schedule leaves unused: the model's error on pipelined designs
   * (routing between stages, placement), so that a design pipelined for F MHz reaches F after routing.
   */
  readonly derate: number;
  /** Block RAM for long delay lines (passes/delay-ram.ts), on a fabric without shift-register LUTs. */
  readonly delayRam?: DelayRam;
  /**
   * Shift-register LUTs (7-series SRL16E/SRLC32E): synthesis folds register runs into them, and their
   * clock-to-out is a LUT level slower than a flip-flop's. Pipelining then keeps every register that
   * logic reads a flip-flop (pipeline.ts).
   */
  readonly shiftRegisterLuts?: boolean;
}

/** The block RAM a target offers for delay lines. */
export interface DelayRam {
  /** Bits per block at its widest (iCE40 SB_RAM40_4K: 256 × 16). */
  readonly width: number;
  /** Words per block at that width: the deepest run one block takes. */
  readonly depth: number;
  /** Blocks the pass may use: what the device has, less what it leaves to the design around the block. */
  readonly blocks: number;
  /** The shortest run worth a block's share (shorter runs stay registers). */
  readonly minDepth: number;
}

const log = (x: number, k: number) => Math.ceil(Math.log(Math.max(2, x)) / Math.log(k) - 1e-9);

/**
 * When a value is ready within a stage, and whether the LUT that makes it can take more logic: gates
 * and multiplexers pack into one LUT while their inputs fit in it (a chain of AND gates shares a LUT4
 * three at a time; a chain of multiplexers with their own selects takes a LUT each), so a fixed
 * fraction of a level per gate would be right for neither.
 */
export interface Arrival {
  /** ns from the stage's start. */
  readonly t: number;
  /** Inputs of the LUT that makes it, when more logic may join that LUT; 0 when it cannot (a register, an input, a carry chain's sum, a tree). */
  readonly open: number;
  /** When that LUT's inputs are ready (t less one level), for a gate that joins it. */
  readonly base: number;
}

/** A register's or an input's output at the start of a stage. */
export const LEAF: Arrival = Object.freeze({ t: 0, open: 0, base: 0 });
/** A value off the path being timed: it takes a LUT input but sets no time. */
export const NEVER: Arrival = Object.freeze({ t: -Infinity, open: 0, base: -Infinity });
const closed = (t: number): Arrival => ({ t, open: 0, base: t });
const packs = new Set(['and', 'or', 'xor', 'mux']);
/** Operators that only wire or invert: free, their result as ready as their arguments. */
const wiring = new Set(['const', 'sig', 'bits', 'cat', 'rep', 'ext', 'cast', 'shl', 'shr', 'not']);
/** Whether an operator can join the LUT of its argument (and so cost no time of its own). */
export const packsIntoLut = (op: Node['op']): boolean => packs.has(op) || wiring.has(op);

/**
 * A node's arrival from its arguments' (null: a constant, which takes no LUT input). A gate joins its
 * latest arguments' LUTs while the inputs fit (greedy, latest first); what it cannot join it reads
 * as inputs of a new level.
 */
export function arrival(f: FabricDelays, m: IrModule, n: Node, args: ReadonlyArray<Arrival | null>): Arrival {
  const live = args.filter((a): a is Arrival => a !== null);
  if (!live.length) return LEAF;
  const latest = Math.max(...live.map((a) => a.t));
  if (wiring.has(n.op)) {
    // A cat of several values: as late as the latest, and as full as the fullest LUT.
    const open = Math.max(...live.map((a) => a.open));
    return { t: latest, open, base: open ? Math.max(...live.map((a) => (a.open ? a.base : a.t))) : latest };
  }
  const k = f.lutInputs, L = f.levelNs;
  if (packs.has(n.op)) {
    let inputs = live.length;
    const joined = new Set<Arrival>();
    for (const a of [...live].filter((x) => x.open > 0).sort((x, y) => y.t - x.t)) {
      if (inputs - 1 + a.open > k) continue;
      inputs += a.open - 1;
      joined.add(a);
    }
    const base = Math.max(...live.map((a) => (joined.has(a) ? a.base : a.t)));
    return { t: base + L, open: inputs, base };
  }
  const w = (i: number) => m.nodes[n.args[i]!]!.type.width;
  const lutTree = (inputs: number): Arrival =>
    inputs <= k ? { t: latest + L, open: inputs, base: latest } : closed(latest + log(inputs, k) * L);
  const chain = (bits: number) => closed(latest + L + (f.carryInNs ?? 0) + bits * f.carryNsPerBit);
  switch (n.op) {
    case 'eq': case 'ne':
      return lutTree(args.map((a, i) => (a === null ? 0 : w(i))).reduce((x, y) => x + y, 0));
    case 'andr': case 'orr': case 'xorr':
      return lutTree(w(0));
    case 'add': case 'sub': case 'neg':
      return chain(n.type.width);
    case 'lt': case 'le': case 'gt': case 'ge':
      return closed(chain(Math.max(w(0), w(1))).t + f.carryOutNs);
    case 'mul': {
      // Partial-product rows summed by a tree of carry adders.
      const rows = Math.min(w(0), w(1));
      return rows <= 1 ? closed(latest + L) : closed(latest + L + log(rows, 2) * (L + (w(0) + w(1)) * f.carryNsPerBit));
    }
    case 'dshl': case 'dshr':
      // One 2:1 multiplexer level per amount bit (two per level with 6-input LUTs).
      return closed(latest + Math.ceil(w(1) / (k >= 6 ? 2 : 1)) * L);
    default:
      throw new Error(`unreachable: no delay for ${n.op}`);
  }
}

/** The delay of one node from registered arguments to its result, ns: what splitting a slow operator looks at. */
export function nodeDelay(f: FabricDelays, m: IrModule, n: Node): number {
  return arrival(f, m, n, n.args.map((a) => (m.nodes[a]!.op === 'const' ? null : LEAF))).t;
}

/** A signal's decision tree: one multiplexer per level of branching. */
export function treeDelay(f: FabricDelays, depth: number): number {
  return depth * f.muxLevels * f.levelNs;
}

/** A signal's arrival from its decision tree's nodes (null: constants): a plain wire is its driver; a tree closes the LUT. */
export function treeArrival(f: FabricDelays, depth: number, args: ReadonlyArray<Arrival | null>): Arrival {
  const live = args.filter((a): a is Arrival => a !== null);
  if (!live.length) return LEAF;
  if (depth === 0 && live.length === 1) return live[0]!;
  return closed(Math.max(...live.map((a) => a.t)) + treeDelay(f, depth));
}
