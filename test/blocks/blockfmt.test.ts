// blockfmt.quantize / dequantize / dot at small sizes: NVINT4, MXINT4, UE5M3-scaled e2m1 and the
// full integer range, stochastic rounding from the on-chip LFSR (cycle for cycle, with bubbles), the
// Hadamard rotation on both sides, in Verilator and Icarus; the rotation's inverse undoes it; the
// user's mistakes as one line. Full block sizes and 10^5 vectors are in blockfmt.long.test.ts.

import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { blockfmtDequantizeBlock } from '../../src/blocks/blockfmt/dequantize/block.js';
import { blockfmtDotBlock } from '../../src/blocks/blockfmt/dot/block.js';
import { blockfmtQuantizeBlock } from '../../src/blocks/blockfmt/quantize/block.js';
import { blockfmtQuantizeGolden } from '../../src/blocks/blockfmt/quantize/golden.js';
import { simulate } from '../../src/cosim/run.js';
import { hadamardRotate } from '../../src/numerics/hadamard.js';
import { f32Bits, f32FromBits } from '../../src/numerics/mx.js';
import { LaneLfsr } from '../../src/numerics/lfsr.js';
import { quantizeBlock, blockElem } from '../../src/numerics/blockfmt.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-blockfmt-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 829);
console.log(`blockfmt: seed ${SEED}`);
const CLI = join(process.cwd(), 'dist/cli/main.js');
type Sim = 'verilator' | 'icarus';

async function sim(block: BlockDef, raw: Record<string, unknown>, simulator: Sim = 'verilator', vectors = 3000) {
  const r = await simulate(block, block.params.parse(raw), simulator, { seed: SEED, vectors, outDir: tmp() });
  expect(r.failed, r.report.join('\n')).toBe(0);
  expect(r.passed).toBeGreaterThan(vectors);
}

const Q = blockfmtQuantizeBlock as unknown as BlockDef, D = blockfmtDequantizeBlock as unknown as BlockDef, DOT = blockfmtDotBlock as unknown as BlockDef;

describe('blockfmt: the named formats at small blocks', () => {
  const formats: Array<[string, Record<string, unknown>]> = [
    ['NVINT4', { elem: 'int4', scale: 'ue4m3', block: 4 }],
    ['MXINT4', { elem: 'int4', scale: 'e8m0', block: 8 }],
    ['UE5M3 e2m1', { elem: 'e2m1', scale: 'ue5m3', block: 4 }],
    ['UE5M3 NVINT4 without a tensor scale', { elem: 'int4', scale: 'ue5m3', block: 4, tensorScale: false }],
  ];
  for (const [name, f] of formats) {
    it(`${name}: quantize, dequantize and dot in Verilator`, async () => {
      await sim(Q, f);
      await sim(D, f);
      await sim(DOT, f);
    }, 300_000);
  }

  it('full-range integers (−2^(B−1)) with e8m0 and ue4m3 scales; e2m3 and int6 elements with ue scales', async () => {
    await sim(Q, { elem: 'int4', intRange: 'full', block: 8 });
    await sim(Q, { elem: 'int4', intRange: 'full', scale: 'ue4m3', block: 4 });
    await sim(Q, { elem: 'e2m3', scale: 'ue5m3', block: 2 });
    await sim(Q, { elem: 'int6', scale: 'ue4m3', block: 2, stages: 3 });
  }, 300_000);

  it('Icarus agrees: NVINT4 quantize and dot, MXINT4 dequantize, UE5M3 e2m1 quantize', async () => {
    await sim(Q, { elem: 'int4', scale: 'ue4m3', block: 4 }, 'icarus', 500);
    await sim(DOT, { elem: 'int4', scale: 'ue4m3', block: 4 }, 'icarus', 500);
    await sim(D, { elem: 'int4', block: 8 }, 'icarus', 500);
    await sim(Q, { elem: 'e2m1', scale: 'ue5m3', block: 4 }, 'icarus', 500);
  }, 300_000);

  it('mixed elements in the dot: int4 × e2m1 with ue4m3 scales, e2m1 × int4 with e8m0', async () => {
    await sim(DOT, { elem: 'int4', elemB: 'e2m1', scale: 'ue4m3', block: 4 });
    await sim(DOT, { elem: 'e2m1', elemB: 'int4', block: 4 });
  }, 300_000);
});

describe('stochastic rounding from the on-chip LFSR', () => {
  it('the golden model draws each block’s bits from the lanes in order, carrying the state over', () => {
    const g = blockfmtQuantizeGolden({ elem: 'e2m1', block: 4, scale: 'e8m0', intRange: 'symmetric', round: 'stochastic', randomBits: 8, rng: 'lfsr', seed: 99, lfsrLanes: 2, input: 'fp32', rotate: 'none' });
    const lfsr = new LaneLfsr(99, 2, 4, 8), bf = { elem: blockElem('e2m1', 'e8m0'), block: 4, scale: 'e8m0' as const, tensorScale: false, round: 'stochastic' as const, randomBits: 8 };
    const values = [Float32Array.of(6, 2.2, -2.7, 0.3), Float32Array.of(5.5, 1.1, 2.6, -3.3), Float32Array.of(6, 2.2, -2.7, 0.3)];
    for (const v of values) {
      const want = quantizeBlock(v, bf, 1, lfsr.next());
      const got = g(Object.fromEntries(Array.from(v, (x, i) => [`v${i}`, BigInt(f32Bits(x))])));
      expect(Array.from({ length: 4 }, (_, i) => Number(got[`p${i}`]))).toEqual(want.codes);
    }
  });

  it('cycle for cycle in Verilator and Icarus, bubbles included: 2 and 3 lanes for 8 elements, int4 and e2m1', async () => {
    await sim(Q, { elem: 'int4', block: 8, round: 'stochastic', rng: 'lfsr', lfsrLanes: 2, seed: 0xdeadbeef });
    await sim(Q, { elem: 'e2m1', block: 8, round: 'stochastic', rng: 'lfsr', lfsrLanes: 3, randomBits: 5, stages: 1 });
    await sim(Q, { elem: 'e2m1', block: 8, round: 'stochastic', rng: 'lfsr' }, 'icarus', 500);
  }, 300_000);
});

