import { defineBlock } from '../../block.js';
import { minifloatMul, params } from './generator.js';
import { minifloatMulGolden } from './golden.js';
import { minifloatMulStimulus } from './stimulus.js';

export const minifloatMulBlock = defineBlock({
  name: 'minifloat.mul',
  summary: 'exact product of two minifloats (any eXmY) as a two\'s-complement fixed-point word for Kulisch accumulation; NaN/Inf flags',
  params,
  generator: minifloatMul,
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'minifloat/mul/golden.ts: exact dyadic product (formats.md §6), in units of 2^(2·emin − Ma − Mb)',
  formats: (p) => ({ a: p.a, b: p.b, ...(p.out !== 'fixed' ? { p: p.out } : {}) }),
  cosim: { kind: 'transaction', create: minifloatMulGolden, stimulus: minifloatMulStimulus },
});

