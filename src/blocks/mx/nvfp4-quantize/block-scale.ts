// The block scale of mx.nvfp4-quantize and blockfmt.quantize, S_b = S(fl(amax / six)) with RNE and
// saturation into a ue scale format S with 3 mantissa bits, ue4m3 or ue5m3 (formats.md §5, §8),
// without the float32 division. With q = amax / six in [2^k, 2^(k+1)) and r = q / 2^k in [1, 2):
// the code is a base for the binade plus the number of its rounding midpoints that fl(q) has
// reached, and in r every midpoint sits at 1 + j/16 for an integer j (3 mantissa bits in the normal
// binades, 2, 1, 0 in the three subnormal ones below 2^emin).
// fl(q) ≥ M for a midpoint M exactly when r ≥ M − 2^-24 (M is a float32 with few bits, so even: a tie
// of fl goes to it), and fl(q) > M exactly when r > M + 2^-24; which of the two rounds up is the
// parity of the code above M (ties to even). So four quotient bits of the significands (j* = ⌊16r⌋ − 16)
// and the remainder decide S_b: midpoints below j* are passed, the one at j* needs the remainder above
// S/2^20, the one at j* + 1 needs it within S/2^20 of the divisor. Four carry chains in a row where
// the division took 26.

import { cat, lit, mux, std, UInt, type Expr } from '../../../dsl/index.js';
import { emin, maxFinite, type FloatFormat } from '../../../numerics/format.js';

interface Normalized { readonly sig: Expr; readonly exp: Expr } // significand with its leading one on top (24 bits), the weight of that one (SInt(10))

/** A binade's midpoints in r as [j, rounds up only past it (the code above is odd)], above the code `base`. */
interface Binade { readonly base: number; readonly mids: ReadonlyArray<readonly [number, boolean]> }
const NORMAL: Binade = { base: 0, mids: [1, 3, 5, 7, 9, 11, 13, 15].map((j) => [j, j % 4 === 1] as const) };
const SUBNORMAL: ReadonlyArray<readonly [number, Binade]> = [ // by emin − k
  [1, { base: 4, mids: [[2, true], [6, false], [10, true], [14, false]] }],
  [2, { base: 2, mids: [[4, true], [12, false]] }],
  [3, { base: 1, mids: [[8, false]] }],
]; // below 2^(emin − 3) the code is 0 or 1, and both clamps give the same scale for either

/**
 * The code of fl(a / s) in S for finite non-zero a and s (`zero`: the quotient is 0 instead), before
 * the invalid-block code: S's width, the NaN code excluded.
 */
export function blockScale(a: Normalized, s: Normalized, zero: Expr, clamp: 'bump' | 'torchao', F: FloatFormat): Expr {
  if (F.signed || F.manBits !== 3 || F.specials !== 'fn' || !F.subnormals) throw new Error(`unreachable: block scale format ${F.name}`);
  const eMin = emin(F), eMax = maxFinite(F).exp, Wc = F.width;
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
  const Wn = Wc + 1; // a carry past the top binade still compares
  const normalCode = cat(k.addWrap(lit(F.bias, k.type)).bits(F.expBits - 1, 0), lit(0, UInt(3))).zext(Wn).addWrap(passed(NORMAL).zext(Wn));
  const MAX = lit(2 ** Wc - 2, UInt(Wn)); // the largest finite (ue4m3 448, ue5m3 114688); all ones is NaN
  let code: Expr = lit(0, UInt(Wn)); // below 2^(emin − 3): 0 (the clamps below make 0 and 1 alike)
  for (const [d, b] of SUBNORMAL) code = mux(isK(eMin - d), passed(b).zext(Wn), code);
  code = mux(k.ge(lit(eMin, k.type)), mux(normalCode.gt(MAX), MAX, normalCode), code);
  code = mux(k.ge(lit(eMax + 1, k.type)), MAX, code); // q ≥ 2^(emax + 1): saturates
  code = mux(zero, lit(0, UInt(Wn)), code).bits(Wc - 1, 0);
  return clamp === 'torchao'
    ? mux(zero.or(k.lt(lit(eMin, k.type))), lit(0x08, UInt(Wc)), code) // fl(q) < 2^emin → 2^emin (at k = emin − 1 a q that rounds to 2^emin gives 0x08 anyway)
    : mux(code.orR(), code, lit(0x01, UInt(Wc))); // 0 → the smallest subnormal
}
