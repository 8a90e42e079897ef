// One MX element in hardware: V / 2^(scale − 127) rounded into the element format, or the element's
// NaN (0 where it has none) when the block holds a NaN or Inf. Shared by the parallel quantizer and
// the lane stream.

import { cat, lit, mux, UInt, type Expr } from '../../../dsl/index.js';
import { emax, emin, type Format } from '../../../numerics/format.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { specialCodes } from '../../minifloat/round.js';
import { elemCode, roundingFormat } from '../elem.js';
import type { QuantizeParams } from './params.js';

/** The sign, exponent and mantissa fields of a float32 (or bf16) input word. */
export function inputFields(v: Expr) {
  const W = v.width, M = W - 9;
  return { sign: v.bit(W - 1), e: v.bits(W - 2, M), man: v.bits(M - 1, 0) };
}

/** `v`: the input word; `scale`: the block's e8m0 code (before the NaN/zero overrides); `rnd`: stochastic bits. */
export function elementCode(v: Expr, scale: Expr, nanBlock: Expr, elem: Format, p: QuantizeParams, rnd?: Expr): Expr {
  // A full-range integer rounds on the same grid one bit wider, then clamps by its sign: −2^(B−1) is
  // reached only from below (rounding is monotone, so this is rounding then saturating).
  const full = elem.kind === 'int' && !elem.symmetric;
  const fr = roundingFormat(full ? { ...elem, bits: elem.bits + 1, width: elem.width + 1 } : elem);
  const x = inputFields(v);
  // The weight of the significand's top bit is 2^(e' − 127 − s) = 2^(e' − scale code). Normal
  // inputs have their leading one on top; a float32 subnormal has e' = 1, so the normalizing shift
  // can matter only up to 1 − emin.
  const normal = x.e.orR();
  const ep = cat(x.e.bits(7, 1), x.e.bit(0).or(normal.not())); // max(e, 1)
  const exp = ep.zext(10).asSInt().subWrap(scale.zext(10).asSInt());
  const code = roundScaled({
    neg: x.sign, mag: cat(normal, x.man), exp, expMin: 1 - 254, expMax: Math.max(emax(elem), 1),
    maxNormShift: Math.max(0, 1 - emin(fr)),
    ...(rnd ? { random: rnd } : {}),
  }, fr, p.round, { sat: true });
  const nanCode = specialCodes(fr).nan;
  const sm = mux(nanBlock, lit(nanCode ? nanCode(0) : 0, code.type), code);
  return full ? fullIntCode(sm, elem.bits) : elemCode(sm, elem);
}

/** A (B+1)-bit sign-magnitude code clamped to [−2^(B−1), 2^(B−1) − 1], as B-bit two's complement. */
function fullIntCode(sm: Expr, B: number): Expr {
  const neg = sm.bit(B), mag = sm.bits(B - 1, 0);
  const limit = mux(neg, lit(2 ** (B - 1), UInt(B)), lit(2 ** (B - 1) - 1, UInt(B)));
  const m = mux(mag.gt(limit), limit, mag);
  return mux(neg, lit(0, UInt(B)).subWrap(m), m);
}

/** The scale output: 0xFF for a NaN/Inf block, 0 for an all-zero block. */
export function scaleOutput(scale: Expr, nanBlock: Expr, zeroBlock: Expr): Expr {
  return mux(nanBlock, lit(0xff, scale.type), mux(zeroBlock, lit(0, scale.type), scale));
}
