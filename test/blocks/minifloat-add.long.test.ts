// minifloat.add, the long tier: 10^6 random pairs with boundary pairs for a 24-bit input space. Every
// pair of the small formats, Icarus, and 10^5 random pairs of the wide one are in minifloat-add.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { minifloatAddBlock } from '../../src/blocks/minifloat/add/block.js';
import { simulate } from '../../src/cosim/run.js';

const block = minifloatAddBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfadd-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 5);
console.log(`minifloat.add (long): seed ${SEED}`);

describe('minifloat.add cosimulation', () => {
  it('fp16 + e5m2 → e4m3: 10^6 random pairs plus NaN, Inf, subnormal, overflow and cancellation pairs', async () => {
    const r = await simulate(block, minifloatAddBlock.params.parse({ a: 'fp16', b: 'e5m2', out: 'e4m3' }), 'verilator', { seed: SEED, vectors: 1_000_000, outDir: tmp() });
    expect(r.failed, r.report.join('\n')).toBe(0);
    expect(r.passed).toBeGreaterThan(1_000_000);
  }, 180_000);
});
