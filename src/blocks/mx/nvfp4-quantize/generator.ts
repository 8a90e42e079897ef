// mx.nvfp4-quantize: k float32 inputs and the float32 tensor scale S_t → one ue4m3 block scale and k
// e2m1 codes (formats.md §5), bit-exact to the float32 order the spec writes:
//   six = fl(6·S_t), S_b = ue4m3(fl(amax / six)), denom = fl(S_b·S_t), P_i = e2m1(fl(V_i / denom)).
// No division is built. The block scale is decided by four quotient bits of the significands and the
// remainder (block-scale.ts). Nor are the k element divisions: e2m1 RNE of fl(q) changes only at seven
// thresholds of q, so each element compares |V_i| against seven products T_j · denom, rounded up or
// down to float32 once per block (thresholds.ts) — integer compares of bit patterns.
// Registers (`stages`): 1 at the outputs, 2 also before the element compares, 3 also before the block scale.
// ueQuantizer is the same datapath for any block-scaled format with a ue scale (formats.md §8): another
// emax_val in six, ue5m3's binades in the block scale, the element's own thresholds (blockfmt.quantize).

import { z } from 'zod';
import { Bool, cat, defineModule, input, lit, mux, output, SInt, std, UInt, type Expr } from '../../../dsl/index.js';
import { parseFormat, type FloatFormat, type Format } from '../../../numerics/format.js';
import { elemMax } from '../../../numerics/mx.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { fields } from '../../minifloat/fields.js';
import { fp32Zero, normalized, s10 } from '../normalize.js';
import { maxTree } from '../quantize/scale.js';
import { blockScale } from './block-scale.js';
import { magnitudesOf, oddPart, thresholdCodes, times } from './thresholds.js';

export const params = z.object({
  block: z.number().int().min(1).max(64).default(16).describe('elements per block (k)'),
  scaleClamp: z.enum(['bump', 'torchao']).default('bump').describe('a block scale that rounds to 0: the smallest code (bump), or clamp before rounding to [2^-6, 448] (torchao)'),
  stages: z.number().int().min(0).max(3).default(2).describe('pipeline registers'),
});
export type Nvfp4QuantizeParams = z.infer<typeof params>;

const FP32 = parseFormat('fp32') as FloatFormat, UE4M3 = parseFormat('ue4m3') as FloatFormat, E2M1 = parseFormat('e2m1');

export interface UeQuantizerOptions {
  /** A signed element with at most 31 positive codes (the thresholds are built per block). */
  readonly elem: Format;
  /** The block scale format: ue4m3 or ue5m3. */
  readonly scale: FloatFormat;
  /** A float32 tensor scale input `st`; without it S_t = 1. */
  readonly tensorScale: boolean;
  readonly block: number;
  readonly scaleClamp: 'bump' | 'torchao';
  readonly stages: number;
}

/**
 * k float32 inputs (and S_t) → the block scale and k element codes in the float32 order of formats.md
 * §8: six = fl(emax_val · S_t), S_b = S(fl(amax / six)), denom = fl(S_b · S_t), P_i = E(fl(V_i / denom)).
 */
