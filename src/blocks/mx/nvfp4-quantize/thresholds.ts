// The seven element thresholds of mx.nvfp4-quantize, T_j · denom rounded to float32 once per block.
// e2m1 RNE of fl(q) changes at q ≥ T_j (j odd: the tie of fl(q) goes up to the e2m1 midpoint, which
// rounds up) or q > T_j (j even), T_j = N_j · 2^c_j: the midpoints 0.25 0.75 1.25 1.75 2.5 3.5 5 ± half
// a float32 ulp. Since V_i is a float32, V_i ≥ T_j·denom exactly when V_i ≥ that product rounded up,
// and V_i > it when V_i > it rounded down.
// Four products, not seven: 1.25, 2.5 and 5 (+ ulp/2) are one N at three exponents, 1.75 and 3.5
// (− ulp/2) one at two, and roundScaledAt rounds each at all its exponents with one shifter.

import { cat, lit, SInt, UInt, type Expr } from '../../../dsl/index.js';
import type { FloatFormat } from '../../../numerics/format.js';
import { roundScaledAt } from '../../minifloat/round-scaled-at.js';

/** N = o · 2^k ± 1 at the exponents c (T = N · 2^c); j is the threshold's index. */
const PRODUCTS = [
  { o: 1, k: 24, plus: true, at: [{ j: 0, c: -26 }] }, // 0.25 + 2^-26
  { o: 3, k: 23, plus: false, at: [{ j: 1, c: -25 }] }, // 0.75 − 2^-25
  { o: 5, k: 22, plus: true, at: [{ j: 2, c: -24 }, { j: 4, c: -23 }, { j: 6, c: -22 }] }, // 1.25, 2.5, 5 (+)
  { o: 7, k: 22, plus: false, at: [{ j: 3, c: -24 }, { j: 5, c: -23 }] }, // 1.75, 3.5 (−)
] as const;

/** x · o for the small odd constants, as shifts and one add. */
export const times = (x: Expr, o: number) => (o === 1 ? x : o === 3 ? x.add(x.shl(1)) : o === 5 ? x.add(x.shl(2)) : x.shl(3).sub(x));

/**
 * The seven thresholds' float32 magnitude codes (UInt(31), index j) for a float32 denom = sig · 2^(exp − 23):
 * its 24-bit significand with the hidden bit (0 for a zero denom: every threshold is 0) and exp ≥ −126.
 */
export function thresholdCodes(dn: { sig: Expr; exp: Expr }, fp32: FloatFormat): Expr[] {
  const out: Expr[] = [];
  for (const p of PRODUCTS) {
    // sig · N = o·sig·2^k ± sig. The window the rounding keeps (24 bits, a guard bit and two for the
    // exponents, below at most 3 leading zeros) ends above bit L, so the bits below L only count as
    // one sticky bit: sig's own low bits, non-zero in o·sig·2^k ± sig exactly when they are in sig.
    // A normal denom leaves at most one leading zero; a subnormal one more, but then the top of the
    // product weighs at most 2^-123 (−149 − 22 + 48) and the shift stops at emin after at most 3.
    const N = BigInt(p.o) * 2n ** BigInt(p.k) + (p.plus ? 1n : -1n);
    const Wt = ((2n ** 24n - 1n) * N).toString(2).length; // sig · N < 2^Wt, and ≥ 2^23 · N ≥ 2^(Wt − 2)
    const L = Math.min(p.k, Wt - 3 - (fp32.manBits + 4));
    const X = times(dn.sig, p.o), low = dn.sig.bits(L - 1, 0).orR();
    const high = X.shl(p.k - L), part = L < 24 ? dn.sig.bits(23, L) : undefined;
    // ⌊(o·sig·2^k ± sig) / 2^L⌋: the − side borrows one when sig's low bits are not all zero.
    const sum = p.plus ? (part ? high.add(part) : high) : (part ? high.sub(part).subWrap(low) : high.subWrap(low));
    const hi = sum.width >= Wt - L ? sum.bits(Wt - L - 1, 0) : sum.zext(Wt - L);
    const mag = cat(hi, low); // bit b ≥ 1 weighs 2^(b − 1 + L) units of sig · 2^(exp − 23 + c)
    const c0 = p.at[0].c;
    const top = mag.width - 2 + L - 23 + c0;
    const exp = dn.exp.sext(12).addWrap(lit(top, SInt(12)));
    // Modes: up for j odd (≥), down for j even (>); one mode per product.
    const codes = roundScaledAt({ neg: lit(0, UInt(1)), mag, exp, expMin: -150 + top, expMax: 127 + top, maxNormShift: 3 },
      p.at.map((a) => a.c - c0), fp32, p.at[0].j % 2 ? 'rup' : 'rdn', { sat: false });
    p.at.forEach((a, i) => { out[a.j] = codes[i]!.bits(30, 0); });
  }
  return out;
}
