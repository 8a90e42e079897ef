import { mxDotError } from '../../../accuracy/mx.js';
import { defineBlock } from '../../block.js';
import { dotLatency, elemBOf, mxDot, params } from './generator.js';
import { mxDotGolden } from './golden.js';
import { mxDotStimulus } from './stimulus.js';

export const mxDotBlock = defineBlock({
  name: 'mx.dot',
  summary: 'OCP MX dot product of two blocks: exact element products, exact adder tree, scale add, one RNE rounding to fp32/bf16 (mixed element formats)',
  params,
  generator: mxDot,
  handshake: (p) => ({ kind: 'pipeline', latency: dotLatency(p) }),
  fmaxBase: (p) => ({ ...p, stages: 0, treeStages: 0 }),
  golden: 'numerics/mx-dot.ts mxDotExact (formats.md §4) rounded once with RNE',
  formats: (p) => ({ sa: 'e8m0', sb: 'e8m0', c: p.output, ...Object.fromEntries(Array.from({ length: p.block }, (_, i) => [[`a${i}`, p.elem], [`b${i}`, elemBOf(p)]]).flat()) }),
  cosim: { kind: 'transaction', create: mxDotGolden, stimulus: mxDotStimulus },
  accuracy: (p, data) => ({ dotRelErr: mxDotError(data, { elem: p.elem, elemB: elemBOf(p), block: p.block }).dotRelErr }),
});
