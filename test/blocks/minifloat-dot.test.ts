// minifloat.dot (Kulisch): 10^5 random steps plus the directed sequences (bound of n·L largest
// products, lanes that cancel, NaN/Inf, subnormals) in Verilator (≥ 10^6 in minifloat-dot.long.test.ts);
// Icarus on a shorter run; the golden model against BigInt sums of float64 products.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { minifloatDotBlock } from '../../src/blocks/minifloat/dot/block.js';
import { dotWidth } from '../../src/blocks/minifloat/dot/generator.js';
import { minifloatDotGolden } from '../../src/blocks/minifloat/dot/golden.js';
import { minifloatDotStimulus } from '../../src/blocks/minifloat/dot/stimulus.js';
import { seededRng } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { emin, parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const block = minifloatDotBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfdot-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 31);
console.log(`minifloat.dot: seed ${SEED}`);

describe('minifloat.dot', () => {
  it('golden model: per step, the lanes\' float64 products summed in LSB units, wrapped; the directed steps include exact cancellation', () => {
    const p = minifloatDotBlock.params.parse({ a: 'e5m2', b: 'e4m3', lanes: 4 });
    const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
    const unit = 2 ** (emin(fa) - fa.manBits + emin(fb) - fb.manBits);
    const g = minifloatDotGolden(p), s = minifloatDotStimulus(p), W = dotWidth(p);
    const rng = seededRng(SEED);
    let acc = 0n, zeros = 0;
    for (const v of [...s.directed, ...Array.from({ length: 5000 }, () => s.random(rng))]) {
      if (v.clear === 1n) acc = 0n;
      let stepNum = 0n;
      for (let i = 0; i < p.lanes; i++) {
        const x = decodeToNumber(fa, Number(v[`a${i}`])) * decodeToNumber(fb, Number(v[`b${i}`]));
        if (Number.isFinite(x)) stepNum += BigInt(x / unit);
      }
      acc = BigInt.asIntN(W, acc + stepNum);
      if (v.clear === 1n && acc === 0n) zeros++;
      expect(g(v).acc).toBe(acc);
    }
    expect(zeros).toBeGreaterThan(0);
  });

  for (const [a, b, lanes, stages, treeStages] of [['e4m3', 'e4m3', 8, 1, 0], ['e5m2', 'e5m2', 4, 0, 1], ['e2m1', 'e2m1', 8, 2, 1], ['e4m3', 'e5m2', 3, 3, 0]] as const) {
    it(`${a} × ${b}, ${lanes} lanes, stages ${stages}+${treeStages}: 10^5 random steps plus directed ones, 0 mismatches`, async () => {
      const r = await simulate(block, minifloatDotBlock.params.parse({ a, b, lanes, stages, treeStages }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(100_000);
    }, 240_000);
  }

  for (const [a, b, lanes, acc, round, treeStages, vectors] of [['e4m3', 'e4m3', 4, 'fp32', 'rne', 0, 100_000], ['e5m2', 'e5m2', 3, 'bf16', 'rdn', 1, 100_000], ['e2m1', 'e2m1', 8, 'e4m3', 'rne', 1, 100_000]] as const) {
    it(`float accumulator ${acc} (${round}), ${a} × ${b}, ${lanes} lanes: ${vectors} steps, one rounding per step`, async () => {
      const r = await simulate(block, minifloatDotBlock.params.parse({ a, b, lanes, acc, round, treeStages }), 'verilator', { seed: SEED, vectors, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(vectors);
    }, 240_000);
  }

  it('Icarus agrees (e5m2, 2 lanes, 20,000 steps)', async () => {
    const r = await simulate(block, minifloatDotBlock.params.parse({ a: 'e5m2', b: 'e5m2', lanes: 2 }), 'icarus', { seed: SEED, vectors: 20_000, outDir: tmp() });
    expect(r.failed, r.report.join('\n')).toBe(0);
  }, 120_000);
});
