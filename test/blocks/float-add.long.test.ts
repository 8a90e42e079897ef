// The single-path float adder, the long tier: 10^6 random fp32/bf16/fp16 pairs plus boundary pairs
// against the golden a + b rounded once. Every pair of e4m3ieee and 10^5 random pairs are in
// float-add.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/cosim/run.js';
import { floatAddBlock as block } from '../helpers/float-add-block.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 67);
console.log(`float-add (long): seed ${SEED}`);
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-fadd-'));

describe('floatAdd', () => {
  for (const f of ['fp32', 'bf16', 'fp16']) {
    it(`${f}: 10^6 random pairs (half with close exponents and opposite signs) plus boundary pairs`, async () => {
      const r = await simulate(block, { f, round: 'rne' }, 'verilator', { seed: SEED, vectors: 1_000_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
    }, 240_000);
  }
});
