// NVFP4 quantizer and dot. The quantizer's hardware never divides per element (it compares against
// rounded thresholds), so the golden model's real float32 divisions are the independent check; the
// tests also assert that the directed blocks reach the corners they name. The dot's golden model is
// checked against float64 products where those are exact. Then 2·10^4 random plus directed vectors in
// Verilator (default and variants; 10^5 in mx-nvfp4.long.test.ts) and a shorter Icarus run, 0 mismatches.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxNvfp4DotBlock } from '../../src/blocks/mx/nvfp4-dot/block.js';
import { nvfp4DotGolden } from '../../src/blocks/mx/nvfp4-dot/golden.js';
import { nvfp4DotStimulus } from '../../src/blocks/mx/nvfp4-dot/stimulus.js';
import { mxNvfp4QuantizeBlock } from '../../src/blocks/mx/nvfp4-quantize/block.js';
import { directedBlocks } from '../../src/blocks/mx/nvfp4-quantize/stimulus.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { f32Bits, f32FromBits } from '../../src/numerics/mx.js';
import { nvfp4QuantizeBlock } from '../../src/numerics/nvfp4.js';
import { cosimClean } from '../helpers/cosim.js';
import { nvfp4DotRuns, nvfp4QuantizeRuns } from '../helpers/runs/mx.js';

const quantize = mxNvfp4QuantizeBlock as unknown as BlockDef;
const dot = mxNvfp4DotBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 71);
console.log(`mx.nvfp4: seed ${SEED}`);
const UE4M3 = parseFormat('ue4m3'), E2M1 = parseFormat('e2m1');
const f = Math.fround;

/** One cosimulation run: 0 mismatches and more than `atLeast` vectors passed. */
async function expectClean(def: BlockDef, params: unknown, simulator: 'verilator' | 'icarus', vectors: number, atLeast: number) {
  const r = await cosimClean(def, params, simulator, { seed: SEED, vectors });
  expect(r.passed).toBeGreaterThan(atLeast);
}

describe('mx.nvfp4-quantize', () => {
  it('golden model: flags, 448 saturation of an overflowing quotient, and a hand-computed block', () => {
    expect(nvfp4QuantizeBlock([1, NaN], 1).flags).toBe(1);
    expect(nvfp4QuantizeBlock([1, -Infinity], 1).scale).toBe(0x7f);
    expect(nvfp4QuantizeBlock([1, 2], 0).flags).toBe(2);
    expect(nvfp4QuantizeBlock([1, 2], -1).flags).toBe(2);
    expect(nvfp4QuantizeBlock([1e30, 1], 1e-30).scale).toBe(0x7e); // 1e30 / 6e-30 overflows float32 → 448
    // S_t = 0.5: six = 3; amax 9 → pre 3 → S_b = 3 (0x44); denom 1.5; 9/1.5 = 6, −0.3/1.5 = −0.2 → −0, 1.2/1.5 = 0.8 → 1.
    const b = nvfp4QuantizeBlock([9, -0.3, 1.2, 0.375], 0.5);
    expect(b.scale).toBe(0x44);
    expect([...b.codes]).toEqual([0x7, 0x8, 0x2, 0x0]); // 0.375/1.5 = 0.25: a tie, to even (0)
  });

  it('directed blocks reach every corner they name', () => {
    const blocks = directedBlocks(16, seededRng(1));
    const hit = { nan: 0, badSt: 0, sixInf: 0, denomZero: 0, sat: 0, bump: 0, torchaoRegion: 0, elemTieByRounding: 0, elemExactTie: 0, scaleTieByRounding: 0, subnormalIn: 0 };
    const mids = [0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5];
    for (const { block, st: stBits } of blocks) {
      const vals = block.map(f32FromBits), st = f32FromBits(stBits);
      const q = nvfp4QuantizeBlock(vals, st);
      if (q.flags & 1) hit.nan++;
      if (q.flags & 2) hit.badSt++;
      if (q.flags) continue;
      if (block.some((b) => (b & 0x7f800000) === 0 && (b & 0x7fffff) !== 0)) hit.subnormalIn++;
      const six = f(6 * st), amax = Math.max(...vals.map(Math.abs)), pre = f(amax / six);
      if (six === Infinity) hit.sixInf++;
      if (pre >= 448) hit.sat++;
      if (pre < 2 ** -6) hit.torchaoRegion++;
      if (q.scale === 1 && pre < 2 ** -10) hit.bump++;
      for (let c = 1; c < 0x7e; c++) {
        const m = (decodeToNumber(UE4M3, c) + decodeToNumber(UE4M3, c + 1)) / 2;
        if (pre === m && amax !== m * six) hit.scaleTieByRounding++;
      }
      const denom = f(decodeToNumber(UE4M3, q.scale) * st);
      if (denom === 0) { hit.denomZero++; continue; }
      for (const v of vals) {
        const x = f(Math.abs(v) / denom);
        if (mids.includes(x)) { if (Math.abs(v) === x * denom) hit.elemExactTie++; else hit.elemTieByRounding++; }
      }
    }
    for (const [k, n] of Object.entries(hit)) expect(n, k).toBeGreaterThan(0);
  });

  nvfp4QuantizeRuns('fast', SEED); // 10^5 random blocks per variant: mx-nvfp4.long.test.ts

  it('Icarus agrees on a shorter run (all directed blocks included)', () =>
    expectClean(quantize, mxNvfp4QuantizeBlock.params.parse({}), 'icarus', 2000, 2700), 600_000);
});

