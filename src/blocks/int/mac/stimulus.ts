// Stimulus for int.mac: extremes (to reach the accumulator bound), clears now and then, long runs.
import { randomBits, type Rng, type Stimulus, type Vector } from '../../../cosim/model.js';
import type { RowLayout } from '../../../cosim/rows.js';

interface P { aBits: number; bBits: number; signed: boolean; n: number }

export function intMacStimulus(p: P): Stimulus {
  const lo = (w: number) => (p.signed ? -(1n << BigInt(w - 1)) : 0n);
  const hi = (w: number) => (p.signed ? (1n << BigInt(w - 1)) - 1n : (1n << BigInt(w)) - 1n);
  const v = (clear: boolean, a: bigint, b: bigint): Vector => ({ clear: clear ? 1n : 0n, a, b });
  // N products of the largest magnitude, both signs: the accumulator must hold them exactly.
  const worst = (a: bigint, b: bigint) => Array.from({ length: Math.min(p.n, 4096) }, (_, i) => v(i === 0, a, b));
  const pick = (rng: () => number, w: number) => {
    const r = rng();
    return r < 0.05 ? lo(w) : r < 0.1 ? hi(w) : randomBits(rng, w, p.signed);
  };
  return {
    directed: [v(true, 0n, 0n), ...worst(lo(p.aBits), lo(p.bBits)), ...worst(lo(p.aBits), hi(p.bBits)), ...worst(hi(p.aBits), hi(p.bBits)), v(true, 1n, 1n)],
    spaceBits: 64, // a sequence: always random
    exhaustive: () => v(true, 0n, 0n),
    random: (rng) => v(rng() < 1 / 64, pick(rng, p.aBits), pick(rng, p.bBits)),
    // Rows [clear, a, b] when both operands fit a word: one random word per field; the top bits pick
    // clears (1 in 64) and extreme operands (1 in 16), the low bits are the value.
    ...(p.aBits <= 28 && p.bBits <= 28 ? {
      randomRows(rng: Rng, _layout: RowLayout, rows: Uint32Array, count: number) {
        const words = rows.subarray(0, count * 3);
        rng.fill(words);
        const field = (w: number) => ({ mask: 2 ** w - 1, lo: p.signed ? 2 ** (w - 1) : 0, hi: p.signed ? 2 ** (w - 1) - 1 : 2 ** w - 1 });
        const fa = field(p.aBits), fb = field(p.bBits);
        for (let k = 0; k < words.length; k += 3) {
          words[k] = words[k]! >>> 26 === 0 ? 1 : 0;
          const a = words[k + 1]!, b = words[k + 2]!;
          words[k + 1] = a >>> 28 === 0 ? (a & 1 ? fa.lo : fa.hi) : a & fa.mask;
          words[k + 2] = b >>> 28 === 0 ? (b & 1 ? fb.lo : fb.hi) : b & fb.mask;
        }
      },
    } : {}),
  };
}
