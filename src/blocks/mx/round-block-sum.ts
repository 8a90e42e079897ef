// One MX block's exact sum (SInt, LSB 2^lsb) times 2^(sa + sb − 254), rounded once with RNE into a
// float format: the end of mx.dot, and of each block in mx.dot-general's fp32 mode.

import { lit, replicate, SInt, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';
import { roundScaled } from '../minifloat/round-scaled.js';
import type { Specials } from '../minifloat/specials.js';

/**
 * `scaleSum` is sa + sb as an unsigned word (0..510; a NaN scale arrives as `nan`). `funnel`: one
 * shifter for the normalizing and the subnormal shifts (roundScaled's), for LUT4.
 */
export function roundBlockSum(sum: Expr, lsb: number, scaleSum: Expr, sp: Omit<Specials, 'zeroNeg'>, f: FloatFormat, funnel = false): Expr {
  // The weight of |sum|'s top bit is 2^(W − 1 + lsb + sa + sb − 254).
  const W = sum.width, base = W - 1 + lsb - 254;
  const neg = sum.bit(W - 1);
  // |sum| = (sum xor neg) + neg: one carry chain with the sign as its carry-in, where a negation
  // beside a mux is a chain and a mux per bit. |sum| ≤ 2^(W − 1) fits W bits.
  const mag = sum.asUInt().xor(replicate(neg, W)).addWrap(neg.zext(W));
  const exp = scaleSum.zext(12).asSInt().addWrap(lit(base, SInt(12)));
  return roundScaled({ neg, mag, exp, expMin: base, expMax: base + 510, nan: sp.nan, pinf: sp.pinf, ninf: sp.ninf }, f, 'rne', { sat: false, funnel });
}
