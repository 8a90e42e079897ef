// int.mac with the written-out radix-4 Booth multiplier and with `*`: bit-exact against the golden
// model for signed and unsigned, even and odd widths. 10^6 operations for the 8×8 unit are in
// int-mac.long.test.ts.

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
console.log(`int.mac: seed ${SEED}`);

describe('int.mac multipliers', () => {
  it('booth 8×8 signed: 10^5 operations plus the accumulator-bound sequences', async () => {
    const r = await simulate(block, intMacBlock.params.parse({}), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
    expect([r.failed, r.passed > 100_000], r.report.join('\n')).toEqual([0, true]);
  }, 120_000);

  for (const p of [{ aBits: 3, bBits: 3, signed: true }, { aBits: 5, bBits: 7, signed: true }, { aBits: 7, bBits: 2, signed: false }, { aBits: 1, bBits: 1, signed: false }, { aBits: 12, bBits: 9, signed: true }]) {
    for (const multiplier of ['booth', 'operator'] as const) {
      it(`${multiplier} ${p.aBits}×${p.bBits} ${p.signed ? 'signed' : 'unsigned'}`, async () => {
        const r = await simulate(block, intMacBlock.params.parse({ ...p, multiplier, n: 8 }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
        expect(r.failed, r.report.join('\n')).toBe(0);
      }, 120_000);
    }
  }

  // The clear choice before the add (lut6) or after it (lut4), and the earlier adder tree.
  for (const v of [{ fabric: 'lut4' }, { fabric: 'lut6' }, { arith: 'legacy' }, { fabric: 'lut4', aBits: 5, bBits: 7, stages: 0 }, { fabric: 'lut4', signed: false, stages: 2 }] as const) {
    it(`booth ${JSON.stringify(v)}: 10^5 operations, 0 mismatches`, async () => {
      const r = await simulate(block, intMacBlock.params.parse({ ...v, n: 8 }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
    }, 120_000);
  }
  it('Icarus agrees: booth 8×8 on lut4 and lut6', async () => {
    for (const fabric of ['lut4', 'lut6'] as const) {
      const r = await simulate(block, intMacBlock.params.parse({ fabric }), 'icarus', { seed: SEED, vectors: 5000, outDir: tmp() });
      expect([r.failed, r.passed > 5000], r.report.join('\n')).toEqual([0, true]);
    }
  }, 300_000);
});
