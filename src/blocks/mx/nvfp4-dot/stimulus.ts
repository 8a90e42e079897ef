// Stimulus for mx.nvfp4-dot and blockfmt.dot with ue scales (any finite elements, ue4m3 or ue5m3,
// with or without tensor scales; codes named below for NVFP4): directed pairs (zeros, ue4m3 NaN and zero scales, NaN/Inf/zero/negative
// tensor scales and Inf · 0, exact cancellation, the largest codes and scales (overflow to Inf),
// tiny tensor scales (float32 subnormal results and underflow, −0), a large term with tiny ones),
// then random pairs: any e2m1 codes, ue4m3 scales mostly mid-range, tensor scales mostly as
// amax/2688 of a real tensor would be and sometimes any bit pattern.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { encoderFor } from '../../../numerics/encode.js';
import { parseFormat, type FloatFormat, type Format } from '../../../numerics/format.js';
import { f32Bits } from '../../../numerics/mx.js';

const ONE = 0x3f800000, NAN = 0x7fc00000, PINF = 0x7f800000, NINF = 0xff800000, MAX = 0x7f7fffff;

/** The block-scaled format of both sides (NVFP4 when absent). */
export interface UeDotFormat { readonly elemA: Format; readonly elemB: Format; readonly scale: FloatFormat; readonly tensorScale: boolean }
const E2M1 = parseFormat('e2m1');
const NVFP4: UeDotFormat = { elemA: E2M1, elemB: E2M1, scale: parseFormat('ue4m3') as FloatFormat, tensorScale: true };

