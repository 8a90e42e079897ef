import { defineBlock } from '../../block.js';
import { elemOf, hasTensorScale, ROTATED_FMAX, rotateStagesOf } from '../params.js';
import { blockfmtDequantize, params } from './generator.js';
import { blockfmtDequantizeGolden } from './golden.js';
import { blockfmtDequantizeStimulus } from './stimulus.js';

export const blockfmtDequantizeBlock = defineBlock({
  name: 'blockfmt.dequantize',
  summary: 'block-scaled dequantizer: scale (+ tensor scale) and k element codes → k float32 values P_i · S · S_t, rounded once (MXFP*, MXINT8/4, NVFP4, NVINT4, UE5M3)',
  params,
  generator: blockfmtDequantize,
  handshake: (p) => (p.stages + rotateStagesOf(p) === 0 ? { kind: 'combinational' } : { kind: 'pipeline', latency: p.stages + rotateStagesOf(p) }),
  fmaxBase: (p) => (p.rotate === 'hadamard' ? ROTATED_FMAX : { ...p, stages: 0 }),
  golden: 'numerics/blockfmt.ts dequantizeBlock (formats.md §8): exact product, one RNE rounding',
  formats: (p) => ({
    scale: p.scale, ...(hasTensorScale(p) ? { st: 'fp32' } : {}),
    ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`p${i}`, elemOf(p).name], [`v${i}`, 'fp32']]).flat()),
  }),
  cosim: { kind: 'transaction', create: blockfmtDequantizeGolden, stimulus: blockfmtDequantizeStimulus },
});
