// The on-chip random source of stochastic rounding (formats.md §8): per lane a 32-bit Galois LFSR that
// shifts right with the feedback mask 0x80200003, reset to its seed. A lane serving n elements of a
// block steps n times in one cycle (unrolled), on in_valid; element l + jL takes the (j+1)-th state.

import { cat, lit, mux, reg, UInt, type Expr } from '../../../dsl/index.js';
import { LFSR_MASK, lfsrSeed } from '../../../numerics/lfsr.js';

const step = (s: Expr) => {
  const shifted = cat(lit(0, UInt(1)), s.bits(31, 1));
  return mux(s.bit(0), shifted.xor(lit(LFSR_MASK, UInt(32))), shifted);
};

export function lfsrBits(inValid: Expr, o: { seed: number; lanes: number; block: number; randomBits: number }): Expr[] {
  const out: Expr[] = new Array<Expr>(o.block);
  for (let l = 0; l < o.lanes; l++) {
    const state = reg(`lfsr${l}`, UInt(32), { init: lfsrSeed(o.seed, l) });
    let s: Expr = state;
    for (let i = l; i < o.block; i += o.lanes) {
      s = step(s);
      out[i] = s.bits(o.randomBits - 1, 0);
    }
    state.set(mux(inValid, s, state));
  }
  return out;
}
