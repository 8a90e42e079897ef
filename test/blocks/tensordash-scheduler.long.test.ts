// tensordash.scheduler, the long tier: exhaustive on a window of 2^18 (6 lanes, H = 2, a custom
// candidate set) and 10^5 random windows per shape. The schedule's invariants and the smaller windows
// are in tensordash-scheduler.test.ts.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { tensordashSchedulerBlock } from '../../src/blocks/tensordash/scheduler/block.js';
import { cosimClean } from '../helpers/cosim.js';
import { LARGE_SPACE, schedulerRuns } from '../helpers/runs/tensordash.js';

const block = tensordashSchedulerBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 73);
console.log(`tensordash.scheduler (long): seed ${SEED}`);
const params = (o: Record<string, unknown>) => tensordashSchedulerBlock.params.parse(o);

describe('tensordash.scheduler RTL', () => {
  schedulerRuns('long', SEED);

  for (const c of [LARGE_SPACE]) {
    it(`${JSON.stringify(c)}: exhaustive in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED });
      expect(r.source).toMatch(/^exhaustive/);
    }, 240_000);
  }
});
