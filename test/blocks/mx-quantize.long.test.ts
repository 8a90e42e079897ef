// mx.quantize, the long tier: the Verilator runs of mx-quantize.test.ts's configurations at their full counts.

import { describe } from 'vitest';
import { mxQuantizeRuns, mxQuantizeVariantRuns } from '../helpers/runs/mx.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 47);
console.log(`mx.quantize (long): seed ${SEED}`);

describe('mx.quantize', () => {
  mxQuantizeRuns('long', SEED);
  mxQuantizeVariantRuns('long', SEED);
});
