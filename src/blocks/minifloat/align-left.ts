// Shifting a narrow value left into a wide word: the log shifter every aligned product and fixed
// word goes through.

import { cat, lit, mux, replicate, SInt, UInt, type Expr } from '../../dsl/index.js';

/**
 * (value << shift) >> offset, as a W-bit word (sign-extended when value is signed). The shifter
 * goes from the smallest step up, each level only as wide as the bits that can reach the result.
 * `fill` is what enters at the bottom (default 0): the sign of a ones'-complement value, so that
 * the result is the ones' complement of the shifted magnitude.
 */
export function alignLeft(value: Expr, shift: Expr, offset: number, W: number, fill?: Expr): Expr {
  const keep = W + offset; // bits below `offset` are dropped at the end, above `keep` never reach the result
  const fit = (x: Expr, w: number) => (x.width > w ? (value.signed ? x.bits(w - 1, 0).asSInt() : x.bits(w - 1, 0)) : x);
  let v = fit(value, keep);
  for (let i = 0; i < shift.width; i++) {
    const k = 2 ** i;
    const w = Math.min(v.width + k, keep);
    const low = fill ? replicate(fill, k) : lit(0, UInt(k));
    const moved = fit(value.signed ? cat(v, low).asSInt() : cat(v, low), w);
    const stay = v.width < w ? v.ext(w) : v;
    v = mux(shift.bit(i), moved, stay);
  }
  const out = v.width > offset ? (value.signed ? v.bits(v.width - 1, offset).asSInt() : v.bits(v.width - 1, offset)) : lit(0, value.signed ? SInt(1) : UInt(1));
  return out.width < W ? out.ext(W) : fit(out, W);
}

