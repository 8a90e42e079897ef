import { defineBlock } from '../../block.js';
import { mokeyPe } from './generator.js';
import { peModel } from './golden.js';
import { params } from './params.js';
import { peStimulus } from './stimulus.js';

export const mokeyPeBlock = defineBlock({
  name: 'mokey.pe',
  summary: 'Mokey PE: L pairs of 4-bit dictionary codes per cycle into saturating exponent-sum (H), linear (G, G′) and Z counters, an outlier 16 × 16 MAC lane; per dot product the fixed-point post-processing A²·ΣH·B^e + A·C·Σ(G + G′)·B^i + C²·Z, scaled',
  params,
  generator: mokeyPe,
  // A packet is one dot product; its result leaves on out_valid/out_ready (the generator's streams).
  fmaxDepths: (p) => [0, 1, 2, 3, 4].map((stages) => ({ ...p, stages })),
  golden: 'mokey/pe/golden.ts: counters, constants and rounding from blocks.md §6 in BigInt',
  cosim: {
    kind: 'packet',
    createPacket: peModel,
    stimulus: (p) => peStimulus(p),
  },
});