describe('mx.nvfp4-dot', () => {
  it('golden model: float64 products where they are exact (tensor scales of ≤ 12 significant bits) and IEEE specials', () => {
    const p = mxNvfp4DotBlock.params.parse({});
    const g = nvfp4DotGolden(p), s = nvfp4DotStimulus(p), rng = seededRng(SEED);
    const short = (b: bigint) => (((b >> 23n) & 0xffn) === 0xffn ? b : b & ~0xfffn); // keep 12 significant bits of finite scales
    const kinds = { nan: 0, inf: 0, negZero: 0, subnormal: 0, normal: 0 };
    for (const v0 of [...s.directed, ...Array.from({ length: 20_000 }, () => s.random(rng))]) {
      const v: Vector = { ...v0, sta: short(v0.sta!), stb: short(v0.stb!) };
      let sum = 0;
      for (let i = 0; i < p.block; i++) sum += decodeToNumber(E2M1, Number(v[`a${i}`])) * decodeToNumber(E2M1, Number(v[`b${i}`]));
      const x = sum * decodeToNumber(UE4M3, Number(v.sa)) * decodeToNumber(UE4M3, Number(v.sb)) * f32FromBits(Number(v.sta)) * f32FromBits(Number(v.stb));
      const want = Number.isNaN(x) ? 0x7fc00000 : f32Bits(f(x));
      expect(g(v).c, JSON.stringify(v, (_, y) => (typeof y === 'bigint' ? y.toString(16) : y))).toBe(BigInt(want));
      const y = f(x);
      if (Number.isNaN(y)) kinds.nan++; else if (!Number.isFinite(y)) kinds.inf++; else if (Object.is(y, -0)) kinds.negZero++; else if (y !== 0 && Math.abs(y) < 2 ** -126) kinds.subnormal++; else kinds.normal++;
    }
    for (const [k, n] of Object.entries(kinds)) expect(n, k).toBeGreaterThan(0);
  });

  nvfp4DotRuns('fast', SEED); // 10^5 random pairs per variant: mx-nvfp4.long.test.ts

  it('Icarus agrees on a shorter run', () =>
    expectClean(dot, mxNvfp4DotBlock.params.parse({}), 'icarus', 3000, 3000), 600_000);
});
