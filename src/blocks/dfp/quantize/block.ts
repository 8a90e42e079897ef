import { defineBlock } from '../../block.js';
import { dfpQuantize, params } from './generator.js';
import { quantizeGolden } from './golden.js';
import { dfpQuantizeStimulus } from './stimulus.js';

export const dfpQuantizeBlock = defineBlock({
  name: 'dfp.quantize',
  summary: 'INT16 dynamic fixed point (Das et al., ICLR 2018): B float32 values → shared exponent E_s = E_max − 14 and B INT16 elements RNE(x·2^−E_s), saturated to ±32767',
  params,
  generator: dfpQuantize,
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'numerics/dfp.ts: the rule of docs/training-accelerators.md on float32 bit patterns, in BigInt',
  cosim: { kind: 'transaction', create: quantizeGolden, stimulus: dfpQuantizeStimulus },
});
