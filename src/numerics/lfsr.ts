// The on-chip random source of stochastic rounding (formats.md §8): per lane a 32-bit Galois LFSR,
// x^32 + x^22 + x^2 + x + 1 shifting right (feedback mask 0x80200003), seeded per lane. Each element
// steps its lane once and takes the low R bits of the new state.

export const LFSR_MASK = 0x80200003;
const GOLDEN = 0x9e3779b9;

/** Lane l's state at reset: seed XOR (0x9E3779B9 · (l + 1) mod 2^32), a zero state replaced by 1. */
export function lfsrSeed(seed: number, lane: number): number {
  const s = (seed ^ Math.imul(GOLDEN, lane + 1)) >>> 0;
  return s === 0 ? 1 : s;
}

export function lfsrStep(state: number): number {
  return ((state >>> 1) ^ (state & 1 ? LFSR_MASK : 0)) >>> 0;
}

/**
 * The random bits of a stream of blocks: k elements per block taken by L lanes in order (lane l serves
 * elements l, l + L, …). Call next() once per block; the state carries over from block to block.
 */
export class LaneLfsr {
  private readonly states: Uint32Array;
  constructor(readonly seed: number, readonly lanes: number, readonly block: number, readonly randomBits: number) {
    this.states = Uint32Array.from({ length: lanes }, (_, l) => lfsrSeed(seed, l));
  }

  /** The R-bit random values of the next block's k elements. */
  next(): Uint32Array {
    const out = new Uint32Array(this.block), mask = this.randomBits >= 32 ? 0xffffffff : 2 ** this.randomBits - 1;
    for (let i = 0; i < this.block; i++) {
      const l = i % this.lanes, s = lfsrStep(this.states[l]!);
      this.states[l] = s;
      out[i] = (s & mask) >>> 0;
    }
    return out;
  }
}
