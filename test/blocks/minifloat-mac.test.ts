// minifloat.mac (Kulisch and float accumulators): 10^5 random operations plus directed NaN / Inf /
// subnormal / overflow-bound / cancellation sequences, in Verilator (≥ 10^6 in
// minifloat-mac.long.test.ts); a shorter run in Icarus; the golden model against an independent
// float64 running sum where that sum is exact.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { emitBlock } from '../../src/codegen/emit-block.js';
import { minifloatMacBlock } from '../../src/blocks/minifloat/mac/block.js';
import { macWidth } from '../../src/blocks/minifloat/mac/generator.js';
import { minifloatMacGolden } from '../../src/blocks/minifloat/mac/golden.js';
import { minifloatMacStimulus } from '../../src/blocks/minifloat/mac/stimulus.js';
import { seededRng } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { emin, parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const block = minifloatMacBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfmac-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 2026);
console.log(`minifloat.mac: seed ${SEED}`);

describe('minifloat.mac golden model', () => {
  for (const [a, b] of [['e4m3', 'e4m3'], ['e5m2', 'e5m2'], ['e2m1', 'e3m2']] as const) {
    it(`${a} × ${b}: word = running sum of the float64 products in LSB units, wrapped; flags follow IEEE addition`, () => {
      const fa = parseFormat(a) as FloatFormat, fb = parseFormat(b) as FloatFormat;
      const unit = 2 ** (emin(fa) - fa.manBits + emin(fb) - fb.manBits);
      const p = { a, b, n: 1024 };
      const g = minifloatMacGolden(p), s = minifloatMacStimulus(p);
      const rng = seededRng(SEED);
      const W = macWidth(minifloatMacBlock.params.parse(p));
      let finite = 0n, special = 0, flagged = 0;
      const vs = [...s.directed, ...Array.from({ length: 20_000 }, () => s.random(rng))];
      for (const v of vs) {
        if (v.clear === 1n) { finite = 0n; special = 0; }
        const x = decodeToNumber(fa, Number(v.a)) * decodeToNumber(fb, Number(v.b));
        // One product is exact in float64 (a few significand bits); the sum is kept in BigInt.
        if (Number.isFinite(x)) finite = BigInt.asIntN(W, finite + BigInt(x / unit)); else special += x;
        const out = g(v);
        expect(out.acc).toBe(finite);
        if (out.nan !== undefined) expect(out.nan).toBe(Number.isNaN(special) ? 1n : 0n);
        if (out.pinf !== undefined) expect([out.pinf, out.ninf]).toEqual([special === Infinity ? 1n : 0n, special === -Infinity ? 1n : 0n]);
        if (out.nan === 1n || out.pinf === 1n || out.ninf === 1n) flagged++;
      }
      if (fa.specials !== 'finite') expect(flagged).toBeGreaterThan(0); // the directed sequences reach the specials
    });
  }
});

describe('minifloat.mac cosimulation', () => {
  for (const [a, b, stages] of [['e4m3', 'e4m3', 1], ['e5m2', 'e5m2', 0], ['e2m1', 'e2m1', 2], ['e4m3', 'e5m2', 3]] as const) {
    it(`${a} × ${b}, ${stages} stage(s): 10^5 random operations plus directed sequences, 0 mismatches`, async () => {
      const r = await simulate(block, minifloatMacBlock.params.parse({ a, b, stages }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(100_000);
    }, 180_000);
  }

  for (const [a, b, acc, round, vectors] of [['e4m3', 'e4m3', 'fp32', 'rne', 100_000], ['e4m3', 'e5m2', 'bf16', 'rne', 100_000], ['e5m2', 'e5m2', 'fp16', 'rdn', 100_000], ['e2m1', 'e2m1', 'e4m3', 'rtz', 100_000], ['e5m2', 'e5m2', 'e5m2', 'rup', 100_000]] as const) {
    it(`float accumulator ${acc} (${round}), ${a} × ${b}: ${vectors} operations, one rounding per step, 0 mismatches`, async () => {
      const r = await simulate(block, minifloatMacBlock.params.parse({ a, b, acc, round }), 'verilator', { seed: SEED, vectors, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(vectors);
    }, 240_000);
  }

  it('Icarus agrees (e5m2, 20,000 operations); a small n wraps like the golden model', async () => {
    const r = await simulate(block, minifloatMacBlock.params.parse({ a: 'e5m2', b: 'e5m2' }), 'icarus', { seed: SEED, vectors: 20_000, outDir: tmp() });
    expect(r.failed, r.report.join('\n')).toBe(0);
    const w = await simulate(block, minifloatMacBlock.params.parse({ a: 'e4m3', b: 'e4m3', n: 2 }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
    expect(w.failed, w.report.join('\n')).toBe(0);
  }, 120_000);

  it('accumulator width: n products of the largest magnitude, plus a sign bit', () => {
    // e4m3: 448² = 200704 = 196·2^10 in units of 2^-18 → 196·2^28 per product.
    const W = macWidth(minifloatMacBlock.params.parse({ a: 'e4m3', b: 'e4m3', n: 1024 }));
    expect(W).toBe((196n * 2n ** 28n * 1024n).toString(2).length + 1);
    const ports = emitBlock(block, minifloatMacBlock.params.parse({ a: 'e4m3', b: 'e4m3' })).metadata.ports.map((p) => `${p.name}[${p.width}]`);
    expect(ports).toEqual(['clk[1]', 'rst[1]', 'in_valid[1]', 'clear[1]', 'a[8]', 'b[8]', 'out_valid[1]', `acc[${W}]`, 'nan[1]']);
  });
});
