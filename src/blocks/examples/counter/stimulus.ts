import type { Stimulus } from '../../../cosim/model.js';

/** Reset first, long enabled runs (to wrap), occasional resets. */
export function counterStimulus(): Stimulus {
  return {
    directed: [{ rst: 1n, en: 0n }, { rst: 1n, en: 1n }, { rst: 0n, en: 0n }, { rst: 0n, en: 1n }],
    spaceBits: 64, // a sequence, not a small input space: always random
    exhaustive: () => ({ rst: 0n, en: 1n }),
    random: (rng) => ({ rst: rng() < 0.01 ? 1n : 0n, en: rng() < 0.85 ? 1n : 0n }),
  };
}
