// mx.dequantize: an e8m0 scale and k element codes → k float32 (or bf16) values v_i = X · P_i
// (formats.md §3): each element's significand at its exponent plus the scale's, rounded once (exact
// for every OCP format into float32; bf16 rounds the deepest subnormals, RNE; overflow is Inf).
// A NaN scale makes the whole block NaN.

import { z } from 'zod';
import { Bool, defineModule, input, lit, output, SInt, std, UInt } from '../../../dsl/index.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { orAll } from '../../minifloat/specials.js';
import { elemFields, elemParam } from '../elem.js';

export const params = z.object({
  elem: elemParam('e4m3', 'element format'),
  block: z.number().int().min(1).max(256).default(32).describe('elements per block (k)'),
  output: z.enum(['fp32', 'bf16']).default('fp32').describe('value format (RNE)'),
  stages: z.number().int().min(0).max(1).default(1).describe('an output register'),
});
export type DequantizeParams = z.infer<typeof params>;

export const mxDequantize = defineModule('mx_dequantize', (p: DequantizeParams) => dequantizer(p));

/** The dequantizer's ports and datapath in the module being built (blockfmt.dequantize's e8m0 case too). */
export function dequantizer(p: Omit<DequantizeParams, 'elem'> & { elem: string }): void {
  const elem = parseFormat(p.elem), fo = parseFormat(p.output) as FloatFormat;
  const inValid = p.stages ? input('in_valid', Bool) : undefined;
  const scale = input('scale', UInt(8));
  const codes = Array.from({ length: p.block }, (_, i) => input(`p${i}`, UInt(elem.width)));
  const outs = Array.from({ length: p.block }, (_, i) => output(`v${i}`, UInt(fo.width)));
  if (inValid) output('out_valid', Bool).set(std.pipeValid(inValid, p.stages, 'valid'));
  const scaleNan = scale.andR();
  codes.forEach((c, i) => {
    const { x, ff } = elemFields(c, elem);
    // The significand's top bit weighs 2^(exp − bias), the scale 2^(X − 127).
    const exp = x.exp.zext(12).asSInt().addWrap(scale.zext(12).asSInt()).addWrap(lit(-ff.bias - 127, SInt(12)));
    const v = roundScaled({
      neg: x.sign ?? lit(0, UInt(1)), mag: x.sig, exp,
      expMin: 1 - ff.bias - 127, expMax: 2 ** ff.expBits - 1 - ff.bias + 128, maxNormShift: ff.manBits,
      nan: orAll([scaleNan, x.nan]),
      ...(x.inf && x.sign ? { pinf: x.inf.and(x.sign.not()), ninf: x.inf.and(x.sign) } : {}),
    }, fo, 'rne', { sat: false });
    outs[i]!.set(std.pipe(v, p.stages, `v${i}_q`));
  });
}
