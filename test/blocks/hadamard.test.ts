// hadamard.transform: the golden model against the matrix's own laws (H_2 written out, H·H = N·I, the
// float factor and specials by hand), then the butterflies bit-exact against it, exhaustive where the
// block is small, at every register placement, integers and floats, in Verilator and Icarus; the
// user's mistakes as one line. Exhaustive runs at 2^20 inputs are in hadamard.long.test.ts.

import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { hadamardBlock } from '../../src/blocks/hadamard/transform/block.js';
import { hadamardGolden } from '../../src/blocks/hadamard/transform/golden.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { encode } from '../../src/numerics/encode.js';
import { parseFormat } from '../../src/numerics/format.js';

const block = hadamardBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-hadamard-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`hadamard.transform: seed ${SEED}`);
const CLI = join(process.cwd(), 'dist/cli/main.js');

const vec = (xs: number[]) => Object.fromEntries(xs.map((x, i) => [`x${i}`, BigInt(x)]));
const ys = (v: Record<string, bigint>, n: number) => Array.from({ length: n }, (_, i) => Number(v[`y${i}`]));

describe('hadamard golden model', () => {
  it('H_2 = [[1, 1], [1, -1]] and H_4 = [[H_2, H_2], [H_2, -H_2]], written out', () => {
    expect(ys(hadamardGolden({ n: 2, in: 'int8' })(vec([3, -5])), 2)).toEqual([-2, 8]);
    // Rows of H_4: ++++, +-+-, ++--, +--+.
    expect(ys(hadamardGolden({ n: 4, in: 'int8' })(vec([1, 2, 4, 8])), 4)).toEqual([15, -5, -9, 3]);
  });

  it('H·(H·x) = N·x for N = 2 … 256', () => {
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) % 255) - 127;
    for (let n = 2; n <= 256; n *= 2) {
      const g = hadamardGolden({ n, in: 'int8' });
      const x = vec(Array.from({ length: n }, rnd));
      const hx = g(x);
      const hhx = g(Object.fromEntries(Object.entries(hx).map(([k, v]) => [k.replace('y', 'x'), v])));
      expect(ys(hhx, n)).toEqual(Array.from({ length: n }, (_, i) => n * Number(x[`x${i}`])));
    }
  });
});

