// Stimulus for mx.quantize: directed corner blocks (formats.md §3 "consequences to test": all-zero,
// signed zeros, NaN/Inf, float32 subnormals, exact ties, amax a few ulps below a power of two, near
// the element max, one outlier, scales at both clamps), then random blocks with a random spread of
// exponents around a random centre, so every scale and every element binade is visited.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { decodeToNumber } from '../../../numerics/decode.js';
import { emax, parseFormat } from '../../../numerics/format.js';
import { elemMax, f32Bits } from '../../../numerics/mx.js';
import { toBeats } from './beats.js';

export interface QuantizeStimulusParams { elem: string; block: number; lanes?: number | undefined; round: string; randomBits: number; input: 'fp32' | 'bf16' }

const POS_ZERO = 0, NEG_ZERO = 0x80000000, PINF = 0x7f800000, NINF = 0xff800000, QNAN = 0x7fc00000;

/** Positive element values (all finite codes), ascending. */
function elemValues(name: string): number[] {
  const f = parseFormat(name), out = new Set<number>();
  for (let c = 0; c < 2 ** f.width; c++) {
    const x = decodeToNumber(f, c);
    if (Number.isFinite(x) && x > 0) out.add(x);
  }
  return [...out].sort((a, b) => a - b);
}

export function directedBlocks(p: QuantizeStimulusParams, rng: () => number): number[][] {
  const k = p.block, f = parseFormat(p.elem), vals = elemValues(p.elem), top = elemMax(f), em = emax(f);
  const fill = (x: number) => Array.from({ length: k }, () => x);
  const at = (base: number[], i: number, x: number) => { const b = base.slice(); b[i % k] = x; return b; };
  const randSign = (x: number) => (rng() < 0.5 ? x : (x | 0x80000000) >>> 0);
  const small = (s: number) => Array.from({ length: k }, () => randSign(f32Bits(Math.fround((0.5 + rng()) * 2 ** s))));
  const blocks: number[][] = [];
  // Zeros: +0, −0, mixed; signed zeros among numbers.
  blocks.push(fill(POS_ZERO), fill(NEG_ZERO), Array.from({ length: k }, (_, i) => (i % 2 ? NEG_ZERO : POS_ZERO)));
  blocks.push(at(at(small(0), 0, NEG_ZERO), 1, POS_ZERO));
  // NaN and ±Inf, in the first, a middle and the last element.
  for (const sp of [QNAN, 0x7f800001, 0xffc00000, PINF, NINF]) for (const i of [0, k >> 1, k - 1]) blocks.push(at(small(3), i, sp));
  // float32 subnormals: all-subnormal blocks (the scale clamps at 2^-127), one subnormal amax, a
  // subnormal among the smallest normals, and the largest subnormal.
  const sub = () => randSign(1 + Math.floor(rng() * 0x7fffff));
  blocks.push(Array.from({ length: k }, sub), at(fill(POS_ZERO), 3, 1), at(fill(NEG_ZERO), 0, 0x807fffff));
  blocks.push(Array.from({ length: k }, (_, i) => (i % 3 ? sub() : randSign(0x00800000 + Math.floor(rng() * 0x7fffff)))));
  blocks.push(Array.from({ length: k }, (_, i) => (i === 0 ? 0x7fffff : randSign(1 << Math.floor(rng() * 23)))));
  // Ties: the block max pins the scale 2^s; every other element sits exactly halfway between two
  // element values (or halfway to 0 below the smallest), times 2^s.
  for (const s of [0, -3, 5, 40, -100]) {
    const mids = vals.map((v, i) => ((i ? vals[i - 1]! : 0) + v) / 2);
    for (let off = 0; off < mids.length; off += Math.max(1, k - 1)) { // a one-element block: the max alone
      const b = [f32Bits(top * 2 ** s)];
      for (let i = 0; i < k - 1; i++) b.push(randSign(f32Bits(mids[(off + i) % mids.length]! * 2 ** s)));
      blocks.push(b);
    }
  }
  // amax a few ulps below a power of two (log2 computed in float32 would be off by one), and at it.
  for (const n of [0, 1, em, em + 1, -5, 20]) for (const ulps of [0, 1, 2, 3]) {
    blocks.push(at(small(n - 3), 5, (f32Bits(2 ** n) - ulps) >>> 0));
  }
  // Near the element max: the floor rule saturates values between max·2^s and 2^(emax+1+s).
  for (const s of [0, 7, -9]) {
    blocks.push(vals.slice(-k).map((v) => randSign(f32Bits(v * 2 ** s))).concat(fill(0)).slice(0, k));
    blocks.push(Array.from({ length: k }, (_, i) => randSign(f32Bits(Math.fround((top + (2 ** (em + 1) - top) * (i / k)) * 2 ** s)))));
  }
  // One outlier: everything else underflows towards 0.
  for (const gap of [8, 20, 60]) blocks.push(at(small(-gap), 7, f32Bits(3 * 2 ** 10)));
  // Both clamps of the scale: the largest float32s, and blocks of the smallest normals.
  blocks.push(Array.from({ length: k }, () => randSign(0x7f000000 + Math.floor(rng() * 0x7fffff))), at(fill(POS_ZERO), 2, 0x7f7fffff));
  blocks.push(Array.from({ length: k }, () => randSign(0x00800000 + Math.floor(rng() * 0xffffff))));
  return blocks.map((b) => b.map((x) => x >>> 0));
}

