import { defineBlock } from '../../block.js';
import { loomPrecision } from './generator.js';
import { loomPrecisionGolden } from './golden.js';
import { params } from './params.js';
import { loomPrecisionStimulus } from './stimulus.js';

export const loomPrecisionBlock = defineBlock({
  name: 'loom.precision',
  summary: 'Loom dynamic precision detector: a group of G values → the precision P that holds them all (fold, OR, leading one; optional trailing-zero trim with its lsb)',
  params,
  generator: loomPrecision,
  handshake: () => ({ kind: 'combinational' }),
  fmaxBase: (p) => p,
  golden: 'loom/precision/golden.ts groupPrecision (blocks.md §3)',
  cosim: { kind: 'transaction', create: loomPrecisionGolden, stimulus: loomPrecisionStimulus },
});
