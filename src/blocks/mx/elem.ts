// MX element formats in hardware: any signed minifloat with subnormals, or MX INT8 (k · 2^-6, |k| ≤ 127).
// INT8 rounds exactly like a float with one exponent bit: e1m6 with bias 1 has the same grid (2^-6
// everywhere) and the same largest value 127/64; only its code is sign-magnitude, not two's complement.

import { z } from 'zod';
import { lit, mux, std, UInt, type Expr } from '../../dsl/index.js';
import { kulischLsb, kulischWidth } from '../../numerics/minifloat.js';
import { boothMultiply } from '../int/mac/booth.js';
import { autoArith, pipelinedProductOf, type ArithStyle, type PipelinedProduct, type ProductOptions } from '../minifloat/product.js';
import { floatFormat, FormatError, parseFormat, type FloatFormat, type Format } from '../../numerics/format.js';
import { fields, type Fields } from '../minifloat/fields.js';

/** `optional`: the parameter may be left empty ('' means the same format as another parameter). */
export function elemParam(def: string, describe: string, o: { optional?: boolean } = {}) {
  return z.string().default(def).describe(describe).superRefine((name, ctx) => {
    if (o.optional && name === '') return;
    try {
      const f = parseFormat(name);
      if (f.kind === 'int') {
        if (name !== 'int8') ctx.addIssue({ code: 'custom', message: `'${name}': the MX integer element is int8 (k · 2^-6)` });
      } else if (!f.hasZero || !f.signed || !f.subnormals) {
        ctx.addIssue({ code: 'custom', message: `'${name}': MX elements are signed minifloats with subnormals (e5m2, e4m3, e3m2, e2m3, e2m1, any eXmY) or int8` });
      }
    } catch (e) {
      if (e instanceof FormatError) ctx.addIssue({ code: 'custom', message: e.message });
      else throw e;
    }
  });
}

/** The float format whose rounding equals the element's (int8 → e1m6, bias 1). */
export function roundingFormat(f: Format): FloatFormat {
  if (f.kind === 'float') return f;
  return floatFormat(`${f.name}-as-float`, 1, f.bits - 2, { bias: 3 - f.bits - f.scaleExp, specials: 'finite' });
}

/** A rounded sign-magnitude result as the element's code (two's complement for int8, no −0). */
export function elemCode(code: Expr, f: Format): Expr {
  if (f.kind === 'float') return code;
  const w = f.width, mag = code.bits(w - 2, 0).zext(w), neg = code.bit(w - 1);
  return mux(neg, lit(0, UInt(w)).subWrap(mag), mag);
}

/**
 * An element code taken apart for multiplication, and the float format that describes its fields
 * (int8: sign, magnitude |k| as an 8-bit significand, exponent field 1, so value = |k| · 2^-6).
 */
export function elemFields(code: Expr, f: Format): { x: Fields; ff: FloatFormat } {
  const ff = fieldsFormat(f);
  if (f.kind === 'float') return { x: fields(code, f), ff };
  const w = f.width, neg = code.bit(w - 1);
  const mag = mux(neg, lit(0, UInt(w)).subWrap(code), code); // |−128| = 128 still fits w bits
  return { x: { sign: neg, exp: lit(1, UInt(1)), sig: mag, nan: undefined, inf: undefined }, ff };
}

/** The float format that describes elemFields' result (int8: emin − M = 1 − bias − 7 = −6). */
export function fieldsFormat(f: Format): FloatFormat {
  return f.kind === 'float' ? f : floatFormat(`${f.name}-fields`, 1, f.width - 1, { bias: 2 - f.width - f.scaleExp, specials: 'finite' });
}

export const INT_MULTIPLIERS = ['booth', 'operator'] as const;

/**
 * The exact product of two elements as a fixed-point word (LSB 2^lsb) after `stages` registers. Two
 * INT8 elements multiply as two's-complement integers (radix-4 Booth rows written out, or `*` for DSP
 * inference); everything else through the minifloat product (INT8 as sign and magnitude).
 */
export function elemProduct(a: Expr, fa: Format, b: Expr, fb: Format, stages: number, style: ArithStyle | 'auto', intMultiplier: (typeof INT_MULTIPLIERS)[number], o: ProductOptions = {}): PipelinedProduct & { lsb: number } {
  const ffa = fieldsFormat(fa), ffb = fieldsFormat(fb), lsb = kulischLsb(ffa, ffb);
  if (fa.kind === 'int' && fb.kind === 'int') {
    const x = a.asSInt(), y = b.asSInt();
    const p = intMultiplier === 'booth' ? boothMultiply(x, y) : x.mul(y);
    return { word: std.pipe(p, stages, 'product'), nan: undefined, pinf: undefined, ninf: undefined, zeroNeg: undefined, lsb };
  }
  const x = elemFields(a, fa), y = elemFields(b, fb);
  return { ...pipelinedProductOf(x.x, y.x, kulischWidth(ffa, ffb, 1), stages, style === 'auto' ? autoArith(ffa, ffb) : style, o), lsb };
}
