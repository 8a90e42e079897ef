// Golden cycle model of examples.counter: reset to 0, +1 per enabled cycle, wrap at 2^width.
import type { Vector } from '../../../cosim/model.js';

export function counterModel(p: { width: number }) {
  let count: bigint | null = null; // unknown until the first reset
  return {
    step(inputs: Vector): Vector | null {
      const out = count === null ? null : { count };
      if (inputs.rst === 1n) count = 0n;
      else if (count !== null && inputs.en === 1n) count = (count + 1n) % (1n << BigInt(p.width));
      return out;
    },
  };
}
