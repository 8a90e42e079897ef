import { nvfp4DotError } from '../../../accuracy/nvfp4.js';
import { defineBlock } from '../../block.js';
import { mxNvfp4Dot, nvfp4DotLatency, params } from './generator.js';
import { nvfp4DotGolden } from './golden.js';
import { nvfp4DotStimulus } from './stimulus.js';

export const mxNvfp4DotBlock = defineBlock({
  name: 'mx.nvfp4-dot',
  summary: 'NVFP4 dot: two blocks of 16 e2m1 codes with ue4m3 block scales and float32 tensor scales → float32, exact then one RNE rounding',
  params,
  generator: mxNvfp4Dot,
  handshake: (p) => ({ kind: 'pipeline', latency: nvfp4DotLatency(p) }),
  fmaxBase: (p) => ({ ...p, stages: 0, treeStages: 0, mulStages: 0 }),
  golden: 'numerics/nvfp4.ts nvfp4DotExact: dyadic S_bA·S_bB·S_tA·S_tB·Σ P_A,i·P_B,i, rounded once (RNE)',
  formats: (p) => ({ sa: 'ue4m3', sb: 'ue4m3', sta: 'fp32', stb: 'fp32', c: 'fp32', ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`a${i}`, 'e2m1'], [`b${i}`, 'e2m1']]).flat()) }),
  accuracy: (p, data) => ({ dotRelErr: nvfp4DotError(data, { block: p.block }).dotRelErr }),
  cosim: { kind: 'transaction', create: nvfp4DotGolden, stimulus: nvfp4DotStimulus },
});