describe('--rotate hadamard', () => {
  it('the inverse rotation undoes the forward one exactly on small integers (H·H = N·I)', () => {
    for (const n of [2, 4, 8, 16, 32]) {
      const x = Uint32Array.from({ length: n }, (_, i) => f32Bits(((i * 7) % 11) - 5));
      expect([...hadamardRotate(hadamardRotate(x), true)].map(f32FromBits)).toEqual([...x].map(f32FromBits));
    }
  });

  it('quantize behind the rotation and dequantize in front of its inverse, with and without registers', async () => {
    await sim(Q, { elem: 'int4', scale: 'ue4m3', block: 4, rotate: 'hadamard' });
    await sim(Q, { elem: 'e2m1', block: 8, rotate: 'hadamard', rotateStages: 0, stages: 0 });
    await sim(Q, { elem: 'e2m1', block: 8, rotate: 'hadamard', rotateStages: 2, round: 'stochastic', rng: 'lfsr' });
    await sim(D, { elem: 'int4', scale: 'ue4m3', block: 4, rotate: 'hadamard' });
    await sim(D, { elem: 'int4', block: 8, rotate: 'hadamard', rotateStages: 0, stages: 0 });
  }, 300_000);
});

describe('a family with one unit is named by the family', () => {
  it('`sim hadamard --n 4` is hadamard.transform; `emit blockfmt` (three units) stays unknown', async () => {
    const ok = await execa('node', [CLI, 'sim', 'hadamard', '--n', '4', '--in', 'int3', '--out', tmp()], { reject: false });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/hadamard\.transform on verilator/);
    const no = await execa('node', [CLI, 'emit', 'blockfmt', '--out', join(tmp(), 'rtl')], { reject: false });
    expect([no.exitCode, no.stderr.trim()]).toEqual([2, expect.stringMatching(/^bitforge: error: unknown block 'blockfmt'/)]);
  });
});

describe('blockfmt: the user’s mistakes', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a scale rule with a ue scale', ['blockfmt.quantize', '--scale', 'ue4m3', '--scale-rule', 'ceil'], /--scale-rule.*NVFP4 rule/],
    ['stochastic rounding with a ue scale', ['blockfmt.quantize', '--scale', 'ue5m3', '--round', 'stochastic'], /--round.*RNE/],
    ['the LFSR without stochastic rounding', ['blockfmt.quantize', '--rng', 'lfsr'], /--rng.*--round stochastic/],
    ['the LFSR in a combinational quantizer', ['blockfmt.quantize', '--rng', 'lfsr', '--round', 'stochastic', '--stages', '0'], /--stages 1 or more/],
    ['a seed without the LFSR', ['blockfmt.quantize', '--seed', '5'], /--seed.*--rng lfsr/],
    ['a tensor scale with e8m0', ['blockfmt.dot', '--tensor-scale'], /--tensor-scale.*e8m0/],
    ['an 8-bit element for the ue quantizer', ['blockfmt.quantize', '--elem', 'e3m4', '--scale', 'ue4m3'], /--elem.*at most 6 bits/],
    ['int9', ['blockfmt.dequantize', '--elem', 'int9'], /--elem.*int3 … int8/],
    ['an unknown element', ['blockfmt.dot', '--elem', 'e2m9x'], /--elem.*unknown format/],
    ['an element with Inf under a ue scale', ['blockfmt.dot', '--elem', 'e5m2', '--scale', 'ue4m3'], /--elem.*no NaN or Inf/],
    ['a rotation of a block that is not a power of two', ['blockfmt.quantize', '--rotate', 'hadamard', '--block', '24'], /--block.*power-of-two/],
    ['rotation stages without a rotation', ['blockfmt.dequantize', '--rotate-stages', '2'], /--rotate-stages.*--rotate hadamard/],
    ['mulStages with e8m0', ['blockfmt.dot', '--mul-stages', '1'], /--mul-stages.*e8m0/],
    ['--fmax on a rotated quantizer', ['blockfmt.quantize', '--rotate', 'hadamard', '--fmax', '100', '--target', 'xc7'], /--fmax.*two units/],
    ['--fmax with the LFSR', ['blockfmt.quantize', '--round', 'stochastic', '--rng', 'lfsr', '--fmax', '100', '--target', 'xc7'], /--fmax.*LFSR/],
  ];
  for (const [what, args, want] of cases) {
    it(`${what}: one line, exit 2`, async () => {
      const r = await execa('node', [CLI, 'emit', ...args, '--out', join(tmp(), 'rtl')], { reject: false });
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(want);
    });
  }
});
