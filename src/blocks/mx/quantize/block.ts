import { mxQuantizationError } from '../../../accuracy/mx.js';
import { defineBlock } from '../../block.js';
import { mxQuantize, params } from './generator.js';
import { mxQuantizeGolden, mxQuantizeGroupGolden } from './golden.js';
import { beatsPerBlock } from './params.js';
import { mxQuantizeStimulus } from './stimulus.js';

export const mxQuantizeBlock = defineBlock({
  name: 'mx.quantize',
  summary: 'OCP MX quantizer: k float32/bf16 inputs → e8m0 scale + k element codes (floor/ceil/rceil/even scale rules; rne/rna/rtz/stochastic), all at once or L per cycle',
  params,
  generator: mxQuantize,
  fmaxBase: (p) => (beatsPerBlock(p) > 1 ? '--lanes below --block makes a lane stream, with its own fixed pipeline' : { ...p, stages: 0 }),
  golden: 'numerics/mx.ts mxQuantizeBlock (formats.md §3), exact on float32 bit patterns',
  formats: (p) => {
    const n = p.lanes ?? p.block; // ports per beat
    return { scale: 'e8m0', ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, p.elem])), ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, p.input])) };
  },
  cosim: { kind: 'transaction', create: mxQuantizeGolden, stimulus: mxQuantizeStimulus, groupSize: beatsPerBlock, createGroup: mxQuantizeGroupGolden },
  accuracy: (p, data) => mxQuantizationError(data, { elem: p.elem, block: p.block, scaleRule: p.scaleRule, round: p.round, randomBits: p.randomBits, input: p.input }),
});
