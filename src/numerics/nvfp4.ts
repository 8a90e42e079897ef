// NVFP4 (formats.md §5): blocks of 16 e2m1 elements, one ue4m3 block scale S_b, one float32 tensor
// scale S_t. The arithmetic is float32, in the order the spec writes it.

import { decodeToNumber } from './decode.js';
import { fromCode, mul, roundTo, type Dyadic } from './dyadic.js';
import { encoderFor } from './encode.js';
import { parseFormat } from './format.js';
import { f32Bits } from './mx.js';

const E2M1 = parseFormat('e2m1');
const UE4M3 = parseFormat('ue4m3');
const FP32 = parseFormat('fp32');
const f = Math.fround;

/** The ue4m3 NaN code: the block scale of a block with a NaN or Inf, or of an unusable tensor scale. */
export const NVFP4_NAN_SCALE = 0x7f;
/** Flags of one quantized block. */
export const NVFP4_FLAG_NAN_BLOCK = 1; // a NaN or Inf among the block's inputs
export const NVFP4_FLAG_BAD_TENSOR_SCALE = 2; // S_t is not a positive finite float32

export interface Nvfp4Options {
  readonly block?: number;
  /** torchao's variant: clamp the pre-rounding block scale to [2^-6, 448] instead of bumping a 0 code. */
  readonly torchaoClamp?: boolean;
}

export interface Nvfp4Block {
  readonly scale: number; // ue4m3 code
  readonly codes: Uint8Array; // e2m1 codes
  readonly flags: number;
}

export interface Nvfp4Tensor {
  readonly tensorScale: number; // float32
  readonly blockScales: Uint8Array; // ue4m3 codes
  readonly codes: Uint8Array; // e2m1 codes
}

/** S_t = amax_tensor / (448 · 6), or 1 for an all-zero tensor. */
export function nvfp4TensorScale(values: Float32Array): number {
  let amax = 0;
  for (const v of values) amax = Math.max(amax, Math.abs(v));
  return amax === 0 ? 1 : f(amax / 2688);
}

const scaleEnc = encoderFor(UE4M3, { round: 'rne', sat: true });
const elemEnc = encoderFor(E2M1, { round: 'rne', sat: true });

/**
 * One block with a given tensor scale. A NaN or Inf input, or a tensor scale that is not positive and
 * finite (S_t = amax / 2688 always is), gives the NaN scale, +0 elements and a flag: the float32
 * order would otherwise turn the whole block into NaN → e2m1 conversions, which have no NaN.
 */
export function nvfp4QuantizeBlock(values: ArrayLike<number>, st: number, opts: Nvfp4Options = {}): Nvfp4Block {
  const k = values.length;
  const codes = new Uint8Array(k);
  let amax = 0, special = false;
  for (let i = 0; i < k; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) special = true;
    else amax = Math.max(amax, Math.abs(v));
  }
  const badSt = !(st > 0 && Number.isFinite(st));
  if (special || badSt) return { scale: NVFP4_NAN_SCALE, codes, flags: (special ? NVFP4_FLAG_NAN_BLOCK : 0) | (badSt ? NVFP4_FLAG_BAD_TENSOR_SCALE : 0) };
  // Saturating at 448 covers a quotient that overflowed float32 too (S_t below the block's own
  // amax / 2688): Inf would otherwise become the ue4m3 NaN.
  let pre = Math.min(448, f(amax / f(6 * st)));
  if (opts.torchaoClamp) pre = Math.max(2 ** -6, pre);
  let sb = scaleEnc.encodeNumber(pre);
  if (sb === 0) sb = 0x01; // a block scale that rounds to 0 becomes the smallest positive code, 2^-9
  const denom = f(decodeToNumber(UE4M3, sb) * st);
  for (let i = 0; i < k; i++) codes[i] = elemEnc.encodeNumber(f(values[i]! / denom));
  return { scale: sb, codes, flags: 0 };
}

export function nvfp4Quantize(values: Float32Array, opts: Nvfp4Options = {}): Nvfp4Tensor {
  const k = opts.block ?? 16;
  if (values.length % k !== 0) throw new RangeError(`tensor of ${values.length} values is not a whole number of ${k}-element blocks`);
  const st = nvfp4TensorScale(values);
  const nb = values.length / k;
  const blockScales = new Uint8Array(nb), codes = new Uint8Array(values.length);
  for (let b = 0; b < nb; b++) {
    const q = nvfp4QuantizeBlock(values.subarray(b * k, (b + 1) * k), st, opts);
    blockScales[b] = q.scale;
    codes.set(q.codes, b * k);
  }
  return { tensorScale: st, blockScales, codes };
}

/** Value = P_i · S_b · S_t, rounded once to float32. */
export function nvfp4Dequantize(t: Nvfp4Tensor, block = 16): Float32Array {
  const out = new Float32Array(t.codes.length);
  for (let i = 0; i < out.length; i++) {
    const sb = decodeToNumber(UE4M3, t.blockScales[Math.floor(i / block)]!);
    out[i] = decodeToNumber(E2M1, t.codes[i]!) * sb * t.tensorScale; // exact in float64 (≤ 32 significant bits), one fround
  }
  return out;
}

export interface Nvfp4Operand {
  readonly scale: number; // ue4m3 code
  readonly codes: ArrayLike<number>; // e2m1 codes
  readonly tensorScale: number; // float32
}

/**
 * The NVFP4 counterpart of formats.md §4's Dot: S_bA · S_bB · S_tA · S_tB · Σ P_A,i · P_B,i, exact, then
 * rounded once to float32 with RNE. A NaN block scale gives NaN; tensor scales follow IEEE rules
 * (NaN, Inf · 0 = NaN, a negative scale flips the sign).
 */
export function nvfp4DotExact(a: Nvfp4Operand, b: Nvfp4Operand): Dyadic {
  if (a.codes.length !== b.codes.length) throw new RangeError(`block sizes differ: ${a.codes.length} and ${b.codes.length}`);
  let sum = 0; // Σ of e2m1 products: multiples of 1/4 below 2^10, exact in float64
  for (let i = 0; i < a.codes.length; i++) sum += decodeToNumber(E2M1, a.codes[i]!) * decodeToNumber(E2M1, b.codes[i]!);
  const exactSum: Dyadic = { kind: 'num', sig: BigInt(sum * 4), exp: -2 };
  const scales = [fromCode(UE4M3, a.scale), fromCode(UE4M3, b.scale), fromCode(FP32, f32Bits(a.tensorScale)), fromCode(FP32, f32Bits(b.tensorScale))];
  return scales.reduce(mul, exactSum);
}

export function nvfp4Dot(a: Nvfp4Operand, b: Nvfp4Operand): number {
  return decodeToNumber(FP32, roundTo(FP32, nvfp4DotExact(a, b)));
}
