// tensordash.mux, the long tier: 10^5 random buffers per shape in Verilator. Routing by hand, the
// exhaustive tiny instance, Icarus and the 2·10^4 runs are in tensordash-mux.test.ts.

import { describe } from 'vitest';
import { muxRuns } from '../helpers/runs/tensordash.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 79);
console.log(`tensordash.mux (long): seed ${SEED}`);

describe('tensordash.mux', () => {
  muxRuns('long', SEED);
});
