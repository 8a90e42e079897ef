// hadamard.transform, the long tier: exhaustive at 2^20 inputs (N = 2 × int10, N = 4 × int5, and
// N = 2 × e5m4ieee floats, Inf and NaN included, into fp32 and into e5m2) at every register placement
// in Verilator, and in Icarus once each; 10^5 random blocks at N = 256 × int8 and N = 32 × e4m3.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { hadamardBlock } from '../../src/blocks/hadamard/transform/block.js';
import { simulate } from '../../src/cosim/run.js';

const block = hadamardBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-hadamard-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`hadamard.transform (long): seed ${SEED}`);

describe('hadamard.transform, exhaustive', () => {
  const cases: Array<[number, number, number, 'verilator' | 'icarus']> = [
    [2, 10, 0, 'verilator'], [2, 10, 1, 'verilator'], [2, 10, 1, 'icarus'],
    [4, 5, 0, 'verilator'], [4, 5, 1, 'verilator'], [4, 5, 2, 'verilator'], [4, 5, 2, 'icarus'],
  ];
  for (const [n, bits, stages, sim] of cases) {
    it(`N = ${n}, int${bits}, ${stages} stage(s), ${sim}: all 2^20 blocks`, async () => {
      const r = await simulate(block, hadamardBlock.params.parse({ n, in: `int${bits}`, stages }), sim, { seed: SEED, outDir: tmp() });
      expect([r.failed, r.passed], r.report.join('\n')).toEqual([0, 2 ** 20 + 9]);
    }, 900_000);
  }

  const floats: Array<[string, number, 'verilator' | 'icarus']> = [['fp32', 0, 'verilator'], ['fp32', 2, 'verilator'], ['e5m2', 1, 'verilator'], ['e5m2', 2, 'icarus']];
  for (const [output, stages, sim] of floats) {
    it(`N = 2, e5m4ieee → ${output}, ${stages} stage(s), ${sim}: all 2^20 blocks`, async () => {
      const r = await simulate(block, hadamardBlock.params.parse({ n: 2, in: 'e5m4ieee', output, stages }), sim, { seed: SEED, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(2 ** 20);
    }, 900_000);
  }

  it('N = 32, e4m3 → fp32, 3 stages: 10^5 random blocks plus the corners', async () => {
    const r = await simulate(block, hadamardBlock.params.parse({ n: 32, in: 'e4m3', stages: 3 }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
    expect([r.failed, r.passed > 100_000], r.report.join('\n')).toEqual([0, true]);
  }, 900_000);

  it('N = 256, int8, 8 stages: 10^5 random blocks plus the corners', async () => {
    const r = await simulate(block, hadamardBlock.params.parse({ n: 256, in: 'int8', stages: 8 }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
    expect([r.failed, r.passed > 100_000], r.report.join('\n')).toEqual([0, true]);
  }, 900_000);
});
