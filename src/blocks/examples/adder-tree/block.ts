import { defineBlock } from '../../block.js';
import { adderTree, params } from './generator.js';
import { adderTreeGolden, adderTreeGoldenRows } from './golden.js';
import { adderTreeStimulus } from './stimulus.js';

export const adderTreeBlock = defineBlock({
  name: 'examples.adder-tree',
  summary: 'pipelined balanced adder tree of n signed inputs, exact (grows by ceil(log2 n) bits)',
  params,
  generator: adderTree,
  fmaxBase: (p) => ({ ...p, every: 0 }),
  golden: 'examples.adder-tree/golden.ts: exact integer sum',
  cosim: { kind: 'transaction', create: adderTreeGolden, createRows: adderTreeGoldenRows, stimulus: adderTreeStimulus },
});
