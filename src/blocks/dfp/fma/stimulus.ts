// dfp.fma's stimulus: dot products as packets. Directed: an empty (all-zero) beat, −32768 in every
// operand, the largest products of both signs beat after beat (the accumulator overflows every one
// or two beats), an overflow on the last beat (two partials), a sum that returns inside the range,
// and exponent extremes. Random: 1 to 80 beats mixing full-scale, mid and small operands, so some
// packets overflow and most do not; random exponents.

import { randomBits, type PacketStimulus, type Vector } from '../../../cosim/model.js';
import { EXP_BITS, type DfpFmaParams } from './params.js';

type Rng = () => number;
type Pair4 = readonly [number, number, number, number];
const MAX = 32767, MIN = -32768;

function packet(pairs: readonly Pair4[], ea = 0, eb = 0): Vector[] {
  return pairs.map(([a0, b0, a1, b1], i) => ({ in_last: i === pairs.length - 1 ? 1n : 0n, a0: BigInt(a0), b0: BigInt(b0), a1: BigInt(a1), b1: BigInt(b1), ea: BigInt(ea), eb: BigInt(eb) }));
}

const repeat = (n: number, x: Pair4): Pair4[] => Array.from({ length: n }, () => x);

export function dfpFmaStimulus(p: DfpFmaParams): PacketStimulus {
  const emax = 2 ** (EXP_BITS - 1) - 1, emin = -(2 ** (EXP_BITS - 1));
  const big = (n: number): Pair4[] => repeat(n, [MAX, MAX, MAX, MAX]);
  const directed: Vector[][] = [
    packet([[0, 0, 0, 0]]),
    packet([[MIN, MIN, MIN, MIN]]), packet([[MIN, MAX, MIN, 1], [MIN, MIN, 0, 0]]),
    packet(big(1)), packet(big(2)), packet(big(5)), // 2·32767² per beat: an overflow from the second beat on
    packet([...big(1), [MAX, MAX, 0, 0]]), // the last beat overflows: two partials
    packet([...big(1), [MAX, MAX, 0, 0], [1, 1, 0, 0]]),
    packet(repeat(4, [MIN, MAX, MIN, MAX])), // the negative side
    packet([...big(1), [MIN, MAX, MIN, MAX], ...big(1), [MIN, MAX, MIN, MAX]]), // back and forth inside the range
    packet([[MAX, MAX, MAX, MAX], [-MAX, MAX, 0, 0]]),
    packet([[1, 1, 1, 1]], emax, emax), packet([[-1, 1, 1, 1]], emin, emin), packet([[3, 5, 7, 11]], emax, emin),
    // A wider accumulator overflows after 2^(W − 31) full-scale beats: run it when that is short.
    ...(p.accBits > 32 && p.accBits <= 40 ? [packet(big(2 ** (p.accBits - 31) + 1))] : []),
  ];
  const operand = (rng: Rng, scale: number) => {
    const r = rng();
    if (r < 0.03) return MIN;
    if (r < 0.06) return MAX;
    return Number(randomBits(rng, 16, true)) >> scale;
  };
  return {
    directed,
    random: (rng) => {
      const n = 1 + Math.floor(rng() * 80), scale = Math.floor(rng() * 8);
      const pairs = Array.from({ length: n }, (): Pair4 => [operand(rng, scale), operand(rng, scale), operand(rng, scale), operand(rng, scale)]);
      const e = () => Number(randomBits(rng, EXP_BITS, true));
      return packet(pairs, e(), e());
    },
  };
}
