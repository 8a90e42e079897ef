// OCP Microscaling block quantization (formats.md §3): one e8m0 scale X and k element codes P_i,
// v_i = X · P_i. Everything is exact on float32 bit patterns; the element conversion divides by a
// power of two exactly (the exponent moves, the significand does not).

import { decode } from './decode.js';
import { encoderFor } from './encode.js';
import { emax, maxFinite, type Format } from './format.js';
import type { RoundingMode } from './rounding.js';

export type ScaleRule = 'floor' | 'ceil' | 'rceil' | 'even';
export const SCALE_RULES: readonly ScaleRule[] = ['floor', 'ceil', 'rceil', 'even'];

export interface MxOptions {
  readonly scaleRule?: ScaleRule;
  readonly round?: Extract<RoundingMode, 'rne' | 'rna' | 'rtz' | 'stochastic'>;
  readonly randomBits?: number;
}

export const MX_NAN_SCALE = 0xff;
/** Block flag: a NaN or Inf input made the scale NaN. */
export const MX_FLAG_NAN_BLOCK = 1;

export interface MxBlock {
  readonly scale: number; // e8m0 code
  readonly codes: number[];
  readonly flags: number;
}

const F32 = new Float32Array(1), U32 = new Uint32Array(F32.buffer);
export const f32Bits = (x: number) => { F32[0] = x; return U32[0]!; };
export const f32FromBits = (bits: number) => { U32[0] = bits >>> 0; return F32[0]!; };

/** floor(log2 |x|) of a finite non-zero float32 given its bits, exactly (subnormals included). */
function floorLog2(bits: number): number {
  const e = (bits >>> 23) & 0xff, man = bits & 0x7fffff;
  return e === 0 ? 31 - Math.clz32(man) - 149 : e - 127;
}

/** Mantissa bits of the element format (int8: 6 fraction bits below its single integer bit). */
function elemManBits(f: Format): number {
  return f.kind === 'int' ? f.bits - 2 : f.manBits;
}

/** Largest finite element value, as a float64 (exact). */
export function elemMax(f: Format): number {
  if (f.kind === 'int') return (2 ** (f.bits - 1) - 1) * 2 ** f.scaleExp;
  const t = maxFinite(f);
  return (1 + t.mant / 2 ** f.manBits) * 2 ** t.exp;
}

/** The unclamped shared exponent of a block whose largest magnitude has bits `amaxBits`. */
export function sharedExponent(amaxBits: number, elem: Format, rule: ScaleRule): number {
  const L = floorLog2(amaxBits);
  const man = amaxBits & 0x7fffff;
  const pow2 = ((amaxBits >>> 23) & 0xff) !== 0 ? man === 0 : (man & (man - 1)) === 0;
  switch (rule) {
    case 'floor': return L - emax(elem);
    case 'ceil': return L + (pow2 ? 0 : 1) - emax(elem);
    case 'rceil': {
      // smallest s with 2^s · max_elem >= amax (all values exact dyadics in float64)
      F32[0] = 0; U32[0] = amaxBits;
      const amax = F32[0]!, mx = elemMax(elem);
      let s = L - Math.floor(Math.log2(mx)) - 1;
      while (2 ** s * mx < amax) s++;
      return s;
    }
    case 'even': {
      // Round amax to the element's mantissa width (RNE) first: the block max then never clamps.
      const M = elemManBits(elem);
      const e = (amaxBits >>> 23) & 0xff;
      const sig = e === 0 ? amaxBits & 0x7fffff : (amaxBits & 0x7fffff) + 0x800000;
      const sigBits = 32 - Math.clz32(sig);
      const drop = sigBits - 1 - M;
      if (drop <= 0) return L - emax(elem);
      const kept = Math.floor(sig / 2 ** drop), rem = sig - kept * 2 ** drop, half = 2 ** (drop - 1);
      const up = rem > half || (rem === half && kept % 2 === 1);
      const carry = up && kept + 1 === 2 ** (M + 1);
      return L + (carry ? 1 : 0) - emax(elem);
    }
  }
}