/** A random block: a centre exponent, a spread below it, random signs and mantissas, a few zeros. */
export function randomBlock(k: number, rng: () => number): number[] {
  const r = rng();
  if (r < 0.03) return Array.from({ length: k }, () => Math.floor(rng() * 2 ** 32) >>> 0); // raw bit patterns
  const centre = r < 0.08 ? Math.floor(rng() * 4) : 1 + Math.floor(rng() * 253);
  const spread = [1, 3, 8, 24, 60][Math.floor(rng() * 5)]!;
  const zeros = rng() < 0.3 ? rng() * 0.3 : 0;
  return Array.from({ length: k }, () => {
    const sign = rng() < 0.5 ? 0 : 0x80000000;
    if (rng() < zeros) return sign >>> 0;
    const e = Math.max(0, centre - Math.floor(rng() * spread));
    return (sign | (e << 23) | Math.floor(rng() * 0x800000)) >>> 0;
  });
}

export function mxQuantizeStimulus(p: QuantizeStimulusParams): Stimulus {
  const k = p.block, bf16 = p.input === 'bf16', R = p.randomBits;
  const toVector = (b: number[], rng: () => number): Vector => {
    const v: Vector = {};
    b.forEach((x, i) => { v[`v${i}`] = BigInt(bf16 ? x >>> 16 : x); });
    if (p.round === 'stochastic') for (let i = 0; i < k; i++) v[`rnd${i}`] = BigInt(Math.floor(rng() * 2 ** R));
    return v;
  };
  let seed = 0x1234567;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; }; // fixed: the directed set never changes
  const directed = directedBlocks(p, drng).map((b) => toVector(b, drng));
  const L = p.lanes ?? k;
  if (L < k) {
    // The lane stream: each block as k/L beats.
    const beats = (v: Vector) => toBeats(v, k, L, ['v', 'rnd']);
    return {
      directed: directed.flatMap(beats),
      spaceBits: k * (bf16 ? 16 : 32),
      exhaustive: () => { throw new Error('a lane stream is never enumerated'); },
      random: () => { throw new Error('a lane stream takes whole blocks (randomGroup)'); },
      randomGroup: (rng) => beats(toVector(randomBlock(k, rng), rng)),
    };
  }
  return {
    directed,
    spaceBits: k * (bf16 ? 16 : 32),
    exhaustive: () => toVector(new Array<number>(k).fill(0), drng),
    random: (rng) => toVector(randomBlock(k, rng), rng),
  };
}
