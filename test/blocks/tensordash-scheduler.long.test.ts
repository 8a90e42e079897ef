// tensordash.scheduler, the long tier: exhaustive on a window of 2^18 (6 lanes, H = 2, a custom
// candidate set). The schedule's invariants and the smaller windows are in tensordash-scheduler.test.ts.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { tensordashSchedulerBlock } from '../../src/blocks/tensordash/scheduler/block.js';
import { cosimClean } from '../helpers/cosim.js';

const block = tensordashSchedulerBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 73);
console.log(`tensordash.scheduler (long): seed ${SEED}`);
const params = (o: Record<string, unknown>) => tensordashSchedulerBlock.params.parse(o);

describe('tensordash.scheduler RTL', () => {
  for (const c of [{ lanes: 6, lookahead: 2, candidates: '0:0,2:0,1:2,2:-1,1:-2' }]) {
    it(`${JSON.stringify(c)}: exhaustive in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED });
      expect(r.source).toMatch(/^exhaustive/);
    }, 240_000);
  }
});
