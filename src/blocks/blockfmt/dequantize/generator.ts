// blockfmt.dequantize: a block scale (and S_t) and k element codes → k float32 values P_i · S (· S_t),
// rounded once (formats.md §8). e8m0 scales: the MX dequantizer (exact for every OCP element).
// ue scales: the element's significand times the scale's and S_t's (4 × 24 bits, shared by the block),
// normalized and rounded once with RNE; a NaN scale or S_t gives NaN, S_t = ±Inf gives ±Inf (NaN
// against a zero element or scale), as IEEE multiplication would. --rotate hadamard applies the inverse
// rotation to the values (rotate.ts).

import { z } from 'zod';
import { Bool, defineModule, input, lit, output, SInt, std, UInt, type ModuleGenerator } from '../../../dsl/index.js';
import { scaleFormat } from '../../../numerics/blockfmt.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { dequantizer } from '../../mx/dequantize/generator.js';
import { elemFields } from '../../mx/elem.js';
import { fp32Zero, normalized } from '../../mx/normalize.js';
import { fields } from '../../minifloat/fields.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { orAll } from '../../minifloat/specials.js';
import { checkElem, checkRotate, checkScale, elemOf, formatParams, hasTensorScale, rotateParams, rotateStagesOf, type FormatParams } from '../params.js';
import { unitThenRotate } from '../rotate.js';

export const params = z.object({
  ...formatParams,
  stages: z.number().int().min(0).max(1).default(1).describe('an output register'),
  ...rotateParams,
}).superRefine((p, ctx) => { checkElem(p, ctx, 'elem', p.elem, { ueDot: true }); checkScale(p, ctx); checkRotate(p, ctx); });
export type BlockDequantizeParams = z.infer<typeof params>;

const FP32 = parseFormat('fp32') as FloatFormat;

export const blockfmtDequantize: ModuleGenerator<BlockDequantizeParams> = defineModule('blockfmt_dequantize', (p: BlockDequantizeParams) => {
  if (p.rotate === 'hadamard') {
    const { rotateStages: _, ...rest } = p;
    const k = p.block, elem = elemOf(p);
    unitThenRotate({
      gen: blockfmtDequantize, params: { ...rest, rotate: 'none' }, stages: p.stages,
      dataIn: Array.from({ length: k }, (_, i) => [`p${i}`, elem.width] as const),
      sideIn: [['scale', p.scale === 'e8m0' ? 8 : scaleFormat(p.scale).width], ...(hasTensorScale(p) ? [['st', 32] as const] : [])],
      dataOut: Array.from({ length: k }, (_, i) => [`v${i}`, 32] as const), sideOut: [],
    }, k, rotateStagesOf(p));
    return;
  }
  if (p.scale === 'e8m0') dequantizer({ elem: elemOf(p).name, block: p.block, output: 'fp32', stages: p.stages });
  else ueDequantizer(p);
});

function ueDequantizer(p: FormatParams & { stages: number }): void {
  const elem = elemOf(p), SF = scaleFormat(p.scale);
  const inValid = p.stages ? input('in_valid', Bool) : undefined;
  const scale = input('scale', UInt(SF.width));
  const st = hasTensorScale(p) ? input('st', UInt(32)) : lit(0x3f800000, UInt(32));
  const codes = Array.from({ length: p.block }, (_, i) => input(`p${i}`, UInt(elem.width)));
  const outs = Array.from({ length: p.block }, (_, i) => output(`v${i}`, UInt(32)));
  if (inValid) output('out_valid', Bool).set(std.pipeValid(inValid, p.stages, 'valid'));
  // The block's factor S · S_t once: two normalized significands (leading ones on top), their product
  // in [2^26, 2^28), its top bit weighing 2^(exp_s + exp_t + 1).
  const xs = fields(scale, SF), ts = fields(st, FP32);
  const ns = normalized(xs, SF), nt = normalized(ts, FP32);
  const factor = ns.sig.mul(nt.sig);
  const factorExp = ns.exp.sext(12).addWrap(nt.exp.sext(12));
  const zeroFactor = scale.orR().not().or(fp32Zero(st));
  codes.forEach((c, i) => {
    const { x, ff } = elemFields(c, elem);
    // The element significand's top bit weighs 2^(exp − bias): the product's top bit 2^(that + factorExp + 2).
    const exp = x.exp.zext(12).asSInt().addWrap(factorExp).addWrap(lit(2 - ff.bias, SInt(12)));
    const zeroElem = x.sig.orR().not();
    const neg = (x.sign ?? lit(0, Bool)).xor(ts.sign!);
    const inf = ts.inf!.and(zeroElem.not()).and(zeroFactor.not());
    const v = roundScaled({
      neg, mag: x.sig.mul(factor), exp,
      expMin: 1 - ff.bias + (1 - SF.bias - SF.manBits - 8) + (-149 - 1) + 2, expMax: 2 ** ff.expBits - ff.bias + (2 ** SF.expBits - SF.bias) + 129 + 2,
      nan: orAll([xs.nan, ts.nan, ts.inf!.and(zeroElem.or(zeroFactor))]),
      pinf: inf.and(neg.not()), ninf: inf.and(neg),
    }, FP32, 'rne', { sat: false });
    outs[i]!.set(std.pipe(v, p.stages, `v${i}_q`));
  });
}
