import { defineBlock } from '../../block.js';
import { mxDotGeneral } from './generator.js';
import { params } from './params.js';
import { mxDotGeneralGolden } from './golden.js';
import { mxDotGeneralStimulus } from './stimulus.js';

export const mxDotGeneralBlock = defineBlock({
  name: 'mx.dot-general',
  summary: 'OCP MX DotGeneral over a valid/ready stream of block pairs: exact (Kulisch over the whole e8m0 range, one RNE) or fp32 (rounded per block, float32 adds)',
  params,
  generator: mxDotGeneral,
  // Its own stages (the rounding cuts only serve the exact sum).
  fmaxDepths: (p) => (p.acc === 'exact' ? [0, 1, 2, 3] : [0, 1]).map((stages) => ({ ...p, stages })),
  golden: 'numerics mxDotExact per block pair, summed exactly (or rounded to float32 and added in float32), formats.md §4',
  formats: (p) => ({ sa: 'e8m0', sb: 'e8m0', c: p.output, ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`a${i}`, p.elem], [`b${i}`, p.elemB || p.elem]]).flat()) }),
  cosim: { kind: 'transaction', create: mxDotGeneralGolden, stimulus: mxDotGeneralStimulus, stateful: true },
});