export function ueQuantizer(o: UeQuantizerOptions): void {
  const S = o.stages, SF = o.scale, elem = o.elem;
  const inValid = S > 0 ? input('in_valid', Bool) : undefined;
  const vs = Array.from({ length: o.block }, (_, i) => input(`v${i}`, UInt(32)));
  const st = o.tensorScale ? input('st', UInt(32)) : lit(0x3f800000, UInt(32));
  const scaleOut = output('scale', UInt(SF.width));
  const codesOut = Array.from({ length: o.block }, (_, i) => output(`p${i}`, UInt(elem.width)));
  const nanOut = output('nan_block', Bool);
  if (inValid) output('out_valid', Bool).set(std.pipeValid(inValid, S, 'valid'));
  const preStage = S >= 3 ? 1 : 0, cmpStage = S >= 2 ? 1 : 0, outStage = S >= 1 ? 1 : 0;

  // amax over the magnitudes' bit patterns, NaN/Inf anywhere, an unusable tensor scale.
  const special = vs.map((v) => v.bits(30, 23).andR()).reduce((a, b) => a.or(b));
  const amaxBits = maxTree(vs.map((v) => v.bits(30, 0)));
  const tF = fields(st, FP32);
  const badSt = tF.sign!.or(tF.nan!).or(tF.inf!).or(fp32Zero(st));

  // six = fl(emax_val · S_t), emax_val = o · 2^c: o·sig's top bit weighs 2^(exp − 127 + (width − 24) + c).
  const ev = oddPart(elemMax(elem));
  const osig = ev.o === 1 ? tF.sig : ev.o === 3 ? times(tF.sig, 3) : tF.sig.mul(lit(ev.o, UInt(Math.ceil(Math.log2(ev.o + 1)))));
  const sixTop = osig.width - 24 + ev.e - 127;
  const sixCode = roundScaled({ neg: lit(0, Bool), mag: osig, exp: s10(tF.exp).addWrap(lit(sixTop, SInt(10))), expMin: 1 + sixTop, expMax: 254 + sixTop }, FP32, 'rne', { sat: false });
  const sixF = fields(std.pipe(sixCode, preStage, 'six'), FP32);
  const amax = std.pipe(amaxBits, preStage, 'amax');
  const aF = fields(cat(lit(0, Bool), amax), FP32);
  const invalid = std.pipe(special.or(badSt), preStage, 'invalid_p');

  // S_b = S(fl(amax / six)), RNE with saturation; fl(amax / six) is 0 when amax = 0 or six overflowed to Inf.
  const sbFinite = blockScale(normalized(aF, FP32), normalized(sixF, FP32), amax.orR().not().or(sixF.inf!), o.scaleClamp, SF);
  const sb = mux(invalid, lit(2 ** SF.width - 1, UInt(SF.width)), sbFinite);

  // denom = fl(S_b · S_t): the 4 × 24-bit significand product has its top bit (27) at 2^(exp_b + exp_t − bias_S − 126).
  const stD = fields(std.pipe(st, preStage, 'st_p'), FP32), sbF = fields(sbFinite, SF);
  const prod = sbF.sig.mul(stD.sig);
  const dOff = SF.bias + 126;
  const denomCode = roundScaled({ neg: lit(0, Bool), mag: prod, exp: s10(sbF.exp).addWrap(s10(stD.exp)).subWrap(s10(lit(dOff, UInt(8)))), expMin: 2 - dOff, expMax: 2 ** SF.expBits - 1 + 254 - dOff }, FP32, 'rne', { sat: false });
  // denom ≤ 1.07 · 2^128 / emax_val (S_b rounds amax / (emax_val·S_t) up by less than 1/16), emax_val ≥ 2: never Inf. Its
  // significand as it is (a subnormal's is not normalized: the thresholds' roundings stop at emin anyway).
  const dF = fields(denomCode, FP32);
  const dn = { sig: dF.sig, exp: s10(dF.exp).subWrap(lit(FP32.bias, SInt(10))) };

  // Full-range integers have one more magnitude on the negative side: its threshold comes last.
  const mags = magnitudesOf(elem), full = elem.kind === 'int' && !elem.symmetric;
  const thresholds = thresholdCodes(dn, FP32, full ? [...mags, 2 ** (elem.bits - 1)] : mags).map((t, j) => std.pipe(t, cmpStage, `th${j}`));
  const n = mags.length - 1; // thresholds of the positive side
  const denomZero = std.pipe(fp32Zero(denomCode), cmpStage, 'denom_zero');
  const bad = std.pipe(invalid, cmpStage, 'invalid_c');

  const codes = vs.map((v, i) => {
    const d = std.pipe(v, preStage + cmpStage, `v${i}_d`);
    const mag = d.bits(30, 0), neg = d.bit(31);
    // Passed thresholds (a thermometer): ≥ where the index above is even, > where it is odd.
    const t = thresholds.map((th, j) => ((j + 1) % 2 === 0 ? mag.ge(th) : mag.gt(th)));
    if (full) t[n] = t[n]!.and(neg);
    const idx = thermometerIndex(t);
    let code: Expr;
    if (elem.kind === 'int') {
      const w = elem.width, k = idx.zext(w);
      code = mux(neg, lit(0, UInt(w)).subWrap(k), k);
    } else code = cat(neg, idx.bits(elem.width - 2, 0));
    // 0 / 0 and every unusable block: +0.
    return mux(bad.or(denomZero.and(mag.orR().not())), lit(0, UInt(elem.width)), code);
  });
  scaleOut.set(std.pipe(std.pipe(sb, cmpStage, 'sb_c'), outStage, 'scale_q'));
  nanOut.set(std.pipe(bad, outStage, 'nan_q'));
  codes.forEach((c, i) => codesOut[i]!.set(std.pipe(c, outStage, `p${i}_q`)));
}

/** The number of set bits of a thermometer t0 ≥ t1 ≥ … (each bit of the index: the places where the run ends). */
function thermometerIndex(t: readonly Expr[]): Expr {
  const w = Math.max(1, Math.ceil(Math.log2(t.length + 1)));
  const ends = t.map((x, j) => (j + 1 < t.length ? x.and(t[j + 1]!.not()) : x)); // the run is exactly j + 1 long
  const bits = Array.from({ length: w }, (_, b) => ends.filter((_, j) => ((j + 1) >> b) & 1).reduce<Expr>((a, x) => a.or(x), lit(0, Bool)));
  return cat(...bits.reverse());
}

export const mxNvfp4Quantize = defineModule('mx_nvfp4_quantize', (p: Nvfp4QuantizeParams) => {
  ueQuantizer({ elem: E2M1, scale: UE4M3, tensorScale: true, ...p });
});
