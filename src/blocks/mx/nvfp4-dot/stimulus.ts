// Stimulus for mx.nvfp4-dot: directed pairs (zeros, ue4m3 NaN and zero scales, NaN/Inf/zero/negative
// tensor scales and Inf · 0, exact cancellation, the largest codes and scales (overflow to Inf),
// tiny tensor scales (float32 subnormal results and underflow, −0), a large term with tiny ones),
// then random pairs: any e2m1 codes, ue4m3 scales mostly mid-range, tensor scales mostly as
// amax/2688 of a real tensor would be and sometimes any bit pattern.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { f32Bits } from '../../../numerics/mx.js';

const ONE = 0x3f800000, NAN = 0x7fc00000, PINF = 0x7f800000, NINF = 0xff800000, MAX = 0x7f7fffff;
const UE_ONE = 0x38, UE_MAX = 0x7e, UE_NAN = 0x7f;

export function nvfp4DotStimulus(p: { block: number }): Stimulus {
  const k = p.block;
  const pair = (sa: number, sb: number, sta: number, stb: number, a: number[], b: number[]): Vector => {
    const v: Vector = { sa: BigInt(sa), sb: BigInt(sb), sta: BigInt(sta >>> 0), stb: BigInt(stb >>> 0) };
    for (let i = 0; i < k; i++) { v[`a${i}`] = BigInt(a[i % a.length]!); v[`b${i}`] = BigInt(b[i % b.length]!); }
    return v;
  };
  let seed = 0x5eed1234;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const codes = (rng: () => number) => Array.from({ length: k }, () => Math.floor(rng() * 16));
  const directed: Vector[] = [
    pair(UE_ONE, UE_ONE, ONE, ONE, [0], [0]), pair(UE_ONE, UE_ONE, ONE, ONE, [8], [0]), pair(0, 0, ONE, ONE, codes(drng), codes(drng)),
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
    directed.push(pair(1, 1, ta!, tb!, [1], [1]), pair(UE_MAX, UE_MAX, ta!, tb!, [7], [0xf]), pair(0x30, 0x41, ta!, tb!, codes(drng), codes(drng)));
  }
  // One large product and tiny ones: the tiny ones reach the result only through the sticky bit.
  directed.push(pair(UE_ONE, UE_ONE, 0x3f812345, 0x3f876543, [7, 1], [7, 1]), pair(UE_ONE, UE_ONE, 0x3f812345, 0x3f876543, [7, 9], [7, 1]));
  const realScale = (rng: () => number) => f32Bits(Math.fround(2 ** (rng() * 40 - 30) / 2688));
  return {
    directed,
    spaceBits: 78 + 8 * k,
    exhaustive: () => pair(UE_ONE, UE_ONE, ONE, ONE, [0], [0]),
    random: (rng) => {
      const r = rng();
      const scale = () => (r < 0.1 ? Math.floor(rng() * 128) : 0x20 + Math.floor(rng() * 0x40));
      const tscale = () => (r < 0.05 ? Math.floor(rng() * 2 ** 32) : r < 0.1 ? Math.floor(rng() * 0x7f800000) : realScale(rng));
      return pair(scale(), scale(), tscale(), tscale(), codes(rng), codes(rng));
    },
  };
}
