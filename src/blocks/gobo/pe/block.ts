import { defineBlock } from '../../block.js';
import { goboPe, params } from './generator.js';
import { peGolden } from './golden.js';
import { goboPeStimulus } from './stimulus.js';

export const goboPeBlock = defineBlock({
  name: 'gobo.pe',
  summary: 'GOBO dot-product unit (MICRO 2020): L (3-bit index, fp16 activation) lanes per beat into 8 exact bins, outlier pairs multiplied exactly, then 8 centroid × bin products and one float32 rounding per dot product',
  params,
  generator: goboPe,
  golden: 'gobo/pe/golden.ts: exact dyadic sums from the numerics library\'s fp16 decoding, one float32 rounding',
  cosim: { kind: 'packet', createPacket: peGolden, stimulus: goboPeStimulus },
});
