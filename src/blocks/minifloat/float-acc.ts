// A float accumulator: acc ← round(acc + term) once per valid step (fused), the code in a register
// (+0 after reset and on clear). The term is exact (a product word, or a dot product's exact sum);
// the accumulator's value joins it on a common LSB, and the exact sum goes through the rounder.

import { lit, mux, output, reg, UInt, when, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';
import { fields } from './fields.js';
import { atLsb, fixedWord } from './fixed.js';
import { roundToFormat, type HwRoundMode, type RoundInput } from './round.js';

export function floatAccumulator(fo: FloatFormat, mode: HwRoundMode, term: RoundInput, valid: Expr, clear: Expr): void {
  const accOut = output('acc', UInt(fo.width));
  const acc = reg('acc', UInt(fo.width), { init: 0 });
  const base = mux(clear, lit(0, UInt(fo.width)), acc);
  const x = fields(base, fo);
  const w = fixedWord(x, fo);
  const L = Math.min(w.lsb, term.lsb);
  const exact = atLsb(w, L).add(atLsb({ value: term.value, lsb: term.lsb }, L));
  // Specials: either side's NaN, Inf + Inf of opposite signs; a −0 sum only from (−0) + (−0).
  const accPinf = x.inf && x.sign ? x.inf.and(x.sign.not()) : x.inf;
  const accNinf = x.inf && x.sign ? x.inf.and(x.sign) : undefined;
  const any = (...xs: Array<Expr | undefined>) => xs.filter((e): e is Expr => !!e).reduce<Expr | undefined>((s, e) => (s ? s.or(e) : e), undefined);
  const pinf = any(accPinf, term.pinf), ninf = any(accNinf, term.ninf);
  const nan = any(x.nan, term.nan, pinf && ninf ? pinf.and(ninf) : undefined);
  const accZeroNeg = x.sign ? x.sign.and(x.sig.orR().not()) : undefined;
  const zeroNeg = term.zeroNeg && accZeroNeg ? term.zeroNeg.and(accZeroNeg) : undefined;
  const next = roundToFormat({
    value: exact, lsb: L, zeroNeg, nan,
    pinf: pinf && nan ? pinf.and(nan.not()) : pinf, ninf: ninf && nan ? ninf.and(nan.not()) : ninf,
  }, fo, mode);
  when(valid, () => acc.set(next));
  accOut.set(acc);
}
