// The single-path float adder (minifloat/float-add.ts) that the MX fp32 accumulator uses: every pair
// of a small IEEE-style format, and fp32/bf16 random and boundary pairs, against the golden a + b
// rounded once (numerics mfAdd). The 10^6-pair runs are in float-add.long.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUND_MODES } from '../../src/blocks/minifloat/round.js';
import { simulate } from '../../src/cosim/run.js';
import { floatAddBlock as block } from '../helpers/float-add-block.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 67);
console.log(`float-add: seed ${SEED}`);
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-fadd-'));

describe('floatAdd', () => {
  for (const round of ROUND_MODES) {
    it(`e4m3ieee: all 65536 pairs, ${round}`, async () => {
      const r = await simulate(block, { f: 'e4m3ieee', round }, 'verilator', { seed: SEED, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThanOrEqual(65536);
    }, 120_000);
  }
  for (const f of ['fp32', 'bf16', 'fp16']) {
    it(`${f}: 10^5 random pairs (half with close exponents and opposite signs) plus boundary pairs`, async () => {
      const r = await simulate(block, { f, round: 'rne' }, 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
    }, 240_000);
  }
});
