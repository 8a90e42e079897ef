import { defineBlock } from '../../block.js';
import { tensordashPe } from './generator.js';
import { peModel } from './golden.js';
import { params, RESULT_LATENCY } from './params.js';
import { peStimulus } from './stimulus.js';

export const tensordashPeBlock = defineBlock({
  name: 'tensordash.pe',
  summary: 'TensorDash PE: staging buffer, greedy scheduler, candidate muxes, N multipliers, adder tree and accumulator; beats of H+1 rows in, the exact Σ A·B of each stream out, A\'s zeros skipped',
  params,
  generator: tensordashPe,
  // valid/ready both ways; the schedule, the step count and the result checked cycle by cycle.
  handshake: (p) => ({ kind: 'sequential', cycles: `one greedy step per cycle while the window (${p.lookahead + 1} rows) is full or the last beat is in: the steps of scheduleStream`, latency: RESULT_LATENCY }),
  golden: 'tensordash/pe/golden.ts: cycle model (schedule.ts greedy steps on the buffered rows; exact Σ A·B of the stream)',
  cosim: { kind: 'cycle', create: peModel, stimulus: peStimulus },
});
