// Symmetric saturation, clamp(x, −M, M) with M = 2^(w−1) − 1, as an overflow test on the top bits
// where it can be: a sum one bit wider than w overflows exactly when its two top bits differ, and
// −2^(w−1) (top bits 11, the rest zero) is the one in-range value that is also clamped. That is a
// few LUTs, against two full-width comparisons (each a carry chain on ice40).

import { lit, mux, SInt, type Expr } from '../../../dsl/index.js';

export function saturate(x: Expr, w: number): Expr {
  const m = (1n << BigInt(w - 1)) - 1n, hi = lit(m, SInt(w)), lo = lit(-m, SInt(w));
  if (x.width !== w + 1) {
    return mux(x.gt(hi.sext(x.width)), hi, mux(x.lt(lo.sext(x.width)), lo, x.trunc(w).asSInt()));
  }
  const top = x.bit(w), next = x.bit(w - 1);
  const over = top.not().and(next); // ≥ 2^(w−1)
  const under = top.and(next.not().or(x.bits(w - 2, 0).eq(0))); // ≤ −2^(w−1)
  return mux(over, hi, mux(under, lo, x.trunc(w).asSInt()));
}
