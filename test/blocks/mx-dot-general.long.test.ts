// mx.dot-general, the long tier: the Verilator runs of mx-dot-general.test.ts's configurations at their full counts.

import { describe } from 'vitest';
import { mxDotGeneralRuns } from '../helpers/runs/mx.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 71);
console.log(`mx.dot-general (long): seed ${SEED}`);

describe('mx.dot-general', () => {
  mxDotGeneralRuns('long', SEED);
});
