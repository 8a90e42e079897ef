import { blockQuantizationError } from '../../../accuracy/blockfmt.js';
import { defineBlock } from '../../block.js';
import { elemOf, hasTensorScale, ROTATED_FMAX, rotateStagesOf } from '../params.js';
import { blockfmtQuantize, params } from './generator.js';
import { blockfmtQuantizeGolden } from './golden.js';
import { blockfmtQuantizeStimulus } from './stimulus.js';

export const blockfmtQuantizeBlock = defineBlock({
  name: 'blockfmt.quantize',
  summary: 'block-scaled quantizer for any (element, k, e8m0|ue4m3|ue5m3 scale, tensor scale): MXFP*, MXINT8/4, NVFP4, NVINT4, UE5M3; stochastic rounding from on-chip LFSRs',
  params,
  generator: blockfmtQuantize,
  handshake: (p) => (p.stages + rotateStagesOf(p) === 0 ? { kind: 'combinational' } : { kind: 'pipeline', latency: p.stages + rotateStagesOf(p) }),
  fmaxBase: (p) => (p.rng === 'lfsr' ? 'the LFSR is a register that steps on in_valid: place the registers with --stages'
    : p.rotate === 'hadamard' ? ROTATED_FMAX : { ...p, stages: 0 }),
  golden: 'numerics/blockfmt.ts quantizeBlock (formats.md §8), LFSR bits from numerics/lfsr.ts',
  formats: (p) => ({
    scale: p.scale, ...(hasTensorScale(p) ? { st: 'fp32' } : {}),
    ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`p${i}`, elemOf(p).name], [`v${i}`, p.input]]).flat()),
  }),
  cosim: { kind: 'transaction', create: blockfmtQuantizeGolden, stimulus: blockfmtQuantizeStimulus, stateful: true },
  accuracy: (p, data) => blockQuantizationError(data, p),
});
