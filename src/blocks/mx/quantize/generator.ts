// mx.quantize: k float32 (or bf16) inputs → one e8m0 scale and k element codes (formats.md §3).
// All k at once (parallel.ts), or L per cycle on a valid/ready stream (lane-stream.ts).

import { defineModule } from '../../../dsl/index.js';
import { laneStreamQuantizer } from './lane-stream.js';
import { parallelQuantizer } from './parallel.js';
import { beatsPerBlock, type QuantizeParams } from './params.js';

export { params, type QuantizeParams } from './params.js';

export const mxQuantize = defineModule('mx_quantize', (p: QuantizeParams) => {
  if (beatsPerBlock(p) > 1) laneStreamQuantizer(p);
  else parallelQuantizer(p);
});
