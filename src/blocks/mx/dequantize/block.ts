import { defineBlock } from '../../block.js';
import { mxDequantize, params } from './generator.js';
import { mxDequantizeGolden } from './golden.js';
import { mxDequantizeStimulus } from './stimulus.js';

export const mxDequantizeBlock = defineBlock({
  name: 'mx.dequantize',
  summary: 'OCP MX dequantizer: e8m0 scale + k element codes → k fp32/bf16 values X · P_i (rounded once, RNE)',
  params,
  generator: mxDequantize,
  handshake: (p) => (p.stages === 0 ? { kind: 'combinational' } : { kind: 'pipeline', latency: p.stages }),
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'numerics dyadic X · P_i (formats.md §3) rounded once into the output format',
  formats: (p) => ({ scale: 'e8m0', ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`p${i}`, p.elem], [`v${i}`, p.output]]).flat()) }),
  cosim: { kind: 'transaction', create: mxDequantizeGolden, stimulus: mxDequantizeStimulus },
});
