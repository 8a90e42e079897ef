import { defineBlock } from '../../block.js';
import { counter, params } from './generator.js';
import { counterModel } from './golden.js';
import { counterStimulus } from './stimulus.js';

export const counterBlock = defineBlock({
  name: 'examples.counter',
  summary: 'enable-gated up-counter with synchronous reset, wrapping at 2^width',
  params,
  generator: counter,
  handshake: () => ({ kind: 'sequential' }),
  golden: 'examples.counter/golden.ts: cycle model',
  cosim: { kind: 'cycle', create: counterModel, stimulus: counterStimulus },
});
