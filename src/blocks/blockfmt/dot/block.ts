import { blockAccuracy } from '../../../accuracy/blockfmt.js';
import { defineBlock } from '../../block.js';
import { elemOf, hasTensorScale } from '../params.js';
import { blockDotLatency, blockfmtDot, elemBName, params } from './generator.js';
import { blockfmtDotGolden } from './golden.js';
import { blockfmtDotStimulus } from './stimulus.js';

export const blockfmtDotBlock = defineBlock({
  name: 'blockfmt.dot',
  summary: 'block-scaled dot product of two blocks → float32: exact element products and sum, times the scales (and tensor scales), one RNE rounding (MXFP*, MXINT8/4, NVFP4, NVINT4, UE5M3)',
  params,
  generator: blockfmtDot,
  handshake: (p) => ({ kind: 'pipeline', latency: blockDotLatency(p) }),
  fmaxBase: (p) => ({ ...p, stages: 0, treeStages: 0, ...(p.scale === 'e8m0' ? {} : { mulStages: 0 }) }),
  golden: 'numerics/blockfmt.ts blockDotExact (formats.md §4, §8) rounded once with RNE',
  formats: (p) => {
    const sc = p.scale, ts = hasTensorScale(p) ? { sta: 'fp32', stb: 'fp32' } : {};
    return { sa: sc, sb: sc, c: 'fp32', ...ts, ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`a${i}`, elemOf(p).name], [`b${i}`, elemOf(p, elemBName(p)).name]]).flat()) };
  },
  cosim: { kind: 'transaction', create: blockfmtDotGolden, stimulus: blockfmtDotStimulus },
  // W·x with both operands in the format (a mixed pair has no single format to measure: no figure).
  accuracy: (p, data) => (elemBName(p) !== p.elem ? ({} as Record<string, number>) : { dotRelErr: blockAccuracy(data, { elem: p.elem, block: p.block, scale: p.scale, tensorScale: p.tensorScale, intRange: p.intRange }).dotRelErr }),
});
