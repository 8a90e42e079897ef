// loom.precision: the dynamic precision of a group of G values (Loom trims Pa per group at run time).
// Fold each value (XOR with its sign bit: NOT for negatives), OR the group, count leading zeros:
// msb + 1 = W − lzc. Trailing mode also finds the lowest set bit of the OR of the raw values.

import { defineModule, input, lit, mux, output, replicate, std, UInt, type Expr } from '../../../dsl/index.js';
import type { PrecisionParams } from './params.js';

export const loomPrecision = defineModule('loom_precision', (p: PrecisionParams) => {
  const W = p.width, pw = std.bitsFor(W);
  const xs = Array.from({ length: p.group }, (_, i) => input(`x${i}`, UInt(W)));
  const pOut = output('p', UInt(pw));
  const folded = xs.map((x) => (p.signed ? x.xor(replicate(x.bit(W - 1), W)) : x)).reduce((a, b) => a.or(b));
  const used = lit(W, UInt(pw)).subWrap(std.leadingZeros(folded)); // msb + 1, 0 when all are zero
  const sign = lit(p.signed ? 1 : 0, UInt(pw));
  if (!p.trailing) {
    pOut.set(used.addWrap(sign));
    return;
  }
  const lsbOut = output('lsb', UInt(std.bitsFor(W - 1)));
  const low = std.priorityEncoder(xs.map((x): Expr => x).reduce((a, b) => a.or(b)));
  const lsb = mux(low.valid, low.index.zext(lsbOut.width), lit(0, UInt(lsbOut.width)));
  const lsbW = lsb.zext(pw);
  pOut.set(mux(used.gt(lsbW), used.subWrap(lsbW), lit(0, UInt(pw))).addWrap(sign));
  lsbOut.set(lsb);
});
