// NVFP4 (formats.md §5): blocks of 16 e2m1 elements, one ue4m3 block scale S_b, one float32 tensor
// scale S_t. The arithmetic is float32, in the order the spec writes it.

import { decodeToNumber } from './decode.js';
import { encoderFor } from './encode.js';
import { parseFormat } from './format.js';

const E2M1 = parseFormat('e2m1');
const UE4M3 = parseFormat('ue4m3');
const f = Math.fround;

export interface Nvfp4Options {
  readonly block?: number;
  /** torchao's variant: clamp the pre-rounding block scale to [2^-6, 448] instead of bumping a 0 code. */
  readonly torchaoClamp?: boolean;
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

export function nvfp4Quantize(values: Float32Array, opts: Nvfp4Options = {}): Nvfp4Tensor {
  const k = opts.block ?? 16;
  if (values.length % k !== 0) throw new RangeError(`tensor of ${values.length} values is not a whole number of ${k}-element blocks`);
  const st = nvfp4TensorScale(values);
  const scaleEnc = encoderFor(UE4M3, { round: 'rne', sat: true });
  const elemEnc = encoderFor(E2M1, { round: 'rne', sat: true });
  const nb = values.length / k;
  const blockScales = new Uint8Array(nb), codes = new Uint8Array(values.length);
  const six = f(6 * st);
  for (let b = 0; b < nb; b++) {
    let amax = 0;
    for (let i = b * k; i < (b + 1) * k; i++) amax = Math.max(amax, Math.abs(values[i]!));
    let pre = f(amax / six);
    if (opts.torchaoClamp) pre = Math.min(448, Math.max(2 ** -6, pre));
    let sb = scaleEnc.encodeNumber(pre);
    if (sb === 0) sb = 0x01; // a block scale that rounds to 0 becomes the smallest positive code, 2^-9
    blockScales[b] = sb;
    const denom = f(decodeToNumber(UE4M3, sb) * st);
    for (let i = b * k; i < (b + 1) * k; i++) codes[i] = elemEnc.encodeNumber(f(values[i]! / denom));
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
