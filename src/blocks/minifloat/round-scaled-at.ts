// One magnitude rounded at several exponents at once, x · 2^δ for δ in 0..D: the NVFP4 quantizer's
// thresholds 1.25, 2.5 and 5 times its denominator are one product at three exponents. Normal results
// differ only in the exponent, but a result on the subnormal grid keeps fewer bits the smaller it is,
// so the roundings are not copies of each other. Shared here: the normalizing shift and all but the
// last D bits of the subnormal shift (the window keeps D more bits for that). Each exponent keeps a
// roundScaled whose shifts are at most D bits. As in roundScaled, the normalizing shift stops at emin,
// so a caller's bound on it (maxNormShift) only has to cover values that are not subnormal.

import { cat, lit, mux, SInt, std, UInt, type Expr } from '../../dsl/index.js';
import { emin, type FloatFormat } from '../../numerics/format.js';
import type { HwRoundMode } from './round.js';
import { bitLen, normalizeWindow, pick, prefixOr, roundScaled, type ScaledValue } from './round-scaled.js';

/** roundScaled(x · 2^δ) for each δ ≥ 0 in deltas, equal to one roundScaled per δ. */
export function roundScaledAt(x: ScaledValue, deltas: readonly number[], f: FloatFormat, mode: HwRoundMode, o: { sat: boolean }): Expr[] {
  if (deltas.some((d) => d < 0 || !Number.isInteger(d))) throw new Error('roundScaledAt: exponent offsets are integers ≥ 0');
  const D = Math.max(...deltas), E0 = emin(f);
  const Wn = f.manBits + 2 + D; // significand with its hidden bit, the guard bit, and D bits the largest δ keeps
  const V = x.mag.width < Wn ? cat(x.mag, lit(0, UInt(Wn - x.mag.width))) : x.mag;
  const Wv = V.width;
  const ew = Math.max(bitLen(Math.max(Math.abs(x.expMin - E0), Math.abs(x.expMax - E0)) + Wv + D + 2) + 1, x.exp.width + 1);

  // room = exp − emin, and from it alone the shared right shift: when even the largest δ lies below
  // emin (room + D < 0), the window's top is moved to emin − D; otherwise the normalizing left shift is
  // clamped to room + D, so the window's top never goes below emin − D. Neither waits for the magnitude.
  const roomD = x.exp.sext(ew).subWrap(lit(E0 - D, SInt(ew))); // room + D
  const shifted = roomD.bit(ew - 1);
  const sw = bitLen(Wn);
  const s = mux(shifted, mux(roomD.lt(lit(-Wn, SInt(ew))), lit(Wn, UInt(sw)), lit(0, SInt(ew)).subWrap(roomD).bits(sw - 1, 0)), lit(0, UInt(sw)));

  // Left: z = min(lz, room + D, bound); no set bit leaves V.
  const Zl = Math.max(0, Math.min(x.maxNormShift ?? Wv - 1, Wv - 1));
  const { z, win, sticky: below } = normalizeWindow(V, Wn, Zl, roomD, shifted);
  const y = std.barrelShift(win, s, 'right-logical');
  const sticky = below.or(pick(s, [lit(0, UInt(1)), ...prefixOr(win)]));
  const ey = mux(shifted, lit(E0 - D, SInt(ew)), x.exp.sext(ew).subWrap(z.zext(ew).asSInt()));

  // The sticky bit sits below every window the last roundings take (they keep at most Wn − D bits of y).
  const mag = cat(y, sticky);
  return deltas.map((d) => roundScaled({
    neg: x.neg, mag, exp: ey.addWrap(lit(d, SInt(ew))), expMin: E0 - D + d, expMax: x.expMax + d, maxNormShift: 0,
    nan: x.nan, pinf: x.pinf, ninf: x.ninf,
  }, f, mode, o));
}
