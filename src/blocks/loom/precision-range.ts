// Runtime precisions (Pa, Pw) as the Loom units take them: a port of bitsFor(P) bits, clamped to
// 1…P (our choice: 0 would mean no cycles at all, and values above P have no bits to read).

import { lit, mux, std, UInt, type Expr } from '../../dsl/index.js';

export const precisionWidth = (maxPrecision: number) => std.bitsFor(maxPrecision);

/** max(1, min(P, x)) in software. */
export const clampPrecision = (x: number, maxPrecision: number) => Math.max(1, Math.min(maxPrecision, x));

/** max(1, min(P, x)) in hardware. */
export function clampPrecisionHw(x: Expr, maxPrecision: number): Expr {
  const w = x.width;
  const capped = 2 ** w - 1 > maxPrecision ? mux(x.gt(lit(maxPrecision, UInt(w))), lit(maxPrecision, UInt(w)), x) : x; // no value above P fits
  return mux(x.eq(lit(0, UInt(w))), lit(1, UInt(w)), capped);
}
