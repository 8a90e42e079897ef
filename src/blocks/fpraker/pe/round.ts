// S·2^E (S a W-bit two's-complement window, E signed) → a float32 code, rounded to nearest even:
// the LSB kept is max(msb − 23, −149 − E) (a normal's 24 bits, or the subnormal grid), and the code
// is ((lsb + E + 149) << 23) + q for q ≤ 2^24 (a carry into the exponent falls out of the sum).

import { cat, lit, mux, SInt, std, UInt, type Expr } from '../../../dsl/index.js';

export function roundWindowToF32(S: Expr, E: Expr): Expr {
  const W = S.width, neg = S.bit(W - 1);
  const mag = mux(neg, lit(0, SInt(W)).subWrap(S), S).asUInt(); // |S| (−2^(W−1) too)
  const n = lit(W - 1, SInt(12)).subWrap(std.leadingZeros(mag).zext(12).asSInt()); // msb index (−1 for 0)
  const lsbNormal = n.subWrap(lit(23, SInt(12))), lsbSub = lit(-149, SInt(12)).subWrap(E.ext(12));
  const lsb0 = mux(lsbNormal.gt(lsbSub), lsbNormal, lsbSub);
  const lsb = mux(lsb0.gt(W + 1), lit(W + 1, SInt(12)), lsb0); // beyond W + 1 the result is 0 all the same
  // X = |S|·2^24; shifting it right by lsb + 24 − 1 leaves q and the guard bit.
  const XW = W + 24, X = cat(mag, lit(0, UInt(24)));
  const amt = lsb.addWrap(23).trunc(Math.ceil(Math.log2(XW + 1))); // ≥ 0: lsb ≥ −23
  const y = std.barrelShift(X, amt, 'right-logical');
  const below = X.and(std.barrelShift(lit((1n << BigInt(XW)) - 1n, UInt(XW)), amt, 'left').not()).orR();
  const q = y.bits(XW - 1, 1), guard = y.bit(0);
  const up = guard.and(below.or(q.bit(0)));
  const q1 = q.bits(24, 0).addWrap(up.zext(25)); // ≤ 2^24
  const expPart = lsb0.addWrap(E.ext(12)).addWrap(149).trunc(9).asUInt().zext(33); // 0 on the subnormal grid (where the clamp applies)
  const code = expPart.shl(23).trunc(33).addWrap(q1.zext(33));
  const magCode = mux(code.ge(0x7f800000), lit(0x7f800000, UInt(31)), code.trunc(31));
  return mux(mag.orR(), cat(neg, magCode), lit(0, UInt(32)));
}
