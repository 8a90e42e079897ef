// mx.nvfp4-quantize: k float32 inputs and the float32 tensor scale S_t → one ue4m3 block scale and k
// e2m1 codes (formats.md §5), bit-exact to the float32 order the spec writes:
//   six = fl(6·S_t), S_b = ue4m3(fl(amax / six)), denom = fl(S_b·S_t), P_i = e2m1(fl(V_i / denom)).
// No division is built. The block scale is decided by four quotient bits of the significands and the
// remainder (block-scale.ts). Nor are the k element divisions: e2m1 RNE of fl(q) changes only at seven
// thresholds of q, so each element compares |V_i| against seven products T_j · denom, rounded up or
// down to float32 once per block (thresholds.ts) — integer compares of bit patterns.
// Registers (`stages`): 1 at the outputs, 2 also before the element compares, 3 also before the block scale.

import { z } from 'zod';
import { Bool, cat, defineModule, input, lit, mux, output, SInt, std, UInt } from '../../../dsl/index.js';
import { parseFormat } from '../../../numerics/format.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { fields } from '../../minifloat/fields.js';
import { fp32Zero, normalized, s10 } from '../normalize.js';
import { maxTree } from '../quantize/scale.js';
import { blockScale } from './block-scale.js';
import { thresholdCodes, times } from './thresholds.js';

export const params = z.object({
  block: z.number().int().min(1).max(64).default(16).describe('elements per block (k)'),
  scaleClamp: z.enum(['bump', 'torchao']).default('bump').describe('a block scale that rounds to 0: the smallest code (bump), or clamp before rounding to [2^-6, 448] (torchao)'),
  stages: z.number().int().min(0).max(3).default(2).describe('pipeline registers'),
});
export type Nvfp4QuantizeParams = z.infer<typeof params>;

const FP32 = parseFormat('fp32'), UE4M3 = parseFormat('ue4m3');
if (FP32.kind !== 'float' || UE4M3.kind !== 'float') throw new Error('unreachable: float formats');

export const mxNvfp4Quantize = defineModule('mx_nvfp4_quantize', (p: Nvfp4QuantizeParams) => {
  const S = p.stages;
  const inValid = S > 0 ? input('in_valid', Bool) : undefined;
  const vs = Array.from({ length: p.block }, (_, i) => input(`v${i}`, UInt(32)));
  const st = input('st', UInt(32));
  const scaleOut = output('scale', UInt(7));
  const codesOut = Array.from({ length: p.block }, (_, i) => output(`p${i}`, UInt(4)));
  const nanOut = output('nan_block', Bool);
  if (inValid) output('out_valid', Bool).set(std.pipeValid(inValid, S, 'valid'));
  const preStage = S >= 3 ? 1 : 0, cmpStage = S >= 2 ? 1 : 0, outStage = S >= 1 ? 1 : 0;

  // amax over the magnitudes' bit patterns, NaN/Inf anywhere, an unusable tensor scale.
  const special = vs.map((v) => v.bits(30, 23).andR()).reduce((a, b) => a.or(b));
  const amaxBits = maxTree(vs.map((v) => v.bits(30, 0)));
  const tF = fields(st, FP32);
  const badSt = tF.sign!.or(tF.nan!).or(tF.inf!).or(fp32Zero(st));

  // six = fl(6 · S_t): 3·sig has its top bit (25) at 2^(exp − 124) (exp: the field, subnormals at 1).
  const sixCode = roundScaled({ neg: lit(0, Bool), mag: times(tF.sig, 3), exp: s10(tF.exp).subWrap(s10(lit(124, UInt(8)))), expMin: 1 - 124, expMax: 254 - 124 }, FP32, 'rne', { sat: false });
  const sixF = fields(std.pipe(sixCode, preStage, 'six'), FP32);
  const amax = std.pipe(amaxBits, preStage, 'amax');
  const aF = fields(cat(lit(0, Bool), amax), FP32);
  const invalid = std.pipe(special.or(badSt), preStage, 'invalid_p');

  // S_b = ue4m3(fl(amax / six)), RNE with saturation; fl(amax / six) is 0 when amax = 0 or six overflowed to Inf.
  const sbFinite = blockScale(normalized(aF, FP32), normalized(sixF, FP32), amax.orR().not().or(sixF.inf!), p.scaleClamp);
  const sb = mux(invalid, lit(0x7f, UInt(7)), sbFinite);

  // denom = fl(S_b · S_t): the 4 × 24-bit significand product has its top bit (27) at 2^(exp_b + exp_t − 133).
  const stD = fields(std.pipe(st, preStage, 'st_p'), FP32), sbF = fields(sbFinite, UE4M3);
  const prod = sbF.sig.mul(stD.sig);
  const denomCode = roundScaled({ neg: lit(0, Bool), mag: prod, exp: s10(sbF.exp).addWrap(s10(stD.exp)).subWrap(s10(lit(133, UInt(8)))), expMin: 2 - 133, expMax: 15 + 254 - 133 }, FP32, 'rne', { sat: false });
  // denom ≤ 1.07 · 2^128 / 6 (S_b rounds amax / (6·S_t) up by less than 1/16): never Inf. Its
  // significand as it is (a subnormal's is not normalized: the thresholds' roundings stop at emin anyway).
  const dF = fields(denomCode, FP32);
  const dn = { sig: dF.sig, exp: s10(dF.exp).subWrap(lit(FP32.bias, SInt(10))) };

  const thresholds = thresholdCodes(dn, FP32).map((t, j) => std.pipe(t, cmpStage, `th${j}`));
  const denomZero = std.pipe(fp32Zero(denomCode), cmpStage, 'denom_zero');
  const bad = std.pipe(invalid, cmpStage, 'invalid_c');

  const codes = vs.map((v, i) => {
    const d = std.pipe(v, preStage + cmpStage, `v${i}_d`);
    const mag = d.bits(30, 0);
    const t = thresholds.map((th, j) => (j % 2 ? mag.ge(th) : mag.gt(th)));
    // Thermometer t0 ≤ … ≤ t6 → 0..7.
    const b2 = t[3]!, b1 = t[1]!.and(t[3]!.not()).or(t[5]!);
    const b0 = t[0]!.and(t[1]!.not()).or(t[2]!.and(t[3]!.not())).or(t[4]!.and(t[5]!.not())).or(t[6]!);
    const code = cat(d.bit(31), b2, b1, b0);
    // 0 / 0 and every unusable block: +0 (e2m1 has no NaN).
    return mux(bad.or(denomZero.and(mag.orR().not())), lit(0, UInt(4)), code);
  });
  scaleOut.set(std.pipe(std.pipe(sb, cmpStage, 'sb_c'), outStage, 'scale_q'));
  nanOut.set(std.pipe(bad, outStage, 'nan_q'));
  codes.forEach((c, i) => codesOut[i]!.set(std.pipe(c, outStage, `p${i}_q`)));
});
