// minifloat.add: a + b for any two minifloat formats, rounded once into the output format. Both
// operands become exact fixed-point words on a common LSB (significand shifted by its exponent
// field, sign applied to the narrow significand first), they are added exactly, and the sum goes
// through the shared rounder (round.ts). NaN, Inf − Inf and ±Inf follow IEEE rules.

import { z } from 'zod';
import { Bool, defineModule, input, lit, mux, output, std, UInt, type Expr } from '../../../dsl/index.js';
import { emin, type FloatFormat } from '../../../numerics/format.js';
import { fields, type Fields } from '../fields.js';
import { floatFormatOf, floatFormatParam } from '../format-param.js';
import { gateConditionalNegate } from '../gate-arith.js';
import { alignLeft } from '../product.js';
import { ROUND_MODES, roundToFormat } from '../round.js';

export const params = z.object({
  a: floatFormatParam('e4m3', 'format of operand a'),
  b: floatFormatParam('e4m3', 'format of operand b'),
  out: floatFormatParam('e4m3', 'format of the rounded sum (signed, with subnormals)', { rounded: true }),
  round: z.enum(ROUND_MODES).default('rne').describe('rounding mode of the sum'),
  stages: z.number().int().min(0).max(2).default(0).describe('pipeline registers: after the exact sum, after rounding'),
});
export type AddParams = z.infer<typeof params>;

/** LSB exponent of a format's fixed-point word: emin − M. */
const lsbOf = (f: FloatFormat) => emin(f) - f.manBits;

/** ±sig · 2^(exp − 1) as SInt(width), in units of 2^(emin − M); 0 for NaN and Inf codes. */
function fixedOf(x: Fields, width: number): Expr {
  const special = x.nan && x.inf ? x.nan.or(x.inf) : (x.nan ?? x.inf);
  const sig = special ? mux(special, lit(0, x.sig.type), x.sig) : x.sig;
  const signed = x.sign ? gateConditionalNegate(sig, x.sign) : sig.zext(sig.width + 1).asSInt();
  return alignLeft(signed, x.exp, 1, width);
}

export const minifloatAdd = defineModule('minifloat_add', (p: AddParams) => {
  const fa = floatFormatOf(p.a), fb = floatFormatOf(p.b), fo = floatFormatOf(p.out);
  const inValid = p.stages > 0 ? input('in_valid', Bool) : undefined;
  const a = input('a', UInt(fa.width));
  const b = input('b', UInt(fb.width));
  const outValid = inValid ? output('out_valid', Bool) : undefined;
  const sum = output('sum', UInt(fo.width));

  const xa = fields(a, fa), xb = fields(b, fb);
  const L = Math.min(lsbOf(fa), lsbOf(fb));
  // Each word: M + 2^E bits hold every finite value and its sign; then moved to the common LSB.
  const word = (x: Fields, f: FloatFormat) => {
    const w = fixedOf(x, f.manBits + 2 ** f.expBits);
    const up = lsbOf(f) - L;
    return up ? w.sext(w.width + up).shlWrap(up) : w;
  };
  const exact = word(xa, fa).add(word(xb, fb));
  const zeroNeg = xa.sign && xb.sign ? xa.sign.and(xa.sig.orR().not()).and(xb.sign).and(xb.sig.orR().not()) : undefined;
  const infA = xa.inf, infB = xb.inf;
  const pinfA = infA && (xa.sign ? infA.and(xa.sign.not()) : infA), ninfA = infA && xa.sign ? infA.and(xa.sign) : undefined;
  const pinfB = infB && (xb.sign ? infB.and(xb.sign.not()) : infB), ninfB = infB && xb.sign ? infB.and(xb.sign) : undefined;
  const any = (...xs: Array<Expr | undefined>) => xs.filter((e): e is Expr => !!e).reduce<Expr | undefined>((s, e) => (s ? s.or(e) : e), undefined);
  const pinf = any(pinfA, pinfB), ninf = any(ninfA, ninfB);
  const nan = any(xa.nan, xb.nan, pinf && ninf ? pinf.and(ninf) : undefined);
  const s1 = Math.min(p.stages, 1);
  const d = (e: Expr | undefined, name: string) => (e ? std.pipe(e, s1, name) : undefined);
  const nanD = d(nan, 'nan_d');
  const code = roundToFormat({
    value: std.pipe(exact, s1, 'exact'), lsb: L, zeroNeg: d(zeroNeg, 'zero_neg_d'), nan: nanD,
    pinf: d(pinf && nan ? pinf.and(nan.not()) : pinf, 'pinf_d'), ninf: d(ninf && nan ? ninf.and(nan.not()) : ninf, 'ninf_d'),
  }, fo, p.round);
  sum.set(std.pipe(code, Math.max(p.stages - 1, 0), 'sum_r'));
  if (inValid && outValid) outValid.set(std.pipeValid(inValid, p.stages, 'valid'));
});
