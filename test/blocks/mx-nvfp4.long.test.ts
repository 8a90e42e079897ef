// mx.nvfp4-quantize and mx.nvfp4-dot, the long tier: 10^5 random plus directed vectors per variant
// in Verilator. The golden models, the 2·10^4 runs and Icarus are in mx-nvfp4.test.ts.

import { describe } from 'vitest';
import { nvfp4DotRuns, nvfp4QuantizeRuns } from '../helpers/runs/mx.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 71);
console.log(`mx.nvfp4 (long): seed ${SEED}`);

describe('mx.nvfp4-quantize', () => {
  nvfp4QuantizeRuns('long', SEED);
});

describe('mx.nvfp4-dot', () => {
  nvfp4DotRuns('long', SEED);
});
