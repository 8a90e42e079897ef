// minifloat.mul, the long tier: 2·10^5 seeded random bf16 × fp16 products plus every boundary pair.
// Every pair of codes of the narrow formats, in both simulators, is in minifloat-mul.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { minifloatMulBlock } from '../../src/blocks/minifloat/mul/block.js';
import { simulate } from '../../src/cosim/run.js';

const block = minifloatMulBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfmul-'));

describe('minifloat.mul cosimulation: every pair of codes', () => {
  it('wider formats: bf16 × fp16, seeded random plus every boundary pair', async () => {
    const r = await simulate(block, minifloatMulBlock.params.parse({ a: 'bf16', b: 'fp16', stages: 1 }), 'verilator', { seed: 11, vectors: 200_000, outDir: tmp() });
    expect(r.failed).toBe(0);
    expect(r.passed).toBeGreaterThan(200_000);
  }, 120_000);
});
