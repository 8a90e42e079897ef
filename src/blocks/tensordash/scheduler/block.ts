import { defineBlock } from '../../block.js';
import { tensordashScheduler } from './generator.js';
import { schedulerGolden } from './golden.js';
import { params } from './params.js';
import { schedulerStimulus } from './stimulus.js';

export const tensordashSchedulerBlock = defineBlock({
  name: 'tensordash.scheduler',
  summary: 'TensorDash scheduler: the window\'s availability mask → per-lane candidate selects, what is left, and the advance (the greedy rule of blocks.md §4)',
  params,
  generator: tensordashScheduler,
  handshake: () => ({ kind: 'combinational' }),
  fmaxBase: (p) => p,
  golden: 'tensordash/schedule.ts scheduleStep (blocks.md §4)',
  cosim: { kind: 'transaction', create: schedulerGolden, stimulus: schedulerStimulus },
});
