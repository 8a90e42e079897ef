// Barrel shifter: log2 stages of 2:1 muxes, each shifting by a power of two. The output keeps the
// input width; `rotate` wraps bits around.

import { cat, lit, mux, replicate, type Expr } from '../expr.js';
import { UInt } from '../types.js';

export type ShiftKind = 'left' | 'right-logical' | 'right-arith' | 'rotate-left' | 'rotate-right';

function shiftBy(x: Expr, k: number, kind: ShiftKind): Expr {
  const w = x.width;
  if (k >= w) {
    if (kind === 'rotate-left' || kind === 'rotate-right') return shiftBy(x, k % w, kind);
    if (kind === 'right-arith') return replicate(x.bit(w - 1), w);
    return lit(0, UInt(w));
  }
  if (k === 0) return x.asUInt();
  switch (kind) {
    case 'left': return cat(x.bits(w - k - 1, 0), lit(0, UInt(k)));
    case 'right-logical': return cat(lit(0, UInt(k)), x.bits(w - 1, k));
    case 'right-arith': return cat(replicate(x.bit(w - 1), k), x.bits(w - 1, k));
    case 'rotate-left': return cat(x.bits(w - k - 1, 0), x.bits(w - 1, w - k));
    case 'rotate-right': return cat(x.bits(k - 1, 0), x.bits(w - 1, k));
  }
}

/** x shifted by the unsigned amount `amt` (bits of x, as UInt of x's width). */
export function barrelShift(x: Expr, amt: Expr, kind: ShiftKind): Expr {
  let v = x.asUInt();
  for (let i = 0; i < amt.width; i++) {
    v = mux(amt.bit(i), shiftBy(v, 2 ** i, kind), v); // amounts >= width shift everything out
  }
  return x.signed ? v.asSInt() : v;
}
