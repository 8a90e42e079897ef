// minifloat.mac, the long tier: ≥ 10^6 random operations plus the directed sequences per shape in
// Verilator, Kulisch and float accumulators. The golden model, Icarus and 10^5 operations per shape
// are in minifloat-mac.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { minifloatMacBlock } from '../../src/blocks/minifloat/mac/block.js';
import { simulate } from '../../src/cosim/run.js';

const block = minifloatMacBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfmac-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 2026);
console.log(`minifloat.mac (long): seed ${SEED}`);

describe('minifloat.mac cosimulation', () => {
  for (const [a, b, stages] of [['e4m3', 'e4m3', 1], ['e5m2', 'e5m2', 0], ['e2m1', 'e2m1', 2], ['e4m3', 'e5m2', 3]] as const) {
    it(`${a} × ${b}, ${stages} stage(s): 10^6 random operations plus directed sequences, 0 mismatches`, async () => {
      const r = await simulate(block, minifloatMacBlock.params.parse({ a, b, stages }), 'verilator', { seed: SEED, vectors: 1_000_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(1_000_000);
    }, 180_000);
  }

  for (const [a, b, acc, round, vectors] of [['e4m3', 'e4m3', 'fp32', 'rne', 1_000_000], ['e4m3', 'e5m2', 'bf16', 'rne', 1_000_000], ['e5m2', 'e5m2', 'fp16', 'rdn', 300_000], ['e2m1', 'e2m1', 'e4m3', 'rtz', 300_000], ['e5m2', 'e5m2', 'e5m2', 'rup', 300_000]] as const) {
    it(`float accumulator ${acc} (${round}), ${a} × ${b}: ${vectors} operations, one rounding per step, 0 mismatches`, async () => {
      const r = await simulate(block, minifloatMacBlock.params.parse({ a, b, acc, round }), 'verilator', { seed: SEED, vectors, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(vectors);
    }, 240_000);
  }
});
