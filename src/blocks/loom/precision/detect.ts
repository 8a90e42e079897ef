// The precision detector as logic, shared by loom.precision and loom.tile: fold each value (XOR
// with its sign bit: NOT for negatives), OR the group, count leading zeros: msb + 1 = W − lzc.
// Trailing mode also finds the lowest set bit of the OR of the raw values.

import { lit, mux, replicate, std, UInt, type Expr } from '../../../dsl/index.js';

/** The OR of the folded values: its leading one is the group's. */
export function foldedOr(xs: readonly Expr[], signed: boolean): Expr {
  const W = xs[0]!.width;
  return xs.map((x) => (signed ? x.xor(replicate(x.bit(W - 1), W)) : x)).reduce((a, b) => a.or(b));
}

/** P of a group from its folded OR, as UInt(bitsFor(W)): msb + 1 (+1 signed); the sign bit alone when all are zero. */
export function precisionOfFolded(folded: Expr, signed: boolean): Expr {
  const W = folded.width, pw = std.bitsFor(W);
  return lit(W, UInt(pw)).subWrap(std.leadingZeros(folded)).addWrap(lit(signed ? 1 : 0, UInt(pw)));
}

/** P as UInt(bitsFor(W)) and, in trailing mode, lsb as UInt(bitsFor(W − 1)). */
export function detectPrecision(xs: readonly Expr[], signed: boolean, trailing: boolean): { p: Expr; lsb?: Expr } {
  const W = xs[0]!.width, pw = std.bitsFor(W);
  const folded = foldedOr(xs, signed);
  if (!trailing) return { p: precisionOfFolded(folded, signed) };
  const used = lit(W, UInt(pw)).subWrap(std.leadingZeros(folded)); // msb + 1, 0 when all are zero
  const sign = lit(signed ? 1 : 0, UInt(pw));
  const lw = std.bitsFor(W - 1);
  const low = std.priorityEncoder(xs.reduce((a, b) => a.or(b)));
  const lsb = mux(low.valid, low.index.zext(lw), lit(0, UInt(lw)));
  const lsbW = lsb.zext(pw);
  return { p: mux(used.gt(lsbW), used.subWrap(lsbW), lit(0, UInt(pw))).addWrap(sign), lsb };
}
