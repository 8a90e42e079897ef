// The precision detector as logic, shared by loom.precision and loom.tile: fold each value (XOR
// with its sign bit: NOT for negatives), OR the group, count leading zeros: msb + 1 = W − lzc.
// Trailing mode also finds the lowest set bit of the OR of the raw values.

import { lit, mux, replicate, std, UInt, type Expr } from '../../../dsl/index.js';

/** P as UInt(bitsFor(W)) and, in trailing mode, lsb as UInt(bitsFor(W − 1)). */
export function detectPrecision(xs: readonly Expr[], signed: boolean, trailing: boolean): { p: Expr; lsb?: Expr } {
  const W = xs[0]!.width, pw = std.bitsFor(W);
  const folded = xs.map((x) => (signed ? x.xor(replicate(x.bit(W - 1), W)) : x)).reduce((a, b) => a.or(b));
  const used = lit(W, UInt(pw)).subWrap(std.leadingZeros(folded)); // msb + 1, 0 when all are zero
  const sign = lit(signed ? 1 : 0, UInt(pw));
  if (!trailing) return { p: used.addWrap(sign) };
  const lw = std.bitsFor(W - 1);
  const low = std.priorityEncoder(xs.reduce((a, b) => a.or(b)));
  const lsb = mux(low.valid, low.index.zext(lw), lit(0, UInt(lw)));
  const lsbW = lsb.zext(pw);
  return { p: mux(used.gt(lsbW), used.subWrap(lsbW), lit(0, UInt(pw))).addWrap(sign), lsb };
}
