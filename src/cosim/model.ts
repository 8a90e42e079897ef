// What a block gives the cosimulation: a golden model (written from the spec, never from the
// generator) and a stimulus source. Port values are BigInts keyed by port name; blocks that must
// run millions of vectors per second may also work on rows of 32-bit words (rows.ts).

import type { EmittableBlock } from '../codegen/emit-block.js';
import type { Rng } from '../util/rng.js';
import type { RowLayout } from './rows.js';

// The seeded stream is the stimulus contract's too: blocks take it from here.
export { seededRng, type Rng } from '../util/rng.js';

export type Vector = Record<string, bigint>;

export interface Stimulus {
  /** Directed corner cases, always run first. */
  readonly directed: Vector[];
  /** log2 of the size of the input space: enumerated exhaustively when it is at most 20. */
  readonly spaceBits: number;
  /** The i-th vector of the exhaustive enumeration (0 <= i < 2^spaceBits). */
  exhaustive(i: number): Vector;
  random(rng: () => number): Vector;
  /** Optional fast path: n random vectors straight into rows (used instead of random() when present). */
  randomRows?(rng: Rng, layout: RowLayout, rows: Uint32Array, n: number): void;
  /** Grouped models: one random group of groupSize vectors (used instead of random()). */
  randomGroup?(rng: () => number): Vector[];
}

/** Rows in, rows out: a fast golden model over n transactions. */
export type RowGolden = (inRows: Uint32Array, n: number, outRows: Uint32Array) => void;

/**
 * Transactions: one output per input, in order. Covers fixed-latency pipelines (in_valid/out_valid),
 * valid/ready streams and combinational blocks; the block's handshake says which.
 */
export interface TransactionModel<P> {
  readonly kind: 'transaction';
  /** A fresh golden model, called once per transaction in order (an accumulator keeps state here). */
  create(p: P): (inputs: Vector) => Vector;
  /** Outputs depend on earlier transactions: a replay must start from the first one. */
  readonly stateful?: boolean;
  /** Optional fast path with the same results as create(), on rows (tested against it); undefined where it does not apply. */
  createRows?(p: P, ins: RowLayout, outs: RowLayout): RowGolden | undefined;
  stimulus(p: P): Stimulus;
  /**
   * Transactions that belong together, such as one block streamed as several beats: an output may
   * depend on later inputs of its group. Stimulus (directed and random) comes in whole groups and
   * createGroup's golden model sees a whole group at once. Default 1.
   */
  groupSize?(p: P): number;
  createGroup?(p: P): (inputs: Vector[]) => Vector[];
}

/** Free-running sequential blocks with a cycle model: outputs compared every cycle. */
export interface CycleModel<P> {
  readonly kind: 'cycle';
  /** A fresh model; step() returns the outputs visible during the cycle (before its clock edge), or null when undefined (before the first reset). */
  create(p: P): { step(inputs: Vector): Vector | null };
  stimulus(p: P): Stimulus;
}

/**
 * Packet streams: one input packet (its final beat has in_last) gives a sequence of outputs of any
 * length (a compressor's bytes, a decompressor's values). Outputs are compared in order, whatever
 * their timing; a block with a valid/ready stream handshake.
 */
export interface PacketModel<P> {
  readonly kind: 'packet';
  /** A fresh golden model: a packet's input beats → its output beats. */
  createPacket(p: P): (inputs: Vector[]) => Vector[];
  stimulus(p: P): PacketStimulus;
}

export interface PacketStimulus {
  /** Directed packets, always run first. */
  readonly directed: Vector[][];
  random(rng: () => number): Vector[];
}

export type CosimModel<P> = TransactionModel<P> | CycleModel<P> | PacketModel<P>;

/** The value of the low `bits` bits of x: two's complement when signed. */
export function intValue(x: bigint, bits: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x);
}

/** A uniformly random w-bit value, signed or not. */
export function randomBits(rng: () => number, w: number, signed: boolean): bigint {
  let v = 0n;
  for (let i = 0; i < w; i += 24) v = (v << 24n) | BigInt(Math.floor(rng() * 2 ** 24));
  v = BigInt.asUintN(w, v);
  return signed ? BigInt.asIntN(w, v) : v;
}

/** What a cosimulation needs of a block: its generator and handshake, golden model and port formats
 *  (blocks' BlockDef is one; cosim does not import the catalogue). */
export interface CosimBlock extends EmittableBlock {
  readonly cosim?: CosimModel<any>;
  readonly formats?: (p: any) => Readonly<Record<string, string>>;
}
