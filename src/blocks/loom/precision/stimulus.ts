// Stimulus for loom.precision: exhaustive when G·W ≤ 20 bits; otherwise directed groups (all zero,
// all −1, the most negative value, one value at each bit position, shared trailing zeros) and random
// groups whose values come from a random precision and a random shift, so every P and lsb occurs.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import type { PrecisionParams } from './params.js';

export function loomPrecisionStimulus(p: PrecisionParams): Stimulus {
  const G = p.group, W = p.width, full = (1n << BigInt(W)) - 1n;
  const vec = (vals: readonly bigint[]): Vector => Object.fromEntries(vals.map((x, i) => [`x${i}`, x & full]));
  const fill = (x: bigint) => Array.from({ length: G }, () => x);
  const directed: Vector[] = [vec(fill(0n)), vec(fill(full)), vec(fill(1n << BigInt(W - 1))), vec(fill(full >> 1n))];
  for (let b = 0; b < W; b++) {
    directed.push(vec(fill(0n).map((z, i) => (i === G - 1 ? 1n << BigInt(b) : z))));
    directed.push(vec(fill(-(1n << BigInt(b)))));
    directed.push(vec(fill(0n).map((_, i) => (BigInt(i + 1) << BigInt(b)))));
  }
  return {
    directed,
    spaceBits: G * W,
    exhaustive: (i) => {
      const vals: bigint[] = [];
      for (let k = 0; k < G; k++) vals.push((BigInt(i) >> BigInt(k * W)) & full);
      return vec(vals);
    },
    random: (rng) => {
      const bits = Math.floor(rng() * (W + 1)), shift = rng() < 0.3 ? Math.floor(rng() * W) : 0;
      const zeros = rng() < 0.3 ? rng() : 0;
      return vec(Array.from({ length: G }, () => {
        if (rng() < zeros) return 0n;
        const m = BigInt(Math.floor(rng() * 2 ** bits));
        const v = p.signed && rng() < 0.5 ? -m - 1n : m;
        return v << BigInt(shift);
      }));
    },
  };
}
