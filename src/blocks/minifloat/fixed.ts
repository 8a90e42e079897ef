// A minifloat code as an exact two's-complement fixed-point word (LSB 2^(emin − M)), and moving
// words to a common LSB: how sums of differently scaled values are made exact before one rounding.

import { lit, mux, type Expr } from '../../dsl/index.js';
import { emin, type FloatFormat } from '../../numerics/format.js';
import type { Fields } from './fields.js';
import { gateConditionalNegate } from './gate-arith.js';
import { alignLeft } from './align-left.js';

export interface FixedWord {
  readonly value: Expr;
  readonly lsb: number;
}

/** ±sig · 2^(exp − 1) in units of 2^(emin − M); 0 for NaN and Inf codes (they travel as flags). */
export function fixedWord(x: Fields, f: FloatFormat): FixedWord {
  const special = x.nan && x.inf ? x.nan.or(x.inf) : (x.nan ?? x.inf);
  const sig = special ? mux(special, lit(0, x.sig.type), x.sig) : x.sig;
  const signed = x.sign ? gateConditionalNegate(sig, x.sign) : sig.zext(sig.width + 1).asSInt();
  // M + 2^E bits hold every finite value of the format and its sign.
  return { value: alignLeft(signed, x.exp, 1, f.manBits + 2 ** f.expBits), lsb: emin(f) - f.manBits };
}

/** The same value with its LSB moved down to `lsb` (≤ w.lsb). */
export function atLsb(w: FixedWord, lsb: number): Expr {
  const up = w.lsb - lsb;
  return up ? w.value.sext(w.value.width + up).shlWrap(up) : w.value;
}