describe('hadamard golden model, float inputs', () => {
  const e4m3 = parseFormat('e4m3'), e5m2 = parseFormat('e5m2'), fp32 = parseFormat('fp32');
  const codes = (f: typeof e4m3, xs: number[]) => Object.fromEntries(xs.map((x, i) => [`x${i}`, BigInt(encode(f, x).code)]));
  const values = (v: Record<string, bigint>, n: number) => Array.from({ length: n }, (_, i) => decodeToNumber(fp32, Number(v[`y${i}`])));

  it('N = 2: y = (x0 ± x1) / 2; N = 4: y = H·x / 2; N = 8: H·x / 4 (the factor 2^-ceil(log2 N / 2))', () => {
    expect(values(hadamardGolden({ n: 2, in: 'e4m3' })(codes(e4m3, [1, 0.5])), 2)).toEqual([0.75, 0.25]);
    expect(values(hadamardGolden({ n: 4, in: 'e4m3' })(codes(e4m3, [1, 2, 4, 8])), 4)).toEqual([7.5, -2.5, -4.5, 1.5]);
    expect(values(hadamardGolden({ n: 8, in: 'e4m3' })(codes(e4m3, [448, 448, 448, 448, 448, 448, 448, 448])), 8)).toEqual([896, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('specials: NaN absorbs, +Inf against -Inf is NaN, a zero sum is -0 only when every term is -0', () => {
    const g = hadamardGolden({ n: 2, in: 'e5m2' });
    expect(values(g(codes(e5m2, [Infinity, Infinity])), 2)).toEqual([Infinity, NaN]); // Inf - Inf in y1
    expect(values(g(codes(e5m2, [Infinity, -Infinity])), 2)).toEqual([NaN, Infinity]);
    expect(values(g(codes(e5m2, [NaN, 1])), 2)).toEqual([NaN, NaN]);
    expect(values(g(codes(e5m2, [-0, -0])), 2).map((y) => Object.is(y, -0))).toEqual([true, false]); // -0 - (-0) = -0 + +0
    expect(values(g(codes(e5m2, [-0, 0])), 2).map((y) => Object.is(y, -0))).toEqual([false, true]);
  });
});

describe('hadamard.transform against the golden model', () => {
  for (const [n, fin, out, stages] of [[2, 'e4m3', '', 0], [2, 'e4m3', '', 2], [4, 'e2m1', '', 1], [4, 'e2m1', 'e4m3', 3], [2, 'e5m2', 'bf16', 1], [2, 'e5m2', 'e5m2', 2]] as const) {
    it(`N = ${n}, ${fin} → ${out || 'fp32'}, ${stages} stage(s): exhaustive (2^16) plus specials`, async () => {
      const r = await simulate(block, hadamardBlock.params.parse({ n, in: fin, output: out, stages }), 'verilator', { seed: SEED, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(65536);
    }, 120_000);
  }

  for (const [n, fin, out, stages, sim] of [[16, 'e4m3', '', 2, 'verilator'], [16, 'e4m3', '', 2, 'icarus'], [64, 'e2m1', 'bf16', 4, 'verilator'], [8, 'bf16', '', 1, 'verilator'], [4, 'e5m2', 'e4m3', 1, 'icarus']] as const) {
    it(`N = ${n}, ${fin} → ${out || 'fp32'}, ${stages} stage(s), ${sim}: random plus the corners`, async () => {
      const vectors = sim === 'icarus' ? 5_000 : 20_000;
      const r = await simulate(block, hadamardBlock.params.parse({ n, in: fin, output: out, stages }), sim, { seed: SEED, vectors, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(vectors);
    }, 300_000);
  }

  for (const stages of [0, 1, 2]) {
    it(`N = 4, int4, ${stages} stage(s): exhaustive (2^16)`, async () => {
      const r = await simulate(block, hadamardBlock.params.parse({ n: 4, in: 'int4', stages }), 'verilator', { seed: SEED, outDir: tmp() });
      expect([r.failed, r.passed], r.report.join('\n')).toEqual([0, 65536 + 9]);
    }, 120_000);
  }

  it('N = 2, int8, Icarus: exhaustive (2^16)', async () => {
    const r = await simulate(block, hadamardBlock.params.parse({ n: 2, in: 'int8', stages: 1 }), 'icarus', { seed: SEED, outDir: tmp() });
    expect([r.failed, r.passed], r.report.join('\n')).toEqual([0, 65536 + 9]);
  }, 120_000);

  for (const [n, bits, stages, vectors] of [[16, 8, 2, 20_000], [32, 3, 5, 20_000], [256, 16, 4, 2_000], [64, 32, 3, 2_000]] as const) {
    for (const sim of ['verilator', 'icarus'] as const) {
      it(`N = ${n}, int${bits}, ${stages} stage(s), ${sim}: ${vectors} random plus the corners`, async () => {
        const r = await simulate(block, hadamardBlock.params.parse({ n, in: `int${bits}`, stages }), sim, { seed: SEED, vectors: sim === 'icarus' ? vectors / 4 : vectors, outDir: tmp() });
        expect(r.failed, r.report.join('\n')).toBe(0);
        expect(r.passed).toBeGreaterThan((sim === 'icarus' ? vectors / 4 : vectors));
      }, 300_000);
    }
  }
});

describe('hadamard.transform: mistakes', () => {
  for (const [what, args, want] of [
    ['a block size that is not a power of two', ['--n', '12'], /^bitforge: error: --n: must be a power of two \(2, 4, …, 256\)/],
    ['more registers than butterfly levels', ['--n', '8', '--stages', '4'], /^bitforge: error: --stages: at most 3 \(one register per butterfly level\)/],
    ['more registers than levels and the rounding', ['--n', '8', '--in', 'e4m3', '--stages', '5'], /^bitforge: error: --stages: at most 4 \(one register per butterfly level, and one after the rounding\)/],
    ['an integer too wide', ['--in', 'int33'], /^bitforge: error: --in: 'int33': integer inputs are int2 … int32/],
    ['an unknown format', ['--in', 'e4m9x'], /^bitforge: error: --in: unknown format 'e4m9x'/],
    ['a scale format as input', ['--in', 'e8m0'], /^bitforge: error: --in: 'e8m0': expected intB or a float format with a zero/],
    ['--output for integer inputs', ['--in', 'int8', '--output', 'fp32'], /^bitforge: error: --output: integer inputs give exact integer outputs \(B \+ log2 N bits\): no --output \(got 'fp32'\)/],
    ['an output format without subnormals', ['--in', 'e4m3', '--output', 'e4m3-nosub'], /^bitforge: error: --output: 'e4m3-nosub' has no subnormals/],
  ] as const) {
    it(`${what}: one line, exit 2`, async () => {
      const r = await execa('node', [CLI, 'emit', 'hadamard.transform', ...args, '--out', join(tmp(), 'rtl')], { reject: false });
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(want);
    });
  }
});
