// A minifloat code taken apart for arithmetic: sign, effective exponent field, significand with its
// hidden bit, and the special-value flags its policy allows. Sized to the format, nothing decoded
// into a wide fixed-point value.

import { cat, lit, mux, UInt, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';

export interface Fields {
  /** Sign bit (undefined for unsigned formats). */
  readonly sign: Expr | undefined;
  /** Exponent field with subnormals moved to 1 (so the value is sig · 2^(exp − bias − M)); UInt(E). */
  readonly exp: Expr;
  /** Significand with the hidden bit: UInt(M + 1); 0 for zeros (and, without subnormals, for exp = 0). */
  readonly sig: Expr;
  readonly nan: Expr | undefined;
  readonly inf: Expr | undefined;
  /** With subnormals (and E > 1): the field as coded, and 1 where it is 0 (where exp has bit 0 forced). */
  readonly raw?: { readonly exp: Expr; readonly sub: Expr };
}

export function fields(code: Expr, f: FloatFormat): Fields {
  const E = f.expBits, M = f.manBits;
  const e = code.bits(M + E - 1, M);
  const m = M > 0 ? code.bits(M - 1, 0) : undefined;
  const sign = f.signed ? code.bit(E + M) : undefined;
  const normal = e.orR();
  // Subnormals sit in binade emin like exponent field 1: only bit 0 changes.
  const exp = f.subnormals ? (E === 1 ? lit(1, UInt(1)) : cat(e.bits(E - 1, 1), e.bit(0).or(normal.not()))) : e;
  const mant = m === undefined ? undefined : f.subnormals ? m : mux(normal, m, lit(0, UInt(M)));
  const sig = mant === undefined ? normal : cat(normal, mant);
  const topExp = e.andR();
  let nan: Expr | undefined, inf: Expr | undefined;
  switch (f.specials) {
    case 'ieee':
      nan = m === undefined ? undefined : topExp.and(m.orR());
      inf = m === undefined ? topExp : topExp.and(m.orR().not());
      break;
    case 'fn':
      nan = m === undefined ? topExp : topExp.and(m.andR());
      break;
    case 'fnuz':
      nan = sign!.and(normal.not()).and(m === undefined ? lit(1, UInt(1)) : m.orR().not());
      break;
    case 'finite':
      break;
  }
  return { sign, exp, sig, nan, inf, ...(f.subnormals && E > 1 ? { raw: { exp: e, sub: normal.not() } } : {}) };
}
