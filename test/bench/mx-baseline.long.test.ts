// The behavioural baseline of the mx.dot bench in Icarus, the long tier: the same cosimulation as
// mx-baseline.test.ts runs in Verilator, in the second simulator.

import { describe } from 'vitest';
import { mxBaselineRuns } from '../helpers/runs/mx-baseline.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 59);
console.log(`mx.dot baseline (long): seed ${SEED}`);

describe('bench/baselines/mx_dot_baseline.v', () => {
  mxBaselineRuns('icarus', SEED);
});