/** Quantizes one block of float32 values (`random`: per-element random bits for stochastic rounding). */
export function mxQuantizeBlock(values: Float32Array, elem: Format, opts: MxOptions = {}, random?: Uint32Array): MxBlock {
  const scales = new Uint8Array(1), codes = new Uint32Array(values.length);
  const flags = mxQuantizeBatch(values, values.length, elem, opts, scales, codes, random);
  return { scale: scales[0]!, codes: Array.from(codes), flags };
}

/**
 * Quantizes consecutive blocks of k values into `scales` (one e8m0 code per block) and `codes`.
 * Returns the OR of the block flags. The batch form is the fast one: no allocation per block.
 */
export function mxQuantizeBatch(values: Float32Array, k: number, elem: Format, opts: MxOptions,
  scales: Uint8Array, codes: Uint8Array | Uint16Array | Uint32Array, random?: Uint32Array): number {
  const rule = opts.scaleRule ?? 'floor';
  const enc = encoderFor(elem, { round: opts.round ?? 'rne', sat: true, ...(opts.randomBits ? { randomBits: opts.randomBits } : {}) });
  const lut = random ? null : enc.table();
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const nan = enc.nanCode(0);
  let allFlags = 0;
  for (let blk = 0, base = 0; base + k <= bits.length; blk++, base += k) {
    let amax = 0, special = false;
    for (let i = base; i < base + k; i++) {
      const a = bits[i]! & 0x7fffffff; // magnitude order = integer order of the bits
      if (a >= 0x7f800000) special = true;
      else if (a > amax) amax = a;
    }
    if (special) {
      scales[blk] = MX_NAN_SCALE;
      codes.fill(nan >= 0 ? nan : 0, base, base + k);
      allFlags |= MX_FLAG_NAN_BLOCK;
      continue;
    }
    if (amax === 0) { // all zero: scale 2^-127, signed zeros kept
      scales[blk] = 0;
      for (let i = base; i < base + k; i++) codes[i] = enc.encodeF32Bits(bits[i]!);
      continue;
    }
    const s = Math.min(127, Math.max(-127, sharedExponent(amax, elem, rule)));
    scales[blk] = s + 127;
    for (let i = base; i < base + k; i++) {
      const b = bits[i]!, e = (b >>> 23) & 0xff;
      if ((b & 0x7fffffff) === 0) codes[i] = enc.encodeF32Bits(b);
      else if (lut && e >= 1 && e - s >= 1 && e - s <= 254) {
        // V / 2^s is still a normal float32: only its exponent field moves.
        const q = (b - s * 0x800000) >>> 0;
        codes[i] = lut.codes[((q >>> 16) << 1) | ((q & 0xffff) !== 0 ? 1 : 0)]!;
      } else {
        const man = b & 0x7fffff;
        const sig = e === 0 ? man : man + 0x800000, exp = (e === 0 ? -149 : e - 150) - s; // V / 2^s, exactly
        codes[i] = enc.encodeExact(b >>> 31, sig, exp, random ? random[i]! : 0);
      }
    }
  }
  return allFlags;
}

/** v_i = X · P_i as float32 values (exact for every OCP element format). NaN scale: all NaN. */
export function mxDequantizeBlock(scale: number, codes: ArrayLike<number>, elem: Format): Float32Array {
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    if (scale === MX_NAN_SCALE) { out[i] = NaN; continue; }
    const d = decode(elem, codes[i]!);
    out[i] = d.kind === 'nan' ? NaN : d.kind === 'inf' ? (d.sign ? -Infinity : Infinity) : d.kind === 'zero' ? (d.sign ? -0 : 0)
      : (d.sign ? -1 : 1) * d.sig * 2 ** (d.exp + scale - 127);
  }
  return out;
}
