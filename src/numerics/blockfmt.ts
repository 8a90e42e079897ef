// Block-scaled formats (formats.md §8): element E, block size k, scale format e8m0 | ue4m3 | ue5m3 and
// an optional float32 tensor scale. One model for MXFP*, MXINT8/4, NVFP4, NVINT4 and the UE5M3
// variants: e8m0 scales follow the MX rules of §3, ue scales the NVFP4 rule of §5 generalized, in
// float32 arithmetic in the order the spec writes it.

import { decodeToNumber } from './decode.js';
import { add, fromCode, mul, NAN, roundTo, scale as scaleBy, ZERO, type Dyadic } from './dyadic.js';
import { encoderFor } from './encode.js';
import { parseFormat, type FloatFormat, type Format } from './format.js';
import { elemMax, f32Bits, mxDequantizeBlock, mxQuantizeBlock, MX_NAN_SCALE, type ScaleRule } from './mx.js';

export type ScaleName = 'e8m0' | 'ue4m3' | 'ue5m3';
export const SCALE_NAMES: readonly ScaleName[] = ['e8m0', 'ue4m3', 'ue5m3'];
export type IntRange = 'symmetric' | 'full';

const FP32 = parseFormat('fp32');
const f = Math.fround;

export interface BlockFormat {
  readonly elem: Format;
  readonly block: number;
  readonly scale: ScaleName;
  /** A float32 tensor scale S_t (ue scales only; S_t = 1 without it). */
  readonly tensorScale: boolean;
  readonly scaleRule?: ScaleRule; // e8m0 only
  readonly round?: 'rne' | 'rna' | 'rtz' | 'stochastic'; // e8m0 only: ue scales round RNE (§8)
  readonly randomBits?: number;
}

export interface QuantizedBlock {
  readonly scale: number; // code of the scale format
  readonly codes: number[];
  readonly flags: number; // BLOCK_FLAG_*
}

export const BLOCK_FLAG_NAN = 1; // a NaN or Inf among the block's inputs
export const BLOCK_FLAG_BAD_TENSOR_SCALE = 2; // S_t is not a positive finite float32

/**
 * The element format a user's element name means under a scale: `intB` under e8m0 carries the OCP
 * implicit scale 2^−(B−2) (int8 is formats.md's MX INT8), under a ue scale it is a plain integer;
 * symmetric clipping unless `full`. Float names are themselves.
 */
export function blockElem(name: string, scale: ScaleName, range: IntRange = 'symmetric'): Format {
  const int = /^int(\d+)$/.exec(name);
  if (!int) return parseFormat(name);
  const B = Number(int[1]);
  if (scale !== 'e8m0') return parseFormat(range === 'symmetric' ? `int${B}-sym` : `int${B}`);
  if (B === 8 && range === 'symmetric') return parseFormat('int8');
  return parseFormat(`mxint${B}${range === 'full' ? '-full' : ''}`);
}

// One Format object per scale: decode tables are kept per Format object.
const SCALE_FORMATS = Object.fromEntries(SCALE_NAMES.map((n) => [n, parseFormat(n) as FloatFormat])) as Record<ScaleName, FloatFormat>;
export const scaleFormat = (s: ScaleName): FloatFormat => SCALE_FORMATS[s];

/** The scale format's NaN code: a block with a NaN or Inf input, or an unusable tensor scale. */
export const nanScaleCode = (s: ScaleName) => (s === 'e8m0' ? MX_NAN_SCALE : s === 'ue4m3' ? 0x7f : 0xff);

/** emax_val(E): the element's largest finite value (6 for e2m1, 7 for symmetric int4). */
export const emaxVal = (elem: Format) => elemMax(elem);

/** max(S) of a ue scale format: 448 (ue4m3), 114688 (ue5m3). */
export const scaleMax = (s: ScaleName) => decodeToNumber(scaleFormat(s), nanScaleCode(s) - 1);

/** S_t = amax_tensor / (emax_val(E) · max(S)) in float32; 1 for an all-zero tensor or without a tensor scale. */
export function tensorScaleOf(values: ArrayLike<number>, bf: BlockFormat): number {
  if (!bf.tensorScale || bf.scale === 'e8m0') return 1;
  let amax = 0;
  for (let i = 0; i < values.length; i++) amax = Math.max(amax, Math.abs(values[i]!));
  return amax === 0 ? 1 : f(amax / f(emaxVal(bf.elem) * scaleMax(bf.scale)));
}

