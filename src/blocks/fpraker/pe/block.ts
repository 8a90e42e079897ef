import { defineBlock } from '../../block.js';
import { fprakerPe, params } from './generator.js';
import { peGolden } from './golden.js';
import { fprakerStimulus } from './stimulus.js';

export const fprakerPeBlock = defineBlock({
  name: 'fpraker.pe',
  summary: 'FPRaker PE (MICRO 2021): L bf16 pairs per group, each a recoded into NAF terms processed one per cycle per lane, terms below the accumulator window skipped; result rounded to float32 with the dot product\'s cycle count',
  params,
  generator: fprakerPe,
  golden: 'fpraker/pe/golden.ts: NAF terms, window exponent, skip rule and cycles of docs/training-accelerators.md in BigInt',
  cosim: { kind: 'packet', createPacket: peGolden, stimulus: fprakerStimulus },
});
