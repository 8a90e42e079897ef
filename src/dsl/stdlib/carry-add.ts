// a + b as one carry chain that synthesis keeps. Yosys's alumacc folds an add whose only reader is
// another add into one multi-operand $macc, and maccmap builds that from full adders: two LUTs per
// full adder (LUT4 and LUT6 alike, as Yosys maps them) where a carry chain spends one LUT per bit.
// A constant 0 under both operands makes each operand differ from the previous add's result, so
// the fold does not apply; the extra bit costs no LUT (its sum is 0, its carry out 0).

import { cat, lit, type Expr } from '../expr.js';
import { UInt } from '../types.js';

/** a + b with full growth, as its own carry chain. Operands share signedness. */
export function carryAdd(a: Expr, b: Expr): Expr {
  const pad = (x: Expr) => (x.signed ? cat(x, lit(0, UInt(1))).asSInt() : cat(x, lit(0, UInt(1))));
  const s = pad(a).add(pad(b));
  const top = s.bits(s.width - 1, 1);
  return a.signed ? top.asSInt() : top;
}
