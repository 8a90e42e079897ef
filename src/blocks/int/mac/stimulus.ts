// Stimulus for int.mac: extremes (to reach the accumulator bound), clears now and then, long runs.
import { randomBits, type Stimulus, type Vector } from '../../../cosim/model.js';
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
    // Rows [clear, a, b] when both operands fit a word: one draw per operand (top bits pick extremes).
    ...(p.aBits <= 31 && p.bBits <= 31 ? {
      randomRows(rng: () => number, _layout: RowLayout, rows: Uint32Array, count: number) {
        const word = (w: number) => {
          const u = (rng() * 4294967296) >>> 0, mask = 2 ** w - 1;
          const loRaw = p.signed ? 2 ** (w - 1) : 0, hiRaw = p.signed ? 2 ** (w - 1) - 1 : mask;
          return u >>> 28 === 0 ? (u & 1 ? loRaw : hiRaw) : u & mask;
        };
        for (let i = 0, k = 0; i < count; i++, k += 3) {
          rows[k] = rng() < 1 / 64 ? 1 : 0;
          rows[k + 1] = word(p.aBits);
          rows[k + 2] = word(p.bBits);
        }
      },
    } : {}),
  };
}
