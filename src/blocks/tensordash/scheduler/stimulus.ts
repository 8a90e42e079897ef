// Stimulus for tensordash.scheduler: exhaustive when the window has at most 20 bits; otherwise
// directed windows (empty, full, one lane empty, alternating rows, a single non-zero anywhere) and
// random windows at sparsities 0 %, 50 %, 90 % and 100 % plus uniformly random ones.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import type { SchedulerParams } from './params.js';

export function schedulerStimulus(p: SchedulerParams): Stimulus {
  const N = p.lanes, rows = p.lookahead + 1, bits = rows * N;
  const mask = (f: (r: number, l: number) => boolean): Vector => {
    let a = 0n;
    for (let r = 0; r < rows; r++) for (let l = 0; l < N; l++) if (f(r, l)) a |= 1n << BigInt(r * N + l);
    return { avail: a };
  };
  const directed: Vector[] = [mask(() => false), mask(() => true), mask((r) => r % 2 === 1), mask((r) => r % 2 === 0)];
  for (let l = 0; l < N; l++) directed.push(mask((_, m) => m !== l), mask((_, m) => m === l));
  for (let i = 0; i < bits; i++) directed.push(mask((r, l) => r * N + l === i));
  for (let r = 0; r < rows; r++) directed.push(mask((s) => s !== r), mask((s, l) => s === r && l % 3 !== 0));
  return {
    directed,
    spaceBits: bits,
    exhaustive: (i) => ({ avail: BigInt(i) }),
    random: (rng) => {
      const pick = Math.floor(rng() * 5), density = pick < 4 ? [1, 0.5, 0.1, 0][pick]! : rng();
      return mask(() => rng() < density);
    },
  };
}
