// a + b of two codes of one float format, rounded once (RNE by default): the classic single-path
// adder. The operand with the smaller exponent is shifted right with three extra bits and its
// shifted-out bits jammed into a sticky LSB (enough for correct rounding: when more than one bit is
// shifted out at most one bit cancels), the signed sum is taken, and round-scaled normalizes and
// rounds it (massive cancellation, subnormals, overflow to Inf).

import { cat, lit, mux, SInt, std, UInt, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';
import { fields } from './fields.js';
import { pick, roundScaled } from './round-scaled.js';
import type { HwRoundMode } from './round.js';
import { orAll } from './specials.js';

export function floatAdd(a: Expr, b: Expr, f: FloatFormat, mode: HwRoundMode = 'rne'): Expr {
  const x = fields(a, f), y = fields(b, f), M = f.manBits, E = f.expBits;
  const zero1 = lit(0, UInt(1));
  const sa = x.sign ?? zero1, sb = y.sign ?? zero1;
  const swap = y.exp.gt(x.exp);
  const eBig = mux(swap, y.exp, x.exp), eSmall = mux(swap, x.exp, y.exp);
  const gBig = mux(swap, y.sig, x.sig), gSmall = mux(swap, x.sig, y.sig);
  const sBig = mux(swap, sb, sa), sSmall = mux(swap, sa, sb);
  const d = eBig.subWrap(eSmall); // UInt(E)
  const Wx = M + 4; // significand and three bits below it
  const big = cat(gBig, lit(0, UInt(3))), small = cat(gSmall, lit(0, UInt(3)));
  // Shifts of Wx or more leave only the sticky bit.
  const cap = Wx;
  const dw = Math.max(1, Math.ceil(Math.log2(cap + 1)));
  const dc = E > dw ? mux(d.bits(E - 1, dw).orR().or(d.bits(dw - 1, 0).gt(lit(cap, UInt(dw)))), lit(cap, UInt(dw)), d.bits(dw - 1, 0))
    : mux(d.zext(dw).gt(lit(cap, UInt(dw))), lit(cap, UInt(dw)), d.zext(dw));
  const shifted = std.barrelShift(small, dc, 'right-logical');
  const lost = pick(dc, [zero1, ...Array.from({ length: cap }, (_, k) => small.bits(k, 0).orR())]); // bits [d−1..0]
  const aligned = cat(shifted.bits(Wx - 1, 1), shifted.bit(0).or(lost));
  const signed = (v: Expr, s: Expr) => { const w = v.zext(Wx + 2).asSInt(); return mux(s, lit(0, SInt(Wx + 2)).subWrap(w), w); };
  const sum = signed(big, sBig).addWrap(signed(aligned, sSmall)); // |sum| < 2^(Wx+1)
  const isZero = sum.orR().not();
  const negSum = sum.bit(Wx + 1);
  const mag = mux(negSum, lit(0, sum.type).subWrap(sum), sum).asUInt().bits(Wx, 0);
  // mag's top bit (bit Wx) weighs 2^(eBig − bias + 1).
  const exp = eBig.zext(12).asSInt().addWrap(lit(1 - f.bias, SInt(12)));
  const nanIn = orAll([x.nan, y.nan, x.inf && y.inf ? x.inf.and(y.inf).and(sa.xor(sb)) : undefined]);
  const pinf = orAll([x.inf?.and(sa.not()), y.inf?.and(sb.not())]);
  const ninf = orAll([x.inf?.and(sa), y.inf?.and(sb)]);
  return roundScaled({
    neg: mux(isZero, sa.and(sb), negSum), // an exact zero is −0 only for (−0) + (−0)
    mag, exp, expMin: 2 - f.bias, expMax: 2 ** E - f.bias,
    nan: nanIn, pinf, ninf,
  }, f, mode, { sat: false });
}
