import { defineBlock } from '../../block.js';
import { dfpFma, params } from './generator.js';
import { fmaGolden } from './golden.js';
import { dfpFmaStimulus } from './stimulus.js';

export const dfpFmaBlock = defineBlock({
  name: 'dfp.fma',
  summary: 'INT16 dynamic fixed point FMA (Das et al., ICLR 2018): two INT16 pairs per cycle into an INT32 accumulator; partial sums leave with exponent ea + eb before the add would overflow, the last one with out_last',
  params,
  generator: dfpFma,
  golden: 'numerics/dfp.ts: exact products, the overflow rule of docs/training-accelerators.md in BigInt',
  cosim: { kind: 'packet', createPacket: fmaGolden, stimulus: dfpFmaStimulus },
});
