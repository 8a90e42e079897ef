import { defineBlock } from '../../block.js';
import { tensordashMux } from './generator.js';
import { muxGolden } from './golden.js';
import { params } from './params.js';
import { muxStimulus } from './stimulus.js';

export const tensordashMuxBlock = defineBlock({
  name: 'tensordash.mux',
  summary: 'TensorDash interconnect: per multiplier lane an up-to-8-input mux on (dt, dl) positions of the staging buffer; A and B share the select',
  params,
  generator: tensordashMux,
  handshake: () => ({ kind: 'combinational' }),
  fmaxBase: (p) => p,
  golden: 'tensordash/mux/golden.ts (blocks.md §4 candidate positions)',
  cosim: { kind: 'transaction', create: muxGolden, stimulus: muxStimulus },
});
