// minifloat.mul: every pair of codes for the formats the issue names, in Verilator (in process) and
// Icarus (the generated testbench), against the golden model; the golden model itself against
// float64 products (exact for these widths), which is independent of the dyadic library.

import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { emitBlock } from '../../src/codegen/emit-block.js';
import { productWidth } from '../../src/blocks/minifloat/mul/generator.js';
import { minifloatMulBlock } from '../../src/blocks/minifloat/mul/block.js';
import { minifloatMulGolden } from '../../src/blocks/minifloat/mul/golden.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { emin, parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const block = minifloatMulBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mfmul-'));
const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
const PAIRS: Array<[string, string]> = [['e2m1', 'e2m1'], ['e2m3', 'e2m3'], ['e3m2', 'e3m2'], ['e4m3', 'e4m3'], ['e5m2', 'e5m2'], ['e4m3', 'e5m2']];

describe('minifloat.mul golden model', () => {
  for (const [a, b] of [...PAIRS, ['e4m3fnuz', 'e3m2-nosub'] as [string, string], ['ue4m3', 'e2m1'] as [string, string]]) {
    it(`${a} × ${b}: the word is the float64 product in units of 2^(2·emin − Ma − Mb); specials as flags`, () => {
      const fa = parseFormat(a) as FloatFormat, fb = parseFormat(b) as FloatFormat;
      const unit = 2 ** (emin(fa) - fa.manBits + emin(fb) - fb.manBits);
      const g = minifloatMulGolden({ a, b });
      const W = productWidth(minifloatMulBlock.params.parse({ a, b }));
      for (let x = 0; x < 2 ** fa.width; x++) {
        for (let y = 0; y < 2 ** fb.width; y++) {
          const p = decodeToNumber(fa, x) * decodeToNumber(fb, y);
          const out = g({ a: BigInt(x), b: BigInt(y) });
          if (Number.isNaN(p)) expect([out.p, out.nan]).toEqual([0n, 1n]);
          else if (!Number.isFinite(p)) expect([out.p, p > 0 ? out.pinf : out.ninf]).toEqual([0n, 1n]);
          else {
            expect(out.p).toBe(BigInt(p / unit));
            expect(out.p! >= -(1n << BigInt(W - 1)) && out.p! < 1n << BigInt(W - 1)).toBe(true);
            if (out.nan !== undefined) expect(out.nan).toBe(0n);
          }
        }
      }
    });
  }
});

