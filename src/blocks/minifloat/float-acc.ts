// A float accumulator: acc ← round(acc + term) once per valid step (fused), the code in a register
// (+0 after reset and on clear). The term is exact (a product word, or a dot product's exact sum);
// the accumulator's value joins it on a common LSB, and the exact sum goes through the rounder.

import { lit, mux, output, reg, UInt, when, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';
import { fields } from './fields.js';
import { atLsb, fixedWord } from './fixed.js';
import { roundToFormat, type HwRoundMode } from './round.js';
import { specialsOf, sumSpecials, type Specials } from './specials.js';

/** The exact term: a word in units of 2^lsb and its specials. */
export interface ExactTerm extends Specials {
  readonly value: Expr;
  readonly lsb: number;
}

export function floatAccumulator(fo: FloatFormat, mode: HwRoundMode, term: ExactTerm, valid: Expr, clear: Expr): void {
  const accOut = output('acc', UInt(fo.width));
  const acc = reg('acc', UInt(fo.width), { init: 0 });
  const base = mux(clear, lit(0, UInt(fo.width)), acc);
  const x = fields(base, fo);
  const w = fixedWord(x, fo);
  const L = Math.min(w.lsb, term.lsb);
  const exact = atLsb(w, L).add(atLsb({ value: term.value, lsb: term.lsb }, L));
  const next = roundToFormat({ value: exact, lsb: L, ...sumSpecials([specialsOf(x), term]) }, fo, mode);
  when(valid, () => acc.set(next));
  accOut.set(acc);
}
