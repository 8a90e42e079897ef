// Stimulus for examples.adder-tree: extremes of the signed range, then exhaustive or random.
import { randomBits, type Stimulus, type Vector } from '../../../cosim/model.js';

export function adderTreeStimulus(p: { n: number; width: number }): Stimulus {
  const lo = -(1n << BigInt(p.width - 1)), hi = (1n << BigInt(p.width - 1)) - 1n;
  const all = (v: bigint): Vector => Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, v]));
  const alternate: Vector = Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, i % 2 ? lo : hi]));
  return {
    directed: [all(0n), all(lo), all(hi), all(-1n), all(1n), alternate],
    spaceBits: p.n * p.width,
    exhaustive: (i) => Object.fromEntries(Array.from({ length: p.n }, (_, k) => [`x${k}`, BigInt.asIntN(p.width, BigInt(i) >> BigInt(k * p.width))])),
    random: (rng) => Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, rng() < 0.1 ? (rng() < 0.5 ? lo : hi) : randomBits(rng, p.width, true)])),
  };
}
