// int.mac, the long tier: 10^6 operations of the 8×8 Booth unit against the golden model. The other
// widths and both multipliers are in int-mac.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { intMacBlock } from '../../src/blocks/int/mac/block.js';
import { simulate } from '../../src/cosim/run.js';

const block = intMacBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-intmac-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 8);
console.log(`int.mac (long): seed ${SEED}`);

describe('int.mac multipliers', () => {
  it('booth 8×8 signed: 10^6 operations plus the accumulator-bound sequences', async () => {
    const r = await simulate(block, intMacBlock.params.parse({}), 'verilator', { seed: SEED, vectors: 1_000_000, outDir: tmp() });
    expect([r.failed, r.passed > 1_000_000], r.report.join('\n')).toEqual([0, true]);
  }, 120_000);
});
