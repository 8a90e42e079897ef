// mx.nvfp4-dot: two NVFP4 blocks → one float32, exactly S_bA · S_bB · S_tA · S_tB · Σ P_A,i · P_B,i
// rounded once with RNE (numerics nvfp4Dot, formats.md §4 carried over to §5). The e2m1 products and
// their adder tree are mx.dot's; the two ue4m3 significands (4 bits each) and the two float32 tensor
// significands (24 bits each, `*` so that xc7 maps them to DSPs) multiply the block sum exactly.
// Latency: `stages` in the products, `treeStages` after the tree, `mulStages` after the scaling
// multiply, one register at the output.

import { z } from 'zod';
import { Bool, defineModule, input, lit, mux, output, SInt, std, UInt, type Expr } from '../../../dsl/index.js';
import { parseFormat, type FloatFormat, type Format } from '../../../numerics/format.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { elemProduct } from '../elem.js';
import { fields } from '../../minifloat/fields.js';
import { fp32Zero, normalized } from '../normalize.js';

export const params = z.object({
  block: z.number().int().min(1).max(64).default(16).describe('elements per block (k)'),
  stages: z.number().int().min(0).max(4).default(1).describe('pipeline registers in the product path'),
  treeStages: z.number().int().min(0).max(1).default(1).describe('a register after the adder tree'),
  mulStages: z.number().int().min(0).max(1).default(1).describe('a register after the scaling multiply'),
});
export type Nvfp4DotParams = z.infer<typeof params>;

export const nvfp4DotLatency = (p: Nvfp4DotParams) => p.stages + p.treeStages + p.mulStages + 1;

const E2M1 = parseFormat('e2m1'), FP32 = parseFormat('fp32') as FloatFormat, UE4M3 = parseFormat('ue4m3') as FloatFormat;

export interface UeDotOptions {
  /** Element formats without NaN or Inf (e2m1, int4-sym, …). */
  readonly elemA: Format;
  readonly elemB: Format;
  /** The block scale format of both sides: ue4m3 or ue5m3. */
  readonly scale: FloatFormat;
  /** Float32 tensor scale inputs sta, stb; without them S_t = 1. */
  readonly tensorScale: boolean;
  readonly block: number;
  readonly stages: number;
  readonly treeStages: number;
  readonly mulStages: number;
}

export const mxNvfp4Dot = defineModule('mx_nvfp4_dot', (p: Nvfp4DotParams) => ueDot({ elemA: E2M1, elemB: E2M1, scale: UE4M3, tensorScale: true, ...p }));

/** The dot unit of two blocks with ue scales (formats.md §8; NVFP4 is formats.md §5): the ports and datapath in the module being built. */
export function ueDot(p: UeDotOptions): void {
  const SF = p.scale, one = lit(0x3f800000, UInt(32));
  const inValid = input('in_valid', Bool);
  const sa = input('sa', UInt(SF.width)), sb = input('sb', UInt(SF.width));
  const sta = p.tensorScale ? input('sta', UInt(32)) : one, stb = p.tensorScale ? input('stb', UInt(32)) : one;
  const as = Array.from({ length: p.block }, (_, i) => input(`a${i}`, UInt(p.elemA.width)));
  const bs = Array.from({ length: p.block }, (_, i) => input(`b${i}`, UInt(p.elemB.width)));
  const outValid = output('out_valid', Bool), c = output('c', UInt(32));
  const lat = p.stages + p.treeStages;

  const prods = as.map((a, i) => elemProduct(a, p.elemA, bs[i]!, p.elemB, p.stages, 'gates', 'booth'));
  const sum = std.pipe(std.adderTree(prods.map((x) => x.word)), p.treeStages, 'tree'); // exact, LSB 2^lsb
  const lsb = prods[0]!.lsb;

  // Beside the products: the four scales normalized (leading one on top; a zero scale is caught apart)
  // and the product of their significands, so the final product has at most 4 leading zeros and its
  // rounding needs no wide normalizing shift.
  const xa = fields(sa, SF), xb = fields(sb, SF), ta = fields(sta, FP32), tb = fields(stb, FP32);
  const na = normalized(xa, SF), nb = normalized(xb, SF), nta = normalized(ta, FP32), ntb = normalized(tb, FP32);
  const scaleSig = na.sig.mul(nb.sig).mul(nta.sig.mul(ntb.sig)); // 56 bits
  const e = (x: Expr) => x.sext(11);
  const expSum = e(na.exp).addWrap(e(nb.exp)).addWrap(e(nta.exp)).addWrap(e(ntb.exp)); // the weights of the four leading ones
  const nanIn = xa.nan!.or(xb.nan!).or(ta.nan!).or(tb.nan!);
  const infIn = ta.inf!.or(tb.inf!);
  const zeroScale = sa.orR().not().or(sb.orR().not()).or(fp32Zero(sta)).or(fp32Zero(stb));
  const d = (x: Expr, name: string) => std.pipe(x, lat, name);
  const scaleSigD = d(scaleSig, 'scale_sig'), expD = d(expSum, 'exp_sum');
  const nanD = d(nanIn, 'nan_in'), infD = d(infIn, 'inf_in'), zeroD = d(zeroScale, 'zero_scale'), tNeg = d(ta.sign!.xor(tb.sign!), 't_neg');

  // |sum| · scales, exact; its sign; IEEE specials (Inf · 0 = NaN).
  const W = sum.width, sumNeg = sum.bit(W - 1);
  const sumMag = mux(sumNeg, lit(0, sum.type).subWrap(sum), sum).asUInt().bits(W - 2, 0); // |sum| < 2^(W−1)
  const sumLz = std.leadingZeros(sumMag); // all of W − 1 for a zero sum, whose product is 0 anyway
  const sumNorm = std.barrelShift(sumMag, sumLz, 'left');
  const mag = std.pipe(sumNorm.mul(scaleSigD), p.mulStages, 'mag');
  const m = (x: Expr, name: string) => std.pipe(x, p.mulStages, name);
  const neg = m(sumNeg.xor(tNeg), 'neg');
  const sumZero = m(sum.orR().not(), 'sum_zero');
  const inf = m(infD, 'inf'), nan = m(nanD, 'nan_d').or(inf.and(sumZero.or(m(zeroD, 'zero_d'))));
  // mag is five factors in [2^(w−1), 2^w), so its top bit weighs 2^4 times the product of their leading
  // ones: 2^(expSum + (W − 2 + lsb − lz_sum) + 4).
  const top = W + 2 + lsb;
  const exp = m(expD.sext(12).subWrap(sumLz.zext(12).asSInt()), 'exp').addWrap(lit(top, SInt(12)));
  // Bounds of expSum over every code (a zero's normalized weight is one below the smallest subnormal's, Inf's and NaN's one above
  // the largest), and lz_sum up to all of sumMag's bits (a zero sum).
  const lzMax = W - 1, eMin = 2 * (-SF.bias - SF.manBits) + 2 * (-FP32.bias - FP32.manBits), eMax = 2 * (2 ** SF.expBits - 1 - SF.bias) + 2 * (255 - FP32.bias);
  const code = roundScaled({ neg, mag, exp, expMin: eMin - lzMax + top, expMax: eMax + top, maxNormShift: 4, nan, pinf: inf.and(neg.not()), ninf: inf.and(neg) }, FP32, 'rne', { sat: false });
  c.set(std.pipe(code, 1, 'c_q'));
  outValid.set(std.pipeValid(inValid, nvfp4DotLatency(p), 'valid'));
}
