// minifloat.mul: the exact product of two minifloats (any formats) as a two's-complement fixed-point
// word, LSB 2^(2·emin − Ma − Mb), wide enough for the largest finite product (formats.md §6): what a
// Kulisch accumulator adds. NaN and ±Inf products (formats with specials) come out as flags with
// the word 0. With --out <format> the exact product is rounded once into that format instead.
// Optional pipeline registers: after the significand product, after the shifter, then at the output.

import { z } from 'zod';
import { Bool, defineModule, inputs, lit, output, pipelineValid, SInt, UInt } from '../../../dsl/index.js';
import { kulischLsb, kulischWidth } from '../../../numerics/minifloat.js';
import { ROUND_MODES, roundToFormat } from '../round.js';
import { fixedOrRoundedParam, floatFormatOf, floatFormatParam } from '../format-param.js';
import { fabricOf, fabricParam } from '../../fabric-param.js';
import type { Fabric } from '../../../dsl/stdlib/fabric.js';
import type { FloatFormat } from '../../../numerics/format.js';
import { autoArith, pipelinedProduct, type ArithStyle, type ProductOptions } from '../product.js';

export const params = z.object({
  a: floatFormatParam('e4m3', 'format of operand a (any eXmY, e.g. e4m3, e5m2, e3m2, e2m1)'),
  b: floatFormatParam('e4m3', 'format of operand b'),
  out: fixedOrRoundedParam('fixed', 'fixed (the exact product word) or a format to round the product into'),
  round: z.enum(ROUND_MODES).default('rne').describe('rounding mode when --out is a format'),
  stages: z.number().int().min(0).max(4).default(0).describe('pipeline registers (0: combinational)'),
  arith: z.enum(['auto', 'gates', 'carry']).default('auto').describe('sign and exponent sum as gates or carry chains (auto: chosen per format and fabric by measurement)'),
  fabric: fabricParam(),
});
export type MulParams = z.infer<typeof params>;

export const productWidth = (p: { a: string; b: string }) => kulischWidth(floatFormatOf(p.a), floatFormatOf(p.b), 1);

/** Which flag ports the formats need. */
export function mulFlags(p: { a: string; b: string }): { nan: boolean; inf: boolean } {
  const fa = floatFormatOf(p.a), fb = floatFormatOf(p.b);
  const pol = [fa.specials, fb.specials];
  return { nan: pol.some((s) => s !== 'finite'), inf: pol.includes('ieee') };
}

/**
 * The structure for `--arith auto`, measured with Yosys 0.55 (LUTs, the earlier structure → this
 * one; bench/results/qor.md). On LUT6 the negation as (x xor s) + s, one chain; with 2-bit exponents
 * the shift by each field in turn (e2m3 62 → 50), above by their sum as a chain (e4m3 148 → 105,
 * e5m2 161 → 159), and for 3-bit exponents the significand product in a bit heap too (e3m2 60 → 51);
 * 7 logic levels where there were 7 to 10. On LUT4 the same negation and heap product for 3-bit
 * exponents (e3m2 77 → 73); elsewhere the negation as ~(m − 1), a decrement chain whose XOR merges
 * into the shifter: with 2-bit exponents and the sum as a chain (e2m3 73 → 70), with 4- and 5-bit
 * ones through the window shifter (e4m3 146 → 131 with the sum as gates, e5m2 188 → 153 with it as
 * a chain); e2m1 keeps the earlier structure (30 against 32). Where the sum is a chain, a's
 * subnormal flag is its carry-in: one LUT of each of those figures but e2m3's on LUT4 (70 either
 * way, 83 → 88 MHz). Explicit gates or carry keep the earlier structure.
 */
export function mulStructure(fa: FloatFormat, fb: FloatFormat, arith: MulParams['arith'], fabric: Fabric | undefined): { style: ArithStyle; o: ProductOptions } {
  if (arith !== 'auto') return { style: arith, o: {} };
  const e = Math.max(fa.expBits, fb.expBits);
  const cin = { subnormalCarryIn: true } as const; // acts where the sum is a chain
  // e2m1's 2-bit significand product stays as it was: 25 → 24 LUTs would cost two logic levels.
  if (fabric === 'lut6' && fa.manBits + fb.manBits >= 4) {
    return { style: e <= 2 ? 'gates' : 'carry', o: { negation: 'xor-carry', ...cin, ...(e <= 2 ? { shiftEach: true } : {}), ...(e === 3 ? { significands: fabric } : {}) } };
  }
  if (fabric === 'lut4' && e === 2 && fa.manBits + fb.manBits >= 4) return { style: 'carry', o: { negation: 'dec-xor', ...cin } };
  if (fabric === 'lut4' && e === 3) return { style: 'carry', o: { negation: 'xor-carry', significands: fabric, ...cin } };
  if (fabric === 'lut4' && e >= 4) return { style: e === 4 ? 'gates' : 'carry', o: { negation: 'dec-xor', shifter: 'window', ...cin } };
  return { style: autoArith(fa, fb), o: {} };
}

export const minifloatMul = defineModule('minifloat_mul', (p: MulParams) => {
  const fa = floatFormatOf(p.a), fb = floatFormatOf(p.b);
  const W = productWidth(p);
  pipelineValid(p.stages);
  const { a, b } = inputs({ a: UInt(fa.width), b: UInt(fb.width) });
  const { style, o } = mulStructure(fa, fb, p.arith, fabricOf(p.fabric));
  if (p.out !== 'fixed') {
    // Rounded: the code is all; the rounder registers nothing, so the stages stay where they are.
    const fo = floatFormatOf(p.out);
    const code = output('p', UInt(fo.width));
    const prod = pipelinedProduct(a, fa, b, fb, W, p.stages, style, o);
    code.set(roundToFormat({ ...prod, value: prod.word, lsb: kulischLsb(fa, fb) }, fo, p.round));
    return;
  }
  const out = output('p', SInt(W));
  const flags = mulFlags(p);
  const nanOut = flags.nan ? output('nan', Bool) : undefined;
  const pinfOut = flags.inf ? output('pinf', Bool) : undefined;
  const ninfOut = flags.inf ? output('ninf', Bool) : undefined;

  const prod = pipelinedProduct(a, fa, b, fb, W, p.stages, style, o);
  out.set(prod.word);
  if (nanOut) nanOut.set(prod.nan!);
  if (pinfOut) pinfOut.set(prod.pinf!);
  if (ninfOut) ninfOut.set(prod.ninf ?? lit(0, Bool));
});
