// loom.precision, the long tier: the shapes of 2^18 to 2^20 inputs, exhaustive in Verilator. The
// golden model, the shapes up to 2^16 inputs and random groups are in loom-precision.test.ts.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loomPrecisionBlock } from '../../src/blocks/loom/precision/block.js';
import { cosimClean } from '../helpers/cosim.js';
import { PRECISION_LARGE_SPACES as exhaustive } from '../helpers/loom.js';

const block = loomPrecisionBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 67);
console.log(`loom.precision (long): seed ${SEED}`);
const params = (o: Record<string, unknown>) => loomPrecisionBlock.params.parse(o);

describe('loom.precision', () => {
  for (const c of exhaustive) {
    it(`${JSON.stringify(c)}: exhaustive in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED });
      expect(r.source).toMatch(/^exhaustive/);
    }, 240_000);
  }
});
