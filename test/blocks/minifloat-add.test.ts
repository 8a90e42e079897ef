// minifloat.add: every pair of codes for several format and rounding combinations in Verilator,
// one in Icarus, 10^5 random pairs with boundary pairs for a 24-bit input space (10^6 in
// minifloat-add.long.test.ts); the golden model itself against a brute-force nearest-code search
// (round to nearest, ties to even).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { minifloatAddBlock } from '../../src/blocks/minifloat/add/block.js';
import { minifloatAddGolden } from '../../src/blocks/minifloat/add/golden.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const block = minifloatAddBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfadd-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 5);
console.log(`minifloat.add: seed ${SEED}`);
const space = (a: string, b: string) => 2 ** (parseFormat(a).width + parseFormat(b).width);

describe('minifloat.add golden model', () => {
  for (const [a, out] of [['e4m3', 'e4m3'], ['e2m3', 'e2m1'], ['e3m2', 'e3m2']] as const) {
    it(`${a} + ${a} → ${out} (rne): the nearest ${out} value to the exact sum, ties to the even code`, () => {
      const fa = parseFormat(a) as FloatFormat, fo = parseFormat(out) as FloatFormat;
      const finite = Array.from({ length: 2 ** fo.width }, (_, c) => c).filter((c) => Number.isFinite(decodeToNumber(fo, c)));
      const max = Math.max(...finite.map((c) => decodeToNumber(fo, c)));
      const g = minifloatAddGolden({ a, b: a, out, round: 'rne' });
      let checked = 0;
      for (let x = 0; x < 2 ** fa.width; x++) {
        for (let y = 0; y < 2 ** fa.width; y++) {
          const s = decodeToNumber(fa, x) + decodeToNumber(fa, y); // exact in float64
          if (!Number.isFinite(s) || Math.abs(s) > max || s === 0) continue;
          let best = finite[0]!, bestD = Infinity;
          for (const c of finite) {
            const d = Math.abs(decodeToNumber(fo, c) - s);
            if (d < bestD || (d === bestD && (c & 1) === 0 && Math.sign(decodeToNumber(fo, c)) === Math.sign(s))) { best = c; bestD = d; }
          }
          const got = Number(g({ a: BigInt(x), b: BigInt(y) }).sum);
          const v = decodeToNumber(fo, got);
          expect(v === decodeToNumber(fo, best)).toBe(true);
          if (v === 0) expect(Object.is(v, s < 0 ? -0 : 0)).toBe(true); // underflow keeps the sign
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }
});

describe('minifloat.add cosimulation', () => {
  const cases: Array<[string, string, string, string]> = [
    ...['rne', 'rna', 'rtz', 'rup', 'rdn'].map((r) => ['e4m3', 'e4m3', 'e4m3', r] as [string, string, string, string]),
    ['e5m2', 'e5m2', 'e5m2', 'rne'], ['e5m2', 'e5m2', 'e5m2', 'rdn'], ['e4m3', 'e5m2', 'fp16', 'rne'], ['e2m1', 'e2m1', 'e2m1', 'rne'],
    ['e5m2', 'e5m2', 'e2m1', 'rup'], ['e3m2', 'e2m3', 'e4m3fnuz', 'rtz'], ['e5m2fnuz', 'e4m3', 'e3m2', 'rna'],
  ];
  for (const [a, b, out, round] of cases) {
    it(`${a} + ${b} → ${out} (${round}): every pair`, async () => {
      const r = await simulate(block, minifloatAddBlock.params.parse({ a, b, out, round }), 'verilator', { seed: SEED, outDir: tmp() });
      expect([r.passed, r.failed], r.report.join('\n')).toEqual([space(a, b), 0]);
    }, 120_000);
  }

  it('Icarus agrees on every e5m2 + e4m3 → e4m3 pair; 2 pipeline stages too', async () => {
    const p = minifloatAddBlock.params.parse({ a: 'e5m2', b: 'e4m3', out: 'e4m3' });
    const r = await simulate(block, p, 'icarus', { seed: SEED, outDir: tmp() });
    expect([r.passed, r.failed], r.report.join('\n')).toEqual([65536, 0]);
    const s = await simulate(block, { ...p, stages: 2 }, 'verilator', { seed: SEED, outDir: tmp() });
    expect([s.passed, s.failed], s.report.join('\n')).toEqual([65536, 0]);
  }, 120_000);

  it('fp16 + e5m2 → e4m3: 10^5 random pairs plus NaN, Inf, subnormal, overflow and cancellation pairs', async () => {
    const r = await simulate(block, minifloatAddBlock.params.parse({ a: 'fp16', b: 'e5m2', out: 'e4m3' }), 'verilator', { seed: SEED, vectors: 100_000, outDir: tmp() });
    expect(r.failed, r.report.join('\n')).toBe(0);
    expect(r.passed).toBeGreaterThan(100_000);
  }, 180_000);
});
