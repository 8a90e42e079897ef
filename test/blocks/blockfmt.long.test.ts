// blockfmt, the long tier: the named formats at their full block sizes with 10^5 random blocks plus the
// directed corners (NVINT4 and UE5M3 e2m1 at 16, MXINT4 at 32, MXINT8 vs MXFP8 at 32), in Verilator
// and once each in Icarus; the LFSR at 32 lanes; the Hadamard rotation at 32; exhaustive where the
// input space is at most 2^20 (dequantizers without tensor scales, small ue dots).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { blockfmtDequantizeBlock } from '../../src/blocks/blockfmt/dequantize/block.js';
import { blockfmtDotBlock } from '../../src/blocks/blockfmt/dot/block.js';
import { blockfmtQuantizeBlock } from '../../src/blocks/blockfmt/quantize/block.js';
import { simulate } from '../../src/cosim/run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-blockfmt-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 829);
console.log(`blockfmt (long): seed ${SEED}`);
const Q = blockfmtQuantizeBlock as unknown as BlockDef, D = blockfmtDequantizeBlock as unknown as BlockDef, DOT = blockfmtDotBlock as unknown as BlockDef;

/** `vectors` undefined: exhaustive where the space is at most 2^20. */
async function sim(block: BlockDef, raw: Record<string, unknown>, simulator: 'verilator' | 'icarus', vectors?: number) {
  const r = await simulate(block, block.params.parse(raw), simulator, { seed: SEED, ...(vectors === undefined ? {} : { vectors }), outDir: tmp() });
  expect(r.failed, r.report.join('\n')).toBe(0);
  return r.passed;
}

describe('blockfmt at full block sizes', () => {
  const formats: Array<[string, Record<string, unknown>]> = [
    ['NVINT4', { elem: 'int4', scale: 'ue4m3', block: 16 }],
    ['UE5M3 e2m1', { elem: 'e2m1', scale: 'ue5m3', block: 16 }],
    ['UE5M3 int4', { elem: 'int4', scale: 'ue5m3', block: 16 }],
    ['MXINT4', { elem: 'int4', scale: 'e8m0', block: 32 }],
    ['MXINT8', { elem: 'int8', scale: 'e8m0', block: 32 }],
    ['MXFP8 e4m3', { elem: 'e4m3', scale: 'e8m0', block: 32 }],
  ];
  for (const [name, f] of formats) {
    it(`${name}: quantize, dequantize and dot, 10^5 random blocks in Verilator, 3000 in Icarus`, async () => {
      for (const b of [Q, D, DOT]) {
        expect(await sim(b, f, 'verilator', 100_000)).toBeGreaterThan(100_000);
        expect(await sim(b, f, 'icarus', 3000)).toBeGreaterThan(3000);
      }
    }, 1_800_000);
  }

  it('stochastic rounding from 32 LFSR lanes and from 5, MXINT4 and MXFP4 at 32: 10^5 blocks', async () => {
    await sim(Q, { elem: 'int4', block: 32, round: 'stochastic', rng: 'lfsr', seed: 12345 }, 'verilator', 100_000);
    await sim(Q, { elem: 'e2m1', block: 32, round: 'stochastic', rng: 'lfsr', lfsrLanes: 5, randomBits: 12 }, 'verilator', 100_000);
    await sim(Q, { elem: 'e2m1', block: 32, round: 'stochastic', rng: 'lfsr', lfsrLanes: 5 }, 'icarus', 3000);
  }, 1_800_000);

  it('--rotate hadamard at 32 (MXFP4, MXINT4) and 16 (NVINT4): 3·10^4 blocks each way', async () => {
    await sim(Q, { elem: 'e2m1', block: 32, rotate: 'hadamard', rotateStages: 3 }, 'verilator', 30_000);
    await sim(Q, { elem: 'int4', block: 16, scale: 'ue4m3', rotate: 'hadamard' }, 'verilator', 30_000);
    await sim(D, { elem: 'int4', block: 32, rotate: 'hadamard', rotateStages: 2 }, 'verilator', 30_000);
    await sim(D, { elem: 'int4', block: 16, scale: 'ue4m3', rotate: 'hadamard' }, 'icarus', 2000);
  }, 1_800_000);
});

describe('blockfmt, exhaustive', () => {
  const cases: Array<[string, BlockDef, Record<string, unknown>, number]> = [
    // 8 scale bits + 3 × 4 code bits = 2^20
    ['MXINT4 dequantize, block 3', D, { elem: 'int4', scale: 'e8m0', block: 3 }, 20],
    // 8 + 2 × 6 = 2^20
    ['UE5M3 e2m3 dequantize without a tensor scale, block 2', D, { elem: 'e2m3', scale: 'ue5m3', block: 2, tensorScale: false }, 20],
    // 7 + 3 × 4 = 2^19
    ['NVINT4 dequantize without a tensor scale, block 3', D, { elem: 'int4', scale: 'ue4m3', block: 3, tensorScale: false }, 19],
    // 2 × 7 + 2 × 3 = 2^20
    ['int3 dot with ue4m3 scales and no tensor scales, block 1', DOT, { elem: 'int3', scale: 'ue4m3', block: 1, tensorScale: false }, 20],
  ];
  for (const [name, block, raw, bits] of cases) {
    it(`${name}: all 2^${bits} inputs`, async () => {
      expect(await sim(block, raw, 'verilator')).toBeGreaterThanOrEqual(2 ** bits);
    }, 1_800_000);
  }
});
