// Stimulus for examples.adder-tree: extremes of the signed range, then exhaustive or random.
import { randomBits, type Rng, type Stimulus, type Vector } from '../../../cosim/model.js';
import type { RowLayout } from '../../../cosim/rows.js';

export function adderTreeStimulus(p: { n: number; width: number }): Stimulus {
  const lo = -(1n << BigInt(p.width - 1)), hi = (1n << BigInt(p.width - 1)) - 1n;
  const all = (v: bigint): Vector => Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, v]));
  const alternate: Vector = Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, i % 2 ? lo : hi]));
  const extreme = (rng: () => number) => rng() < 0.1; // 10% of inputs at the ends of the range
  return {
    directed: [all(0n), all(lo), all(hi), all(-1n), all(1n), alternate],
    spaceBits: p.n * p.width,
    exhaustive: (i) => Object.fromEntries(Array.from({ length: p.n }, (_, k) => [`x${k}`, BigInt.asIntN(p.width, BigInt(i) >> BigInt(k * p.width))])),
    random: (rng) => Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, extreme(rng) ? (rng() < 0.5 ? lo : hi) : randomBits(rng, p.width, true)])),
    // One word per input when width ≤ 32: raw two's-complement bits. One random word per input: its
    // top three bits pick the 1-in-8 inputs set to an extreme, the low `width` bits are the value.
    ...(p.width <= 32 ? {
      randomRows(rng: Rng, layout: RowLayout, rows: Uint32Array, count: number) {
        const mask = 2 ** p.width - 1, loBits = 2 ** (p.width - 1), hiBits = loBits - 1;
        const words = rows.subarray(0, count * layout.words);
        rng.fill(words);
        for (let k = 0; k < words.length; k++) {
          const u = words[k]!;
          words[k] = u >>> 29 === 0 ? (u & 1 ? loBits : hiBits) : u & mask;
        }
      },
    } : {}),
  };
}
