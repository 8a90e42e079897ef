// The element thresholds of mx.nvfp4-quantize and blockfmt.quantize, T_j · denom rounded to float32
// once per block. RNE of fl(q) into the element changes at q ≥ T_j (the tie of fl(q) goes up to the
// element midpoint, which rounds up to an even index) or q > T_j (the index above is odd),
// T_j = N_j · 2^c_j: for e2m1 the midpoints 0.25 0.75 1.25 1.75 2.5 3.5 5 ± half a float32 ulp.
// Since V_i is a float32, V_i ≥ T_j·denom exactly when V_i ≥ that product rounded up, and V_i > it
// when V_i > it rounded down.
// For e2m1 four products, not seven: 1.25, 2.5 and 5 (+ ulp/2) are one N at three exponents, 1.75 and
// 3.5 (− ulp/2) one at two, and roundScaledAt rounds each at all its exponents with one shifter.

import { cat, lit, SInt, UInt, type Expr } from '../../../dsl/index.js';
import { decodeToNumber } from '../../../numerics/decode.js';
import type { FloatFormat, Format } from '../../../numerics/format.js';
import { roundScaledAt } from '../../minifloat/round-scaled-at.js';

/** N = o · 2^k ± 1 at the exponents c (T = N · 2^c); j is the threshold's index. */
interface Product { readonly o: number; readonly k: number; readonly plus: boolean; readonly at: ReadonlyArray<{ readonly j: number; readonly c: number }> }

/** A signed element's magnitudes from 0 up (the positive codes in order; integers 0 … 2^(B−1) − 1). */
export function magnitudesOf(f: Format): number[] {
  if (f.kind === 'int') return Array.from({ length: 2 ** (f.bits - 1) }, (_, k) => k * 2 ** f.scaleExp);
  return Array.from({ length: 2 ** (f.width - 1) }, (_, c) => decodeToNumber(f, c));
}

/** m = o · 2^e with o odd. */
export function oddPart(m: number): { o: number; e: number } {
  let e = 0;
  while (!Number.isInteger(m)) { m *= 2; e--; }
  while (m % 2 === 0) { m /= 2; e++; }
  return { o: m, e };
}
const floorLog2 = (m: number) => { let e = 0; while (2 ** e > m) e--; while (2 ** (e + 1) <= m) e++; return e; };

/**
 * The element's rounding thresholds, grouped into products: the midpoints between its magnitudes
 * (index j: between the j-th and the next), ± half a float32 ulp, the side by the index above (an even
 * index takes the tie). `extra`: one more magnitude on the negative side only (full-range integers).
 */
export function thresholdProducts(magnitudes: readonly number[]): Product[] {
  const out: Product[] = [];
  for (let j = 0; j + 1 < magnitudes.length; j++) {
    const m = (magnitudes[j]! + magnitudes[j + 1]!) / 2, { o, e } = oddPart(m), L = floorLog2(m);
    const plus = (j + 1) % 2 === 1; // the tie stays below: past it means m + ulp/2
    const c = L - 24 - (!plus && 2 ** L === m ? 1 : 0); // half an ulp of m's binade (below a power of two, of the one under it)
    const k = e - c;
    const same = out.find((p) => p.o === o && p.plus === plus && p.k === k);
    if (same) (same.at as Array<{ j: number; c: number }>).push({ j, c });
    else out.push({ o, k, plus, at: [{ j, c }] });
  }
  return out;
}

/** x · o for a small odd constant: shifts and one add for 3, 5, 7. */
export const times = (x: Expr, o: number) => (o === 1 ? x : o === 3 ? x.add(x.shl(1)) : o === 5 ? x.add(x.shl(2)) : o === 7 ? x.shl(3).sub(x) : x.mul(lit(o, UInt(Math.ceil(Math.log2(o + 1))))));

/**
 * The thresholds' float32 magnitude codes (UInt(31), index j) for a float32 denom = sig · 2^(exp − 23):
 * its 24-bit significand with the hidden bit (0 for a zero denom: every threshold is 0) and exp ≥ −126.
 * `magnitudes`: the element's magnitudes in order, from 0.
 */
export function thresholdCodes(dn: { sig: Expr; exp: Expr }, fp32: FloatFormat, magnitudes: readonly number[]): Expr[] {
  const out: Expr[] = [];
  for (const p of thresholdProducts(magnitudes)) {
    // sig · N = o·sig·2^k ± sig. The window the rounding keeps (24 bits, a guard bit and two for the
    // exponents, below at most 3 leading zeros) ends above bit L, so the bits below L only count as
    // one sticky bit: sig's own low bits, non-zero in o·sig·2^k ± sig exactly when they are in sig.
    // A normal denom leaves at most one leading zero; a subnormal one more, but then the top of the
    // product weighs at most 2^(Wt − 150 + c) and the shift stops at emin after that many + 126
    // (3 for e2m1's and int4's thresholds, below 8). Larger thresholds keep every bit and shift as far as needed.
    const N = BigInt(p.o) * 2n ** BigInt(p.k) + (p.plus ? 1n : -1n);
    const Wt = ((2n ** 24n - 1n) * N).toString(2).length; // sig · N < 2^Wt, and ≥ 2^23 · N ≥ 2^(Wt − 2)
    const cMax = Math.max(...p.at.map((a) => a.c)), small = Wt - 24 + cMax <= 3;
    const L = small ? Math.min(p.k, Wt - 3 - (fp32.manBits + 4)) : 0;
    const X = times(dn.sig, p.o), low = L > 0 ? dn.sig.bits(L - 1, 0).orR() : lit(0, UInt(1));
    const high = X.shl(p.k - L), part = L < 24 ? dn.sig.bits(23, L) : undefined;
    // ⌊(o·sig·2^k ± sig) / 2^L⌋: the − side borrows one when sig's low bits are not all zero.
    const sum = p.plus ? (part ? high.add(part) : high) : (part ? high.sub(part).subWrap(low) : high.subWrap(low));
    const hi = sum.width >= Wt - L ? sum.bits(Wt - L - 1, 0) : sum.zext(Wt - L);
    const mag = cat(hi, low); // bit b ≥ 1 weighs 2^(b − 1 + L) units of sig · 2^(exp − 23 + c)
    const c0 = Math.min(...p.at.map((a) => a.c));
    const top = mag.width - 2 + L - 23 + c0;
    const exp = dn.exp.sext(12).addWrap(lit(top, SInt(12)));
    // Modes: up for ≥ (the index above even), down for >; one mode per product.
    const codes = roundScaledAt({ neg: lit(0, UInt(1)), mag, exp, expMin: -150 + top, expMax: 127 + top, maxNormShift: small ? 3 : mag.width },
      p.at.map((a) => a.c - c0), fp32, p.plus ? 'rdn' : 'rup', { sat: false });
    p.at.forEach((a, i) => { out[a.j] = codes[i]!.bits(30, 0); });
  }
  return out;
}
