// The shared exponent of an MX block (formats.md §3), from the inputs' bit fields, exactly.
// `floor` (the OCP rule) needs only floor(log2 amax): a max tree on the 8-bit exponent fields, and for
// an all-subnormal block the leading one of the OR of the mantissas. The other rules look at amax's
// significand too: a max tree on the magnitudes (compared as integers), then amax normalized once.

import { cat, lit, mux, SInt, std, UInt, type Expr } from '../../../dsl/index.js';
import { emax, type Format } from '../../../numerics/format.js';
import type { ScaleRule } from '../../../numerics/mx.js';
import { elemMax } from '../../../numerics/mx.js';

export interface InputFields {
  readonly e: Expr; // UInt(8)
  readonly man: Expr; // UInt(Mi)
}

/** A balanced tree of unsigned maxima. */
export function maxTree(xs: readonly Expr[]): Expr {
  let level = xs.slice();
  while (level.length > 1) {
    const next: Expr[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mux(level[i]!.gt(level[i + 1]!), level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

export interface BlockExponent {
  /** floor(log2 amax) as SInt(10), and the rule's increment (0 or 1). */
  readonly log2: Expr;
  readonly inc: Expr;
  readonly zero: Expr; // amax = 0
}

const S10 = SInt(10);

/**
 * What the max tree keeps of some inputs, as one word (a lane stream holds it in a register between
 * beats): `floor`, the largest exponent field and the OR of the mantissas; otherwise the largest
 * magnitude.
 */
export function reduceInputs(xs: readonly InputFields[], rule: ScaleRule): Expr {
  if (rule === 'floor') return cat(maxTree(xs.map((x) => x.e)), xs.map((x) => x.man).reduce((a, b) => a.or(b)));
  return maxTree(xs.map((x) => cat(x.e, x.man)));
}

/** reduceInputs of the union of two input sets, from their two words. */
export function combineReduced(a: Expr, b: Expr, rule: ScaleRule): Expr {
  if (rule !== 'floor') return maxTree([a, b]);
  const Mi = a.width - 8;
  return cat(maxTree([a.bits(Mi + 7, Mi), b.bits(Mi + 7, Mi)]), a.bits(Mi - 1, 0).or(b.bits(Mi - 1, 0)));
}

/** floor(log2 amax) and the rule's increment, with a register after the max tree when `treeStage`. */
export function blockExponent(xs: readonly InputFields[], elem: Format, rule: ScaleRule, treeStage: boolean): BlockExponent {
  return exponentOfReduced(std.pipe(reduceInputs(xs, rule), treeStage ? 1 : 0, 'max_tree'), elem, rule);
}

/** floor(log2 amax) and the rule's increment from a reduceInputs word. */
export function exponentOfReduced(red: Expr, elem: Format, rule: ScaleRule): BlockExponent {
  const Mi = red.width - 8;
  const subLog2 = (man: Expr) => { // floor(log2) of a subnormal man · 2^(−126 − Mi)
    const lz = std.leadingZeros(man);
    return lit(-127, S10).subWrap(lz.zext(9).asSInt().sext(10));
  };
  if (rule === 'floor') {
    const emaxF = red.bits(Mi + 7, Mi), orMan = red.bits(Mi - 1, 0);
    const normal = emaxF.orR();
    const log2 = mux(normal, emaxF.zext(10).asSInt().subWrap(lit(127, S10)), subLog2(orMan));
    return { log2, inc: lit(0, UInt(1)), zero: normal.or(orMan.orR()).not() };
  }
  const amax = red;
  const e = amax.bits(Mi + 7, Mi), man = amax.bits(Mi - 1, 0);
  const normal = e.orR();
  const sigN = std.barrelShift(cat(normal, man), std.leadingZeros(cat(normal, man)), 'left'); // hidden bit on top
  const log2 = mux(normal, e.zext(10).asSInt().subWrap(lit(127, S10)), subLog2(man));
  const frac = sigN.bits(Mi - 1, 0);
  let inc: Expr;
  switch (rule) {
    case 'ceil': inc = frac.orR(); break; // amax is not a power of two
    case 'rceil': {
      // amax's significand above the element max's: one binade more. Both as P-bit fractions.
      const mx = elemMax(elem), mxSig = mx / 2 ** Math.floor(Math.log2(mx));
      let P = Mi;
      while (!Number.isInteger(mxSig * 2 ** P)) P++;
      const a = P > Mi ? cat(sigN, lit(0, UInt(P - Mi))) : sigN;
      inc = a.gt(lit(mxSig * 2 ** P, UInt(P + 1)));
      break;
    }
    case 'even': {
      // Rounding amax to the element's mantissa width carries into the next binade: the kept bits
      // are all ones and the guard bit is set (RNE on an odd LSB, so any guard rounds up).
      const Me = elem.kind === 'int' ? elem.bits - 2 : elem.manBits;
      inc = Me >= Mi ? lit(0, UInt(1)) : (Me > 0 ? frac.bits(Mi - 1, Mi - Me).andR() : lit(1, UInt(1))).and(frac.bit(Mi - Me - 1));
      break;
    }
  }
  return { log2, inc, zero: amax.orR().not() };
}

/** The e8m0 scale code: floor(log2 amax) − emax_elem + inc, clamped to [−127, 127], plus 127. */
export function scaleCode(b: BlockExponent, elem: Format): Expr {
  const s = b.log2.sext(12).subWrap(lit(emax(elem), SInt(12))).addWrap(b.inc.zext(12).asSInt());
  const lo = s.lt(lit(-127, SInt(12))), hi = s.gt(lit(127, SInt(12)));
  const biased = s.addWrap(lit(127, SInt(12))).bits(7, 0);
  return mux(lo, lit(0, UInt(8)), mux(hi, lit(254, UInt(8)), biased));
}
