import { defineBlock } from '../../block.js';
import { fifo, params } from './generator.js';
import { fifoGolden } from './golden.js';
import { fifoStimulus } from './stimulus.js';

export const fifoBlock = defineBlock({
  name: 'examples.fifo',
  summary: 'valid/ready FIFO, first-word fall-through: the stream-handshake example',
  params,
  generator: fifo,
  golden: 'examples.fifo/golden.ts: identity, in order',
  cosim: { kind: 'transaction', create: fifoGolden, stimulus: fifoStimulus },
});