describe('minifloat.mul cosimulation: every pair of codes', () => {
  for (const [a, b] of PAIRS) {
    it(`${a} × ${b}: Verilator and Icarus agree with the golden model on all ${2 ** (parseFormat(a).width + parseFormat(b).width)} pairs`, async () => {
      const total = 2 ** (parseFormat(a).width + parseFormat(b).width);
      for (const sim of ['verilator', 'icarus'] as const) {
        const r = await simulate(block, minifloatMulBlock.params.parse({ a, b }), sim, { seed: 1, outDir: tmp() });
        expect([r.passed, r.failed], r.report.join('\n')).toEqual([total, 0]);
      }
    }, 120_000);
  }

  it('pipelined (3 stages) e4m3 × e5m2, every pair, with bubbles', async () => {
    const r = await simulate(block, minifloatMulBlock.params.parse({ a: 'e4m3', b: 'e5m2', stages: 3 }), 'verilator', { seed: 7, outDir: tmp() });
    expect([r.passed, r.failed]).toEqual([65536, 0]);
  }, 120_000);

  // Each fabric's structure (lut6: the negation as (x xor s) + s for every format but e2m1's, 2-bit
  // exponents shifted by each field, 3-bit ones with the significand product in a bit heap; lut4: the
  // same negation and heap for 3-bit exponents, elsewhere the negation as ~(m − 1) and for 4- and 5-bit
  // exponents the window shifter; a subnormal a's exponent 1 as the sum's carry-in), every pair in both
  // simulators, with specials, mixed formats, an a without subnormals, and stages.
  for (const [a, b, fabric, stages] of [['e4m3', 'e4m3', 'lut6', 0], ['e2m3', 'e2m3', 'lut6', 0], ['e3m2', 'e3m2', 'lut4', 0], ['e5m2', 'e5m2', 'lut6', 0],
    ['e4m3', 'e5m2', 'lut6', 2], ['e3m2fn', 'e2m3ieee', 'lut6', 0], ['e3m2', 'e4m3', 'lut4', 1], ['e2m3', 'e2m3', 'lut6', 1], ['e2m3ieee', 'e2m3', 'lut6', 3], ['e3m2', 'e3m2', 'lut6', 0], ['e3m2fn', 'e3m2', 'lut4', 2],
    ['e4m3', 'e4m3', 'lut4', 0], ['e5m2', 'e5m2', 'lut4', 0], ['e5m2', 'e4m3', 'lut4', 2], ['e2m3', 'e2m3', 'lut4', 0], ['e2m3ieee', 'e2m1', 'lut4', 1],
    ['e3m2fn-nosub', 'e4m3', 'lut6', 0], ['e5m2', 'e3m2fn-nosub', 'lut4', 0]] as const) {
    it(`${a} × ${b}, fabric ${fabric}, stages ${stages}: Verilator and Icarus, every pair`, async () => {
      const total = 2 ** (parseFormat(a).width + parseFormat(b).width);
      for (const sim of ['verilator', 'icarus'] as const) {
        const r = await simulate(block, minifloatMulBlock.params.parse({ a, b, fabric, stages }), sim, { seed: 5, outDir: tmp() });
        expect([r.passed, r.failed], r.report.join('\n')).toEqual([total, 0]);
      }
    }, 120_000);
  }

  for (const [a, b, arith] of [['e4m3', 'e5m2', 'gates'], ['e2m1', 'e3m2', 'carry'], ['e3m2fn', 'e2m3ieee', 'gates']] as const) {
    it(`${a} × ${b} with arith=${arith} (the other style than auto), every pair`, async () => {
      const r = await simulate(block, minifloatMulBlock.params.parse({ a, b, arith }), 'verilator', { seed: 3, outDir: tmp() });
      expect([r.passed, r.failed]).toEqual([2 ** (parseFormat(a).width + parseFormat(b).width), 0]);
    }, 120_000);
  }

  for (const [a, b, out, round] of [['e4m3', 'e4m3', 'e4m3', 'rne'], ['e5m2', 'e5m2', 'e4m3', 'rdn'], ['e4m3', 'e5m2', 'fp16', 'rne'], ['e2m1', 'e2m1', 'e2m1', 'rna'], ['e5m2', 'e5m2', 'e5m2', 'rup'], ['e3m2', 'e2m3', 'e2m1', 'rtz']] as const) {
    it(`--out ${out} --round ${round}: ${a} × ${b} rounded once, every pair`, async () => {
      const r = await simulate(block, minifloatMulBlock.params.parse({ a, b, out, round }), 'verilator', { seed: 4, outDir: tmp() });
      expect([r.passed, r.failed], r.report.join('\n')).toEqual([2 ** (parseFormat(a).width + parseFormat(b).width), 0]);
    }, 120_000);
  }

  it('wider formats: bf16 × fp16, 10^5 seeded random plus every boundary pair', async () => {
    const r = await simulate(block, minifloatMulBlock.params.parse({ a: 'bf16', b: 'fp16', stages: 1 }), 'verilator', { seed: 11, vectors: 100_000, outDir: tmp() });
    expect(r.failed).toBe(0);
    expect(r.passed).toBeGreaterThan(100_000);
  }, 120_000);
});

describe('minifloat.mul interface', () => {
  it('ports sized to the formats; flags only where the formats have specials', () => {
    const ports = (a: string, b: string) => emitBlock(block, minifloatMulBlock.params.parse({ a, b })).metadata.ports.map((p) => `${p.direction} ${p.name}[${p.width}]`);
    // e2m1: max 6·6 = 36 in units of 2^-2: 144 → 8 bits + sign.
    expect(ports('e2m1', 'e2m1')).toEqual(['input a[4]', 'input b[4]', 'output p[9]']);
    expect(ports('e4m3', 'e5m2')).toEqual(['input a[8]', 'input b[8]', 'output p[' + productWidth(minifloatMulBlock.params.parse({ a: 'e4m3', b: 'e5m2' })) + ']', 'output nan[1]', 'output pinf[1]', 'output ninf[1]']);
  });

  it('npx bitforge sim minifloat.mul --a e4m3 --b e4m3 ends "65536 passed, 0 failed"; a bad format is one line', async () => {
    const r = await execa('node', [cli, 'sim', 'minifloat.mul', '--a', 'e4m3', '--b', 'e4m3'], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('65536 passed, 0 failed');
    const bad = await execa('node', [cli, 'sim', 'minifloat.mul', '--a', 'int8'], { reject: false });
    expect([bad.exitCode, bad.stderr.trim()]).toEqual([2, "bitforge: error: --a: 'int8' is an integer format; expected a minifloat such as e4m3 (minifloat.mul)"]);
  }, 60_000);
});
