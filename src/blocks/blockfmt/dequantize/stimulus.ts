// Stimulus for blockfmt.dequantize: every scale code with every element code in turn across the lanes
// (tensor scale 1), then tensor scales at the float32 corners (subnormal, huge, ±0, ±Inf, NaN,
// negative), then random scales, codes and tensor scales.
import type { Stimulus, Vector } from '../../../cosim/model.js';
import { scaleFormat } from '../../../numerics/blockfmt.js';
import { f32Bits } from '../../../numerics/mx.js';
import { elemOf, hasTensorScale, type FormatParams } from '../params.js';

const ST_CORNERS = [0x3f800000, 1, 0x7fffff, 0x00800000, 0x7f7fffff, 0x7e000000, 0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xbf800000, 0x1f000000, 0x60000000];

export function blockfmtDequantizeStimulus(p: FormatParams): Stimulus {
  const f = elemOf(p), k = p.block, n = 2 ** f.width, ns = 2 ** (p.scale === 'e8m0' ? 8 : scaleFormat(p.scale).width), withSt = hasTensorScale(p);
  const vec = (scale: number, code: (i: number) => number, st = 0x3f800000): Vector => {
    const v: Vector = { scale: BigInt(scale), ...(withSt ? { st: BigInt(st >>> 0) } : {}) };
    for (let i = 0; i < k; i++) v[`p${i}`] = BigInt(code(i));
    return v;
  };
  const directed: Vector[] = [];
  for (let s = 0; s < ns; s++) for (let off = 0; off < n; off += k) directed.push(vec(s, (i) => (off + i) % n));
  if (withSt) for (const st of ST_CORNERS) for (const s of [0, 1, 0x38, ns - 2, ns - 1]) directed.push(vec(s, (i) => i % n, st));
  return {
    directed,
    spaceBits: Math.log2(ns) + k * f.width + (withSt ? 32 : 0),
    // Scale first, then the codes (tensor scales take 32 bits: never enumerated).
    exhaustive: (i) => vec(i % ns, (j) => Math.floor(i / ns / n ** j) % n),
    random: (rng) => {
      const r = rng();
      const st = r < 0.1 ? Math.floor(rng() * 2 ** 32) : f32Bits(Math.fround(2 ** (rng() * 60 - 40)) * (rng() < 0.1 ? -1 : 1));
      return vec(Math.floor(rng() * ns), () => Math.floor(rng() * n), st);
    },
  };
}
