// The bench compares mx.dot with a behavioural baseline: that comparison only means something if
// the baseline computes the same function. Here it replaces the generated Verilog under the same
// cosimulation (golden model, directed and random block pairs) for every OCP element format, in
// Verilator; mx-baseline.long.test.ts runs the same in Icarus.

import { describe } from 'vitest';
import { mxBaselineRuns } from '../helpers/runs/mx-baseline.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 59);
console.log(`mx.dot baseline: seed ${SEED}`);

describe('bench/baselines/mx_dot_baseline.v', () => {
  mxBaselineRuns('verilator', SEED);
});
