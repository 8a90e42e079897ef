// Hardware pieces both Gecko units share: the trimmed fields of a value, and a bit length.

import { cat, lit, mux, UInt, type Expr } from '../../dsl/index.js';
import { manBits, valueBits, type GeckoFormat } from './params.js';

/** The fields the codec keeps of a value: sign, exponent field, the top m mantissa bits (a NaN stays a NaN). */
export function trimmedFields(f: GeckoFormat, x: Expr): { sign: Expr; exp: Expr; man: Expr } {
  const M = manBits(f), m = f.mantissa;
  const exp = x.bits(M + 7, M), kept = x.bits(M - 1, M - m);
  const lost = m < M ? x.bits(M - m - 1, 0).orR() : lit(0, UInt(1));
  const quiet = exp.eq(255).and(kept.orR().not()).and(lost);
  const man = mux(quiet, lit(1 << (m - 1), UInt(m)), kept);
  return { sign: x.bit(valueBits(f) - 1), exp, man };
}

/** The number of bits of an unsigned value (0 for 0), as UInt(4) for values below 2^15. */
export function bitLength(d: Expr): Expr {
  let r: Expr = lit(0, UInt(4));
  for (let i = 0; i < d.width; i++) r = mux(d.bit(i), lit(i + 1, UInt(4)), r);
  return r;
}

/** The value's bit pattern from its fields, the dropped mantissa bits 0. */
export function assemble(f: GeckoFormat, sign: Expr, exp: Expr, man: Expr): Expr {
  const M = manBits(f), m = f.mantissa;
  return m < M ? cat(sign, exp, man, lit(0, UInt(M - m))) : cat(sign, exp, man);
}
