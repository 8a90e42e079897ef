// minifloat.add: a + b for any two minifloat formats, rounded once into the output format. Both
// operands become exact fixed-point words on a common LSB (significand shifted by its exponent
// field, sign applied to the narrow significand first), they are added exactly, and the sum goes
// through the shared rounder (round.ts). NaN, Inf − Inf and ±Inf follow IEEE rules.

import { z } from 'zod';
import { defineModule, inputs, output, pipelineValid, std, UInt, type Expr } from '../../../dsl/index.js';
import { fields } from '../fields.js';
import { atLsb, fixedWord } from '../fixed.js';
import { floatFormatOf, floatFormatParam } from '../format-param.js';
import { ROUND_MODES, roundToFormat } from '../round.js';
import { specialsOf, sumSpecials } from '../specials.js';

export const params = z.object({
  a: floatFormatParam('e4m3', 'format of operand a'),
  b: floatFormatParam('e4m3', 'format of operand b'),
  out: floatFormatParam('e4m3', 'format of the rounded sum (signed, with subnormals)', { rounded: true }),
  round: z.enum(ROUND_MODES).default('rne').describe('rounding mode of the sum'),
  stages: z.number().int().min(0).max(2).default(0).describe('pipeline registers: after the exact sum, after rounding'),
});
export type AddParams = z.infer<typeof params>;

export const minifloatAdd = defineModule('minifloat_add', (p: AddParams) => {
  const fa = floatFormatOf(p.a), fb = floatFormatOf(p.b), fo = floatFormatOf(p.out);
  pipelineValid(p.stages);
  const { a, b } = inputs({ a: UInt(fa.width), b: UInt(fb.width) });
  const sum = output('sum', UInt(fo.width));

  const xa = fields(a, fa), xb = fields(b, fb);
  const wa = fixedWord(xa, fa), wb = fixedWord(xb, fb);
  const L = Math.min(wa.lsb, wb.lsb);
  const exact = atLsb(wa, L).add(atLsb(wb, L));
  const sp = sumSpecials([specialsOf(xa), specialsOf(xb)]);
  const s1 = Math.min(p.stages, 1);
  const d = (e: Expr | undefined, name: string) => (e ? std.pipe(e, s1, name) : undefined);
  const code = roundToFormat({
    value: std.pipe(exact, s1, 'exact'), lsb: L, zeroNeg: d(sp.zeroNeg, 'zero_neg_d'), nan: d(sp.nan, 'nan_d'),
    pinf: d(sp.pinf, 'pinf_d'), ninf: d(sp.ninf, 'ninf_d'),
  }, fo, p.round);
  sum.set(std.pipe(code, Math.max(p.stages - 1, 0), 'sum_r'));
});
