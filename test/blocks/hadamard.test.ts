// hadamard.transform: the golden model against the matrix's own laws (H_2 written out, H·H = N·I), then
// the butterflies bit-exact against it, exhaustive where the block is small, at every register
// placement, in Verilator and Icarus; the user's mistakes as one line. Exhaustive runs at 2^20 inputs
// are in hadamard.long.test.ts.

import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { hadamardBlock } from '../../src/blocks/hadamard/transform/block.js';
import { hadamardGolden } from '../../src/blocks/hadamard/transform/golden.js';
import { simulate } from '../../src/cosim/run.js';

const block = hadamardBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-hadamard-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`hadamard.transform: seed ${SEED}`);
const CLI = join(process.cwd(), 'dist/cli/main.js');

const vec = (xs: number[]) => Object.fromEntries(xs.map((x, i) => [`x${i}`, BigInt(x)]));
const ys = (v: Record<string, bigint>, n: number) => Array.from({ length: n }, (_, i) => Number(v[`y${i}`]));

describe('hadamard golden model', () => {
  it('H_2 = [[1, 1], [1, -1]] and H_4 = [[H_2, H_2], [H_2, -H_2]], written out', () => {
    expect(ys(hadamardGolden({ n: 2 })(vec([3, -5])), 2)).toEqual([-2, 8]);
    // Rows of H_4: ++++, +-+-, ++--, +--+.
    expect(ys(hadamardGolden({ n: 4 })(vec([1, 2, 4, 8])), 4)).toEqual([15, -5, -9, 3]);
  });

  it('H·(H·x) = N·x for N = 2 … 256', () => {
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) % 255) - 127;
    for (let n = 2; n <= 256; n *= 2) {
      const g = hadamardGolden({ n });
      const x = vec(Array.from({ length: n }, rnd));
      const hx = g(x);
      const hhx = g(Object.fromEntries(Object.entries(hx).map(([k, v]) => [k.replace('y', 'x'), v])));
      expect(ys(hhx, n)).toEqual(Array.from({ length: n }, (_, i) => n * Number(x[`x${i}`])));
    }
  });
});

describe('hadamard.transform against the golden model', () => {
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
    ['more registers than butterfly levels', ['--n', '8', '--stages', '4'], /^bitforge: error: --stages: at most log2 N/],
    ['float inputs (not built yet)', ['--in', 'e4m3'], /^bitforge: error: --in: expected intB with B from 2 to 32 \(integer inputs; float inputs are not built yet\) \(got 'e4m3'\)/],
    ['an integer too wide', ['--in', 'int33'], /^bitforge: error: --in: expected intB/],
  ] as const) {
    it(`${what}: one line, exit 2`, async () => {
      const r = await execa('node', [CLI, 'emit', 'hadamard.transform', ...args, '--out', join(tmp(), 'rtl')], { reject: false });
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(want);
    });
  }
});
