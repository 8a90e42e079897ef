// mokey.pe's last stage: result = ⌊(S·scale + 2^(14 + shift)) / 2^(15 + shift)⌋. The product is
// formed serially, min(postMacs, 16) scale bits per cycle (with one post-processing multiplier, an
// adder instead of a W × 16 multiplier: this runs once per dot product, beside the next one's term
// loop), then one cycle rounds and shifts it into the output register, which holds it until out_ready.
// At stages 4 the rounding takes two cycles, the shift into a register and then the +1: the barrel
// shift and a carry chain through the product's width in one cycle held the PE at ~62 MHz on iCE40.

import { Bool, lit, mux, reg, SInt, std, UInt, when, type Expr } from '../../../dsl/index.js';
import { peWidths, roundingStages, SCALE_BITS, SCALE_FRAC, scaleBitsPerCycle, scaleSteps, SHIFT_BITS, type PeParams } from './params.js';

export interface Scaler {
  /** The stage takes a new S this cycle when asked. */
  readonly free: Expr;
  load(when: Expr, s: Expr, scale: Expr, shift: Expr): void;
  readonly valid: Expr;
  readonly result: Expr;
}

export function scaler(p: PeParams, outReady: Expr): Scaler {
  const W = peWidths(p), PW = W.sum + SCALE_BITS; // |S · scale| < 2^(sum − 1 + 16)
  const busy = reg('scale_busy', Bool, { init: 0 });
  const k = scaleBitsPerCycle(p), steps = scaleSteps(p), split = roundingStages(p) > 0;
  const count = reg('scale_count', UInt(std.bitsFor(steps + (split ? 1 : 0))), { init: 0 });
  const mcand = reg('scale_mcand', SInt(PW)), mplier = reg('scale_mplier', UInt(SCALE_BITS));
  const prod = reg('scale_prod', SInt(PW)), shift = reg('scale_shift_r', UInt(SHIFT_BITS));
  const valid = reg('out_valid_r', Bool, { init: 0 }), result = reg('result_r', SInt(W.result));

  const multiplying = busy.and(count.lt(steps));
  const rounding = busy.and(count.eq(steps + (split ? 1 : 0))).and(valid.not().or(outReady));
  when(multiplying, () => {
    // prod += (the multiplier's low k bits) · S·2^(k·step): the multiplicand moves up, the multiplier down.
    const digit = mplier.bits(k - 1, 0);
    const part = k === 1 ? mux(digit, mcand, lit(0, SInt(PW))) : mcand.mul(digit.zext(k + 1).asSInt()).trunc(PW).asSInt();
    prod.set(prod.addWrap(part));
    if (k < SCALE_BITS) {
      mcand.set(mcand.shlWrap(k));
      mplier.set(mplier.shr(k).zext(SCALE_BITS));
    }
    count.set(count.add(1).trunc(count.width));
  });
  // ⌊(x + 2^(k−1)) / 2^k⌋ = ⌊(⌊x / 2^(k−1)⌋ + 1) / 2⌋ with k = 15 + shift.
  const shifted = std.barrelShift(prod.bits(PW - 1, SCALE_FRAC - 1).asSInt(), shift, 'right-arith');
  let half: Expr = shifted;
  if (split) {
    // The cycle after the last multiply step registers the shift; the +1 follows.
    const r = reg('scale_half', shifted.type);
    when(busy.and(count.eq(steps)), () => {
      r.set(shifted);
      count.set(count.add(1).trunc(count.width));
    });
    half = r;
  }
  const rounded = half.add(lit(1, SInt(2))).bits(half.width, 1).asSInt();
  when(rounding, () => {
    result.set(rounded.sext(Math.max(rounded.width, W.result)).trunc(W.result).asSInt());
    valid.set(lit(1, Bool));
    busy.set(lit(0, Bool));
  }).elseWhen(valid.and(outReady), () => valid.set(lit(0, Bool)));

  return {
    free: busy.not(),
    load(go, s, scale, sh) {
      when(go, () => {
        busy.set(lit(1, Bool));
        count.set(lit(0, count.type));
        mcand.set(s.sext(PW));
        mplier.set(scale);
        prod.set(lit(0, SInt(PW)));
        shift.set(sh);
      });
    },
    valid, result,
  };
}