export function nvfp4DotStimulus(p: { block: number }, uf: UeDotFormat = NVFP4): Stimulus {
  const k = p.block, S = uf.scale;
  const UE_ONE = S.bias << 3, UE_MAX = 2 ** S.width - 2, UE_NAN = 2 ** S.width - 1;
  // e2m1's codes 7 (6), 0xf (−6), 2 (1), 0xa (−1), … become the element's own: the largest, its negative, 1, −1.
  const code = (f: Format, x: number) => encoderFor(f, { sat: true }).encodeNumber(x);
  const E2M1_VALUES: ReadonlyArray<readonly [number, number]> = [[7, Infinity], [0xf, -Infinity], [2, 1], [0xa, -1], [3, 1.5], [1, 0.5], [9, -0.5], [6, 4], [0xe, -4], [8, -0], [0xb, -1.5]];
  const mapOf = (f: Format) => new Map(E2M1_VALUES.map(([c, x]) => [c, code(f, x)])); // ±Infinity saturates: the largest
  const mapA = mapOf(uf.elemA), mapB = mapOf(uf.elemB);
  const pair = (sa: number, sb: number, sta: number, stb: number, a: number[], b: number[]): Vector => {
    const v: Vector = { sa: BigInt(sa), sb: BigInt(sb), ...(uf.tensorScale ? { sta: BigInt(sta >>> 0), stb: BigInt(stb >>> 0) } : {}) };
    for (let i = 0; i < k; i++) { v[`a${i}`] = BigInt(mapA.get(a[i % a.length]!) ?? a[i % a.length]!); v[`b${i}`] = BigInt(mapB.get(b[i % b.length]!) ?? b[i % b.length]!); }
    return v;
  };
  let seed = 0x5eed1234;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  // Random codes pass through the maps too, which only trade one valid code for another.
  const codes = (rng: () => number, f: Format = uf.elemA) => Array.from({ length: k }, () => Math.floor(rng() * 2 ** f.width));
  const directed: Vector[] = [
    pair(UE_ONE, UE_ONE, ONE, ONE, [0], [0]), pair(UE_ONE, UE_ONE, ONE, ONE, [8], [0]), pair(0, 0, ONE, ONE, codes(drng), codes(drng, uf.elemB)),
    pair(UE_NAN, UE_ONE, ONE, ONE, [2], [2]), pair(UE_ONE, UE_NAN, ONE, ONE, [0], [0]),
    pair(UE_ONE, UE_ONE, NAN, ONE, [2], [2]), pair(UE_ONE, UE_ONE, ONE, 0xffc00001, [0], [0]),
    pair(UE_ONE, UE_ONE, PINF, ONE, [2], [2]), pair(UE_ONE, UE_ONE, NINF, ONE, [2], [2]), pair(UE_ONE, UE_ONE, PINF, ONE, [0], [0]),
    pair(UE_ONE, UE_ONE, PINF, 0, [2], [2]), pair(0, UE_ONE, PINF, ONE, [2], [2]), pair(UE_ONE, UE_ONE, PINF, NINF, [2], [0xa]),
    pair(UE_ONE, UE_ONE, 0x80000000, ONE, [2], [2]), pair(UE_ONE, UE_ONE, 0xbf800000, ONE, [0], [0]), pair(UE_ONE, UE_ONE, 0xbf800000, ONE, [3], [0xb]),
    // Cancellation: x·y then (−x)·y.
    pair(UE_ONE, UE_ONE, ONE, ONE, [7, 0xf], [5]), pair(0x50, 0x22, 0x3a800000, 0x3b000000, [1, 9, 6, 0xe], [7, 7, 3, 3]),
  ];
  // The largest everything: overflow to ±Inf, and just inside.
  for (const st of [MAX, 0x7e000000, 0x70000000, 0x60000000]) directed.push(pair(UE_MAX, UE_MAX, st, st, [7], [7]), pair(UE_MAX, UE_MAX, st, st, [0xf], [7]), pair(UE_MAX, UE_MAX, st, ONE, [7], [7]));
  // Tiny tensor scales: subnormal results, underflow to ±0, subnormal tensor scales.
  for (const [ta, tb] of [[1, ONE], [1, 1], [0x00800000, 0x3f000000], [0x00400000, 0x3e000000], [0x7fffff, 0x10000000], [0x20000000, 0x20000000], [0x1e000000, 0x1f000000]]) {
    directed.push(pair(1, 1, ta!, tb!, [1], [1]), pair(UE_MAX, UE_MAX, ta!, tb!, [7], [0xf]), pair(0x30, 0x41, ta!, tb!, codes(drng), codes(drng, uf.elemB)));
  }
  // One large product and tiny ones: the tiny ones reach the result only through the sticky bit.
  directed.push(pair(UE_ONE, UE_ONE, 0x3f812345, 0x3f876543, [7, 1], [7, 1]), pair(UE_ONE, UE_ONE, 0x3f812345, 0x3f876543, [7, 9], [7, 1]));
  const realScale = (rng: () => number) => f32Bits(Math.fround(2 ** (rng() * 40 - 30) / 2688));
  return {
    directed,
    spaceBits: 2 * S.width + (uf.tensorScale ? 64 : 0) + k * (uf.elemA.width + uf.elemB.width),
    // Scales, then a's codes, then b's (tensor scales take 64 bits: enumerated only without them).
    exhaustive: (i) => {
      const ns = 2 ** S.width, na = 2 ** uf.elemA.width, nb = 2 ** uf.elemB.width, r = Math.floor(i / ns / ns);
      const v: Vector = { sa: BigInt(i % ns), sb: BigInt(Math.floor(i / ns) % ns) };
      for (let j = 0; j < k; j++) { v[`a${j}`] = BigInt(Math.floor(r / na ** j) % na); v[`b${j}`] = BigInt(Math.floor(r / na ** k / nb ** j) % nb); }
      return v;
    },
    random: (rng) => {
      const r = rng();
      const scale = () => (r < 0.1 ? Math.floor(rng() * 2 ** S.width) : UE_ONE - 0x18 + Math.floor(rng() * 0x40));
      const tscale = () => (r < 0.05 ? Math.floor(rng() * 2 ** 32) : r < 0.1 ? Math.floor(rng() * 0x7f800000) : realScale(rng));
      return pair(scale(), scale(), tscale(), tscale(), codes(rng), codes(rng, uf.elemB));
    },
  };
}
