// tensordash.mux and tensordash.scheduler in Verilator per shape, at the tier's vector count
// (tiers.ts): the fast tier's files and the long tier's call the same suites.

import { expect, it } from 'vitest';
import { tensordashMuxBlock } from '../../../src/blocks/tensordash/mux/block.js';
import { tensordashSchedulerBlock } from '../../../src/blocks/tensordash/scheduler/block.js';
import { cosimClean } from '../cosim.js';
import { countLabel, VECTORS, type Tier } from '../tiers.js';

/** 6 lanes with H = 2: a 2^18 window space, exhaustive in the long tier. */
export const LARGE_SPACE = { lanes: 6, lookahead: 2, candidates: '0:0,2:0,1:2,2:-1,1:-2' };

export function muxRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier];
  for (const c of [{}, { lanes: 4, lookahead: 1, aBits: 3, bBits: 2 }, { lanes: 6, lookahead: 3, candidates: '0:0,3:0,1:2,2:-1' }, { lanes: 32, lookahead: 2, aBits: 16, bBits: 4 }]) {
    it(`${JSON.stringify(c)}: every select on marked buffers plus ${countLabel(n)} random ones in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(tensordashMuxBlock, tensordashMuxBlock.params.parse(c), 'verilator', { seed, vectors: n });
      expect(r.passed).toBeGreaterThan(n);
    }, 240_000);
  }
}

export function schedulerRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier];
  for (const c of [{}, { lanes: 32, lookahead: 2 }, { lanes: 16, lookahead: 3, candidates: '0:0,1:0,2:0,3:0,1:-1,1:1,2:-2,2:2' }, LARGE_SPACE]) {
    it(`${JSON.stringify(c)}: ${countLabel(n)} random windows at 0–100 % sparsity plus directed ones, 0 mismatches`, async () => {
      const r = await cosimClean(tensordashSchedulerBlock, tensordashSchedulerBlock.params.parse(c), 'verilator', { seed, vectors: n });
      expect(r.passed).toBeGreaterThan(n);
    }, 240_000);
  }
}
