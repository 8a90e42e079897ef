import { randomBits, type Stimulus } from '../../../cosim/model.js';

export function fifoStimulus(p: { width: number }): Stimulus {
  const ones = (1n << BigInt(p.width)) - 1n;
  return {
    directed: [{ in_data: 0n }, { in_data: ones }, { in_data: 1n }, { in_data: ones - 1n }],
    spaceBits: p.width,
    exhaustive: (i) => ({ in_data: BigInt(i) }),
    random: (rng) => ({ in_data: randomBits(rng, p.width, false) }),
  };
}
