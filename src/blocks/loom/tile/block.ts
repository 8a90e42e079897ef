import { defineBlock } from '../../block.js';
import { loomTile } from './generator.js';
import { loomTileModel } from './golden.js';
import { params } from './params.js';
import { loomTileStimulus } from './stimulus.js';

export const loomTileBlock = defineBlock({
  name: 'loom.tile',
  summary: 'Loom tile: R × C serial inner-product units in lock step sharing weight (per row) and activation (per column) bit streams; Pa per step from the detector',
  params,
  generator: loomTile,
  // valid/ready both ways, timing checked cycle by cycle; the result registers add one cycle, and each pipeline stage one more.
  handshake: (p) => ({ kind: 'sequential', cycles: `${p.mode === 'fc' ? 'pw' : `ceil(min(pa, max over columns of the detected precision) / ${p.bits}) * pw`}, pa and pw clamped to 1..${p.maxPrecision}`, latency: 1 + p.stages }),
  golden: 'loom/tile/golden.ts: cycle model (R × C exact dots; Pa lowered to the largest detected column precision)',
  fmaxDepths: (p) => [0, 1, 2, 3, 4, 5].map((stages) => ({ ...p, stages })),
  cosim: { kind: 'cycle', create: loomTileModel, stimulus: loomTileStimulus },
});
