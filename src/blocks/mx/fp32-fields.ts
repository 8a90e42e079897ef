// float32 bit fields as hardware words: the value of a finite code is sig · 2^(ep − 150) with the
// hidden bit on top of sig and ep = max(e, 1), so subnormals need no special case.

import { cat, lit, mux, SInt, std, type Expr } from '../../dsl/index.js';

export interface Fp32Fields {
  readonly sign: Expr;
  readonly e: Expr; // UInt(8)
  readonly sig: Expr; // UInt(24)
  readonly ep: Expr; // UInt(8), max(e, 1)
  readonly special: Expr; // NaN or Inf
  readonly zero: Expr;
}

export function fp32Fields(x: Expr): Fp32Fields {
  const e = x.bits(30, 23), man = x.bits(22, 0), normal = e.orR();
  return {
    sign: x.bit(31), e, sig: cat(normal, man), ep: cat(e.bits(7, 1), e.bit(0).or(normal.not())),
    special: e.andR(), zero: x.bits(30, 0).orR().not(),
  };
}

/** A finite non-zero code's significand with its leading one on top, and that one's weight 2^exp (SInt(10)). */
export function fp32Normalized(x: Fp32Fields): { sig: Expr; exp: Expr } {
  const lz = std.leadingZeros(x.sig); // 0..24 (24 only for a zero, which callers treat apart)
  const sig = std.barrelShift(x.sig, lz, 'left');
  const exp = x.ep.zext(10).asSInt().subWrap(lz.zext(10).asSInt()).subWrap(lit(127, SInt(10)));
  return { sig, exp };
}

/** SInt(10) of an unsigned word, for exponent arithmetic. */
export const s10 = (x: Expr) => x.zext(10).asSInt();

/** The larger of two words, as an unsigned compare. */
export const umax = (a: Expr, b: Expr) => mux(a.gt(b), a, b);
