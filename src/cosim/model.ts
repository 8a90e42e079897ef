// What a block gives the cosimulation: a golden model (written from the spec, never from the
// generator) and a stimulus source. Port values are BigInts keyed by port name.

export type Vector = Record<string, bigint>;

export interface Stimulus {
  /** Directed corner cases, always run first. */
  readonly directed: Vector[];
  /** log2 of the size of the input space: enumerated exhaustively when it is at most 20. */
  readonly spaceBits: number;
  /** The i-th vector of the exhaustive enumeration (0 <= i < 2^spaceBits). */
  exhaustive(i: number): Vector;
  random(rng: () => number): Vector;
}

/** Fixed-latency pipelines: one transaction in (in_valid), one out (out_valid), compared in order. */
export interface TransactionModel<P> {
  readonly kind: 'transaction';
  golden(p: P, inputs: Vector): Vector;
  stimulus(p: P): Stimulus;
}

/** Free-running sequential blocks with a cycle model: outputs compared every cycle. */
export interface CycleModel<P> {
  readonly kind: 'cycle';
  /** A fresh model; step() returns the outputs visible during the cycle (before its clock edge), or null when undefined (before the first reset). */
  create(p: P): { step(inputs: Vector): Vector | null };
  stimulus(p: P): Stimulus;
}

export type CosimModel<P> = TransactionModel<P> | CycleModel<P>;

/** Seeded xorshift32: reproducible stimulus; the seed is always printed. */
export function seededRng(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

/** A uniformly random w-bit value, signed or not. */
export function randomBits(rng: () => number, w: number, signed: boolean): bigint {
  let v = 0n;
  for (let i = 0; i < w; i += 24) v = (v << 24n) | BigInt(Math.floor(rng() * 2 ** 24));
  v = BigInt.asUintN(w, v);
  return signed ? BigInt.asIntN(w, v) : v;
}
