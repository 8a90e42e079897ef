import { defineBlock } from '../../block.js';
import { minifloatMulStimulus } from '../mul/stimulus.js';
import { minifloatAdd, params } from './generator.js';
import { minifloatAddGolden } from './golden.js';

export const minifloatAddBlock = defineBlock({
  name: 'minifloat.add',
  summary: 'a + b for any two minifloat formats, rounded once into an output format (rne, rna, rtz, rup, rdn)',
  params,
  generator: minifloatAdd,
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'minifloat/add/golden.ts: exact sum rounded once by the numerics encoder (formats.md §2, §6)',
  formats: (p) => ({ a: p.a, b: p.b, sum: p.out }),
  // Pairs of codes: every pair when they fit 20 bits, else boundary pairs and random ones.
  cosim: { kind: 'transaction', create: minifloatAddGolden, stimulus: minifloatMulStimulus },
});
