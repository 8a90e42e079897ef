// minifloat.dot, the long tier: ≥ 10^6 random steps plus the directed sequences per shape in
// Verilator, Kulisch and float accumulators. The golden model, Icarus and 10^5 steps per shape are
// in minifloat-dot.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { minifloatDotBlock } from '../../src/blocks/minifloat/dot/block.js';
import { simulate } from '../../src/cosim/run.js';

const block = minifloatDotBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfdot-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 31);
console.log(`minifloat.dot (long): seed ${SEED}`);

describe('minifloat.dot', () => {
  for (const [a, b, lanes, stages, treeStages] of [['e4m3', 'e4m3', 8, 1, 0], ['e5m2', 'e5m2', 4, 0, 1], ['e2m1', 'e2m1', 8, 2, 1], ['e4m3', 'e5m2', 3, 3, 0]] as const) {
    it(`${a} × ${b}, ${lanes} lanes, stages ${stages}+${treeStages}: 10^6 random steps plus directed ones, 0 mismatches`, async () => {
      const r = await simulate(block, minifloatDotBlock.params.parse({ a, b, lanes, stages, treeStages }), 'verilator', { seed: SEED, vectors: 1_000_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(1_000_000);
    }, 240_000);
  }

  for (const [a, b, lanes, acc, round, treeStages, vectors] of [['e4m3', 'e4m3', 4, 'fp32', 'rne', 0, 1_000_000], ['e5m2', 'e5m2', 3, 'bf16', 'rdn', 1, 300_000], ['e2m1', 'e2m1', 8, 'e4m3', 'rne', 1, 300_000]] as const) {
    it(`float accumulator ${acc} (${round}), ${a} × ${b}, ${lanes} lanes: ${vectors} steps, one rounding per step`, async () => {
      const r = await simulate(block, minifloatDotBlock.params.parse({ a, b, lanes, acc, round, treeStages }), 'verilator', { seed: SEED, vectors, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(vectors);
    }, 240_000);
  }
});
