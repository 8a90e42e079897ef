// mx.quantize: k float32 (or bf16) inputs → one e8m0 scale and k element codes (formats.md §3).
// Datapath: exponent (or amax) max tree → shared exponent, subtract and clamp → per element the
// exponent difference, a short normalize/denormalize shift, round and saturate (round-scaled.ts).
// Registers (`stages`): 1 at the outputs, 2 also after the scale, 3 also after the max tree.

import { z } from 'zod';
import { Bool, cat, defineModule, input, lit, mux, output, std, UInt, type Expr } from '../../../dsl/index.js';
import { emax, emin, parseFormat } from '../../../numerics/format.js';
import { SCALE_RULES } from '../../../numerics/mx.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { specialCodes } from '../../minifloat/round.js';
import { elemCode, elemParam, roundingFormat } from '../elem.js';
import { blockExponent, scaleCode } from './scale.js';

export const MX_ROUND_MODES = ['rne', 'rna', 'rtz', 'stochastic'] as const;

export const params = z.object({
  elem: elemParam('e4m3', 'element format: e5m2 e4m3 e3m2 e2m3 e2m1 int8 or any signed eXmY'),
  block: z.number().int().min(1).max(256).default(32).describe('elements per block (k)'),
  scaleRule: z.enum(SCALE_RULES).default('floor').describe('shared exponent rule (formats.md §3)'),
  round: z.enum(MX_ROUND_MODES).default('rne').describe('element rounding'),
  randomBits: z.number().int().min(1).max(16).default(8).describe('random bits per element for stochastic rounding (inputs rnd<i>)'),
  input: z.enum(['fp32', 'bf16']).default('fp32').describe('input format'),
  stages: z.number().int().min(0).max(3).default(2).describe('pipeline registers'),
});
export type QuantizeParams = z.infer<typeof params>;

export const inputWidth = (p: QuantizeParams) => (p.input === 'fp32' ? 32 : 16);

export const mxQuantize = defineModule('mx_quantize', (p: QuantizeParams) => {
  const elem = parseFormat(p.elem), fr = roundingFormat(elem);
  const Wi = inputWidth(p), Mi = Wi - 9;
  const S = p.stages;
  const inValid = S > 0 ? input('in_valid', Bool) : undefined;
  const vs = Array.from({ length: p.block }, (_, i) => input(`v${i}`, UInt(Wi)));
  const rnds = p.round === 'stochastic' ? Array.from({ length: p.block }, (_, i) => input(`rnd${i}`, UInt(p.randomBits))) : [];
  const scaleOut = output('scale', UInt(8));
  const codesOut = Array.from({ length: p.block }, (_, i) => output(`p${i}`, UInt(elem.width)));
  const nanOut = output('nan_block', Bool);
  if (inValid) output('out_valid', Bool).set(std.pipeValid(inValid, S, 'valid'));

  const treeStage = S >= 3, scaleStage = S >= 2 ? 1 : 0, outStage = S >= 1 ? 1 : 0;
  const fieldsOf = (v: Expr) => ({ sign: v.bit(Wi - 1), e: v.bits(Wi - 2, Mi), man: v.bits(Mi - 1, 0) });
  const xs = vs.map(fieldsOf);
  const blk = blockExponent(xs, elem, p.scaleRule, treeStage);
  const special = std.pipe(xs.map((x) => x.e.andR()).reduce((a, b) => a.or(b)), treeStage ? 1 : 0, 'special_tree');
  const nanBlock = std.pipe(special, scaleStage, 'nan_block_s');
  const zeroBlock = std.pipe(blk.zero, scaleStage, 'zero_block_s');
  const sc = std.pipe(scaleCode(blk, elem), scaleStage, 'scale_s');
  // Inputs wait beside the tree and the scale.
  const late = (x: Expr, name: string) => std.pipe(x, (treeStage ? 1 : 0) + scaleStage, name);

  // V / 2^s: the weight of the significand's top bit is 2^(e' − 127 − s) = 2^(e' − scale code).
  // Normal inputs have their leading one on top; a float32 subnormal has exp ≤ 1 − 0, so the
  // normalizing shift can matter only up to 1 − emin.
  const E0 = emin(fr);
  const expMax = Math.max(emax(elem), 1);
  const nanCode = specialCodes(fr).nan;
  const codes = vs.map((v, i) => {
    const d = late(v, `v${i}_d`);
    const x = fieldsOf(d);
    const normal = x.e.orR();
    const ep = cat(x.e.bits(7, 1), x.e.bit(0).or(normal.not())); // max(e, 1)
    const exp = ep.zext(10).asSInt().subWrap(sc.zext(10).asSInt());
    const code = roundScaled({
      neg: x.sign, mag: cat(normal, x.man), exp, expMin: 1 - 254, expMax,
      maxNormShift: Math.max(0, 1 - E0),
      ...(rnds.length ? { random: late(rnds[i]!, `rnd${i}_d`) } : {}),
    }, fr, p.round, { sat: true });
    // A NaN or Inf anywhere: the element's NaN, or 0 where the format has none.
    return elemCode(mux(nanBlock, lit(nanCode ? nanCode(0) : 0, UInt(fr.width)), code), elem);
  });
  const scale = mux(nanBlock, lit(0xff, UInt(8)), mux(zeroBlock, lit(0, UInt(8)), sc));
  scaleOut.set(std.pipe(scale, outStage, 'scale_q'));
  nanOut.set(std.pipe(nanBlock, outStage, 'nan_q'));
  codes.forEach((c, i) => codesOut[i]!.set(std.pipe(c, outStage, `p${i}_q`)));
});
