import { defineBlock } from '../../block.js';
import { loomSip } from './generator.js';
import { loomSipModel } from './golden.js';
import { params } from './params.js';
import { loomSipStimulus } from './stimulus.js';

export const loomSipBlock = defineBlock({
  name: 'loom.sip',
  summary: 'Loom serial inner-product unit: L lanes, weights bit-serial, B activation bits per cycle (conv) or bit-parallel (fc); exact Σ w·a in ⌈Pa/B⌉·Pw (or Pw) cycles',
  params,
  generator: loomSip,
  // valid/ready both ways, timing checked cycle by cycle; the result register adds one cycle, and each pipeline stage one more.
  handshake: (p) => ({ kind: 'sequential', cycles: `${p.mode === 'fc' ? 'pw' : `ceil(pa / ${p.bits}) * pw`}, pa and pw clamped to 1..${p.maxPrecision}`, latency: 1 + p.stages }),
  golden: 'loom/sip/golden.ts: cycle model (exact Σ w·a at runtime Pa/Pw; ⌈Pa/B⌉·Pw cycles per step, result the cycle after, one more per stage)',
  fmaxDepths: (p) => [0, 1, 2, 3, 4].map((stages) => ({ ...p, stages })),
  cosim: { kind: 'cycle', create: loomSipModel, stimulus: loomSipStimulus },
});
