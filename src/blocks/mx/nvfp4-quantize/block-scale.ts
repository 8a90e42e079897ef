// mx.nvfp4-quantize's block scale, S_b = ue4m3(fl(amax / six)) with RNE and saturation (formats.md
// §5), without the float32 division. With q = amax / six in [2^k, 2^(k+1)) and r = q / 2^k in [1, 2):
// the ue4m3 code is a base for the binade plus the number of its rounding midpoints that fl(q) has
// reached, and in r every midpoint sits at 1 + j/16 for an integer j (3 mantissa bits in the normal
// binades, 2, 1, 0 in the subnormal ones below 2^-6).
// fl(q) ≥ M for a midpoint M exactly when r ≥ M − 2^-24 (M is a float32 with few bits, so even: a tie
// of fl goes to it), and fl(q) > M exactly when r > M + 2^-24; which of the two rounds up is the
// parity of the code above M (ties to even). So four quotient bits of the significands (j* = ⌊16r⌋ − 16)
// and the remainder decide S_b: midpoints below j* are passed, the one at j* needs the remainder above
// S/2^20, the one at j* + 1 needs it within S/2^20 of the divisor. Four carry chains in a row where
// the division took 26.

import { cat, lit, mux, std, UInt, type Expr } from '../../../dsl/index.js';

interface Normalized { readonly sig: Expr; readonly exp: Expr } // significand with its leading one on top (24 bits), the weight of that one (SInt(10))

/** A binade's midpoints in r as [j, rounds up only past it (the code above is odd)], above the code `base`. */
interface Binade { readonly base: number; readonly mids: ReadonlyArray<readonly [number, boolean]> }
const NORMAL: Binade = { base: 0, mids: [1, 3, 5, 7, 9, 11, 13, 15].map((j) => [j, j % 4 === 1] as const) };
const SUBNORMAL: ReadonlyArray<readonly [number, Binade]> = [ // by k
  [-7, { base: 4, mids: [[2, true], [6, false], [10, true], [14, false]] }],
  [-8, { base: 2, mids: [[4, true], [12, false]] }],
  [-9, { base: 1, mids: [[8, false]] }],
]; // below 2^-9 the code is 0 or 1, and both clamps give the same scale for either

/** The ue4m3 code of fl(a / s) for finite non-zero a and s (`zero`: the quotient is 0 instead), before the invalid-block code. */
export function blockScale(a: Normalized, s: Normalized, zero: Expr, clamp: 'bump' | 'torchao'): Expr {
  const A = a.sig, S = s.sig, W = S.width;
  const below = A.lt(S);
  const A2 = mux(below, cat(A, lit(0, UInt(1))), A.zext(W + 1)); // r = A2 / S in [1, 2)
  const k = a.exp.subWrap(s.exp).subWrap(below.zext(10).asSInt());

  // Restoring: four quotient bits below r's leading one, and the remainder R = 16·A2 − (16 + j*)·S in [0, S).
  let R = A2.subWrap(S.zext(W + 1)).bits(W - 1, 0);
  const digits: Expr[] = [];
  for (let i = 0; i < 4; i++) {
    const twice = cat(R, lit(0, UInt(1)));
    const diff = twice.zext(W + 2).subWrap(S.zext(W + 2));
    const fits = diff.bit(W + 1).not();
    digits.push(fits);
    R = mux(fits, diff.bits(W - 1, 0), twice.bits(W - 1, 0));
  }
  const jStar = cat(...digits);
  // r − (1 + j*/16) = R / (16·S): above 2^-24 when R > S / 2^20; within 2^-24 of the next midpoint when R ≥ S − S / 2^20.
  const c = S.bits(W - 1, W - 4).zext(W);
  const pastAt = R.gt(c), reachesNext = R.zext(W + 1).addWrap(c.zext(W + 1)).ge(S.zext(W + 1));

  /** base + the midpoints fl(q) has passed, for each j*. */
  const passed = (b: Binade) => std.select(jStar, Array.from({ length: 16 }, (_, v) => {
    let n = b.base;
    const terms: Expr[] = [];
    for (const [j, strict] of b.mids) {
      if (j < v || (j === v && !strict)) n++;
      else if (j === v) terms.push(pastAt);
      else if (j === v + 1 && !strict) terms.push(reachesNext);
    }
    return terms.reduce((sum, t) => sum.addWrap(t.zext(4)), lit(n, UInt(4)));
  }));

  const isK = (x: number) => k.eq(lit(x, k.type));
  const normalCode = cat(k.addWrap(lit(7, k.type)).bits(3, 0), lit(0, UInt(3))).zext(8).addWrap(passed(NORMAL).zext(8));
  const MAX = lit(0x7e, UInt(8)); // 448; 0x7f is NaN
  let code: Expr = lit(0, UInt(8)); // below 2^-9: 0 (the clamps below make 0 and 1 alike)
  for (const [kk, b] of SUBNORMAL) code = mux(isK(kk), passed(b).zext(8), code);
  code = mux(k.ge(lit(-6, k.type)), mux(normalCode.gt(MAX), MAX, normalCode), code);
  code = mux(k.ge(lit(9, k.type)), MAX, code); // q ≥ 512: saturates
  code = mux(zero, lit(0, UInt(8)), code).bits(6, 0);
  return clamp === 'torchao'
    ? mux(zero.or(k.lt(lit(-6, k.type))), lit(0x08, UInt(7)), code) // fl(q) < 2^-6 → 2^-6 (at k = −7 a q that rounds to 2^-6 gives 0x08 anyway)
    : mux(code.orR(), code, lit(0x01, UInt(7))); // 0 → 2^-9
}
