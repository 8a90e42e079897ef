// A float code's significand normalized (leading one on top) and that one's weight, from the fields
// minifloat/fields.ts takes apart: for operands that may be subnormal before a division or a product.

import { lit, SInt, std, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';
import type { Fields } from '../minifloat/fields.js';

/** SInt(10) of an unsigned word, for exponent arithmetic. */
export const s10 = (x: Expr) => x.zext(10).asSInt();

/** A finite non-zero value's significand with its leading one on top, and that one's weight 2^exp (SInt(10)). */
export function normalized(x: Fields, f: FloatFormat): { sig: Expr; exp: Expr } {
  const lz = std.leadingZeros(x.sig); // all bits for a zero, which callers treat apart
  const sig = std.barrelShift(x.sig, lz, 'left');
  const exp = s10(x.exp).subWrap(s10(lz)).subWrap(lit(f.bias, SInt(10)));
  return { sig, exp };
}

/** A float32 code is ±0 (its magnitude bits are all zero). */
export const fp32Zero = (code: Expr) => code.bits(30, 0).orR().not();
