// mx.dot, the long tier: the Verilator runs of mx-dot.test.ts's configurations at their full counts.

import { describe } from 'vitest';
import { mxDotRuns } from '../helpers/runs/mx.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 53);
console.log(`mx.dot (long): seed ${SEED}`);

describe('mx.dot', () => {
  mxDotRuns('long', SEED);
});