/**
 * One block of float32 values. e8m0: formats.md §3 (`random`: per-element bits for stochastic
 * rounding). ue scales: S_b = RNE_S(fl(amax / fl(emax_val · S_t))) saturating, a 0 code bumped to the
 * smallest, P_i = RNE_E(fl(V_i / fl(S_b · S_t))) saturating; a NaN/Inf input or a tensor scale that is
 * not positive and finite gives the NaN scale and +0 elements (our choice, as for NVFP4: the float32
 * order would otherwise make every element a NaN conversion).
 */
export function quantizeBlock(values: ArrayLike<number>, bf: BlockFormat, st = 1, random?: Uint32Array): QuantizedBlock {
  if (bf.scale === 'e8m0') {
    const q = mxQuantizeBlock(Float32Array.from(values), bf.elem, { scaleRule: bf.scaleRule ?? 'floor', round: bf.round ?? 'rne', ...(bf.randomBits ? { randomBits: bf.randomBits } : {}) }, random);
    return { scale: q.scale, codes: q.codes, flags: q.flags };
  }
  const S = scaleFormat(bf.scale);
  const k = values.length, codes = new Array<number>(k).fill(0);
  let amax = 0, special = false;
  for (let i = 0; i < k; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) special = true;
    else amax = Math.max(amax, Math.abs(v));
  }
  const badSt = !(st > 0 && Number.isFinite(st));
  if (special || badSt) return { scale: nanScaleCode(bf.scale), codes, flags: (special ? BLOCK_FLAG_NAN : 0) | (badSt ? BLOCK_FLAG_BAD_TENSOR_SCALE : 0) };
  // Saturating at max(S) first also covers a quotient that overflowed float32 (Inf would become NaN).
  const pre = Math.min(scaleMax(bf.scale), f(amax / f(emaxVal(bf.elem) * st)));
  let sb = encoderFor(S, { round: 'rne', sat: true }).encodeNumber(pre);
  if (sb === 0) sb = 1; // a block scale that rounds to 0 becomes the smallest positive code
  const denom = f(decodeToNumber(S, sb) * st);
  const enc = encoderFor(bf.elem, { round: 'rne', sat: true });
  for (let i = 0; i < k; i++) codes[i] = enc.encodeNumber(f(values[i]! / denom));
  return { scale: sb, codes, flags: 0 };
}

/** v_i = P_i · S (· S_t), rounded once to float32. A NaN scale makes the whole block NaN. */
export function dequantizeBlock(scale: number, codes: ArrayLike<number>, bf: BlockFormat, st = 1): Float32Array {
  if (bf.scale === 'e8m0') return mxDequantizeBlock(scale, codes, bf.elem);
  // P · S has at most 8 + 4 significant bits and S_t 24: the float64 product is exact (IEEE signs, NaN,
  // Inf · 0 included), and Math.fround is the one RNE rounding to float32.
  const s = decodeToNumber(scaleFormat(bf.scale), scale);
  return Float32Array.from(codes, (c) => Math.fround(decodeToNumber(bf.elem, c) * s * st));
}

export interface BlockOperand {
  readonly scale: number;
  readonly codes: ArrayLike<number>;
  readonly tensorScale?: number; // float32, 1 when absent
}

/** S_A · S_B (· S_tA · S_tB) · Σ P_A,i · P_B,i, exact (formats.md §4 for any block-scaled pair; IEEE rules for the scales). */
export function blockDotExact(a: BlockOperand, fa: BlockFormat, b: BlockOperand, fb: BlockFormat): Dyadic {
  if (a.codes.length !== b.codes.length) throw new RangeError(`block sizes differ: ${a.codes.length} and ${b.codes.length}`);
  let sum: Dyadic = ZERO;
  for (let i = 0; i < a.codes.length; i++) sum = add(sum, mul(fromCode(fa.elem, a.codes[i]!), fromCode(fb.elem, b.codes[i]!)));
  const factor = (o: BlockOperand, bf: BlockFormat): Dyadic => {
    if (bf.scale === 'e8m0') return o.scale === MX_NAN_SCALE ? NAN : scaleBy({ kind: 'num', sig: 1n, exp: 0 }, o.scale - 127);
    return mul(fromCode(scaleFormat(bf.scale), o.scale), fromCode(FP32, f32Bits(o.tensorScale ?? 1)));
  };
  return mul(mul(sum, factor(a, fa)), factor(b, fb));
}

/** The dot product of one block pair rounded once to float32 with RNE. */
export function blockDot(a: BlockOperand, fa: BlockFormat, b: BlockOperand, fb: BlockFormat): number {
  return decodeToNumber(FP32, roundTo(FP32, blockDotExact(a, fa, b, fb)));
}
