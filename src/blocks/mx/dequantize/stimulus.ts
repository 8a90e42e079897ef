// Stimulus for mx.dequantize: every scale (NaN included) with every element code in turn across the
// lanes, then random scales and codes. Small formats reach every (scale, code) pair in the directed set.
import type { Stimulus, Vector } from '../../../cosim/model.js';
import { parseFormat } from '../../../numerics/format.js';

export function mxDequantizeStimulus(p: { elem: string; block: number }): Stimulus {
  const f = parseFormat(p.elem), k = p.block, n = 2 ** f.width;
  const vec = (scale: number, code: (i: number) => number): Vector => {
    const v: Vector = { scale: BigInt(scale) };
    for (let i = 0; i < k; i++) v[`p${i}`] = BigInt(code(i));
    return v;
  };
  const directed: Vector[] = [];
  for (let s = 0; s < 256; s++) for (let off = 0; off < n; off += k) directed.push(vec(s, (i) => (off + i) % n));
  return {
    directed,
    spaceBits: 8 + k * f.width,
    exhaustive: () => vec(127, () => 0),
    random: (rng) => vec(Math.floor(rng() * 256), () => Math.floor(rng() * n)),
  };
}
