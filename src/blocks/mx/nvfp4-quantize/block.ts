import { nvfp4QuantizationError } from '../../../accuracy/nvfp4.js';
import { defineBlock } from '../../block.js';
import { mxNvfp4Quantize, params } from './generator.js';
import { nvfp4QuantizeGolden } from './golden.js';
import { nvfp4QuantizeStimulus } from './stimulus.js';

export const mxNvfp4QuantizeBlock = defineBlock({
  name: 'mx.nvfp4-quantize',
  summary: 'NVFP4 quantizer: 16 float32 inputs + float32 tensor scale → ue4m3 block scale + 16 e2m1 codes, in the float32 order of formats.md §5',
  params,
  generator: mxNvfp4Quantize,
  handshake: (p) => (p.stages === 0 ? { kind: 'combinational' } : { kind: 'pipeline', latency: p.stages }),
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'numerics/nvfp4.ts nvfp4QuantizeBlock (formats.md §5): float32 divisions, RNE to ue4m3 and e2m1',
  formats: (p) => ({ scale: 'ue4m3', st: 'fp32', ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`p${i}`, 'e2m1'], [`v${i}`, 'fp32']]).flat()) }),
  accuracy: (p, data) => nvfp4QuantizationError(data, { block: p.block, torchaoClamp: p.scaleClamp === 'torchao' }),
  cosim: { kind: 'transaction', create: nvfp4QuantizeGolden, stimulus: nvfp4QuantizeStimulus },
});
