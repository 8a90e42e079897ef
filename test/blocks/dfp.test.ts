// INT16 dynamic fixed point: the golden rules against hand-worked values and against exact
// arithmetic, then dfp.quantize and dfp.fma in cosimulation (Verilator at several shapes, Icarus at
// the defaults). Real tensors, mutations and 10^5-vector runs are in dfp.long.test.ts.

import { describe, expect, it } from 'vitest';
import { dfpFmaBlock } from '../../src/blocks/dfp/fma/block.js';
import { dfpQuantizeBlock } from '../../src/blocks/dfp/quantize/block.js';
import { seededRng } from '../../src/cosim/model.js';
import { dfpCombine, dfpFmaPartials, dfpQuantize } from '../../src/numerics/dfp.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockDef } from '../../src/blocks/block.js';
import { simulate } from '../../src/cosim/run.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';
import { cosimClean } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 16);
console.log(`dfp: seed ${SEED}`);
const f32 = (x: number) => { const d = new DataView(new ArrayBuffer(4)); d.setFloat32(0, x); return d.getUint32(0); };
const q = (xs: number[]) => dfpQuantize(xs.map(f32));
const MAX = 32767;

describe('DFP16 conversion (the golden rule)', () => {
  it('hand-worked blocks: E_s = E_max − 14, round to nearest even, symmetric saturation, specials', () => {
    expect(q([1, 0.5, -0.75])).toMatchObject({ exp: -14, special: false });
    expect([...q([1, 0.5, -0.75]).values]).toEqual([16384, 8192, -12288]);
    expect([...q([1.5, -1.5 * 2 ** -3]).values]).toEqual([24576, -3072]);
    // (2 − 2^−23)·2^14 units = 32768 − 2^−9: rounds to 2^15, saturates at 32767.
    expect([...q([2 - 2 ** -23, -(2 - 2 ** -23)]).values]).toEqual([MAX, -MAX]);
    // Ties at E_s = −14: 2.5 → 2, 3.5 → 4, 0.5 → 0, 1.5 → 2, −2.5 → −2.
    const u = 2 ** -14;
    expect([...q([1, 2.5 * u, 3.5 * u, 0.5 * u, 1.5 * u, -2.5 * u]).values]).toEqual([16384, 2, 4, 0, 2, -2]);
    // Just above a half: up; a value 15 binades below the max with the top bit only: exactly ½ → 0.
    expect([...q([1, 2 ** -15 * (1 + 2 ** -20)]).values]).toEqual([16384, 1]);
    // Zeros: E_max counts field 0 as −126: E_s = −140.
    expect(q([0, -0])).toMatchObject({ exp: -140, special: false });
    expect([...q([0, -0]).values]).toEqual([0, 0]);
    // Subnormals: the largest is (2^−126 − 2^−149)·2^140 = 2^14 − 2^−9 units → 16384; 2^−149 → 0.
    expect([...dfpQuantize([0x7fffff, 1, 0x80000003]).values]).toEqual([16384, 0, 0]);
    // Inf pins E_max = 128 and saturates; NaN is 0; both raise `special`.
    expect(dfpQuantize([0x7f800000, f32(1e30), 0xff800000, 0x7fc00000])).toMatchObject({ exp: 114, special: true });
    expect([...dfpQuantize([0x7f800000, 0xff800000, 0x7fc00000]).values]).toEqual([MAX, -MAX, 0]);
    expect(q([3.4028234663852886e38]).exp).toBe(113);
  });

  it('every element of random blocks is within half a unit of its value (or saturated at the top)', () => {
    const rng = seededRng(SEED);
    for (let t = 0; t < 2000; t++) {
      const centre = Math.floor(rng() * 200) - 100, xs = Array.from({ length: 1 + Math.floor(rng() * 32) }, () => Math.fround((rng() - 0.5) * 2 ** (centre - Math.floor(rng() * 30))));
      const b = q(xs), unit = 2 ** b.exp;
      xs.forEach((x, i) => {
        const v = b.values[i]!;
        expect(Math.abs(v)).toBeLessThanOrEqual(MAX);
        if (Math.abs(v) < MAX) expect(Math.abs(x - v * unit)).toBeLessThanOrEqual(unit / 2);
        else expect(Math.abs(x)).toBeGreaterThanOrEqual((MAX - 0.5) * unit);
      });
      expect(Math.max(...xs.map(Math.abs))).toBeLessThan(2 ** (b.exp + 15)); // the max has 15 magnitude bits at most
    }
  });
});

describe('the DFP FMA\'s partial sums (the golden rule)', () => {
  it('hand-worked: two full-scale beats overflow once; an overflow on the last beat sends two partials', () => {
    const big = [MAX, MAX, MAX, MAX] as const, p2 = 2n * BigInt(MAX) ** 2n; // 2147352578 < 2^31
    expect(dfpFmaPartials([big, big], 3, -5)).toEqual([{ partial: p2, exp: -2, last: false }, { partial: p2, exp: -2, last: true }]);
    expect(dfpFmaPartials([big, [MAX, MAX, 0, 0], [1, 1, 0, 0]], 0, 0)).toEqual([{ partial: p2, exp: 0, last: false }, { partial: BigInt(MAX) ** 2n + 1n, exp: 0, last: true }]);
    expect(dfpFmaPartials([big, [-MAX, MAX, -MAX, MAX], big], 0, 0).map((x) => x.partial)).toEqual([p2]); // back inside: no partial
    expect(dfpFmaPartials([[-32768, -32768, -32768, -32768]], 0, 0)).toEqual([{ partial: p2, exp: 0, last: true }]); // −32768 is read as −32767
    expect(dfpFmaPartials([big], 0, 0, 33)).toEqual([{ partial: p2, exp: 0, last: true }]);
  });

  it('random packets: the partials sum to the exact dot product, each fits INT32, and each early one would have overflowed with the next beat', () => {
    const rng = seededRng(SEED + 1), r16 = () => Math.floor(rng() * 65536) - 32768;
    let overflows = 0;
    for (let t = 0; t < 3000; t++) {
      const shift = Math.floor(rng() * 4);
      const beats = Array.from({ length: 1 + Math.floor(rng() * 40) }, () => [r16() >> shift, r16() >> shift, r16() >> shift, r16() >> shift] as const);
      const parts = dfpFmaPartials(beats, 0, 0);
      const c = (x: number) => BigInt(Math.max(x, -MAX));
      const exact = beats.reduce((s, [a0, b0, a1, b1]) => s + c(a0) * c(b0) + c(a1) * c(b1), 0n);
      expect(parts.reduce((s, x) => s + x.partial, 0n)).toBe(exact);
      for (const x of parts) expect(x.partial >= -(2n ** 31n) && x.partial < 2n ** 31n).toBe(true);
      expect(parts.filter((x) => x.last)).toHaveLength(1);
      expect(parts.at(-1)!.last).toBe(true);
      overflows += parts.length - 1;
    }
    expect(overflows).toBeGreaterThan(100); // the property was exercised
  });

  it('the FP32 combination adds each partial\'s float32 value in float32', () => {
    const parts = [{ partial: 2n ** 30n + 1n, exp: -30, last: false }, { partial: -1n, exp: -30, last: true }];
    // 1 + 2^−30 is 1 in float32; 1 − 2^−30 is 1 − 2^−30 rounded to float32 = 1.
    expect(dfpCombine(parts)).toBe(1);
    expect(dfpCombine([{ partial: 3n, exp: 1, last: true }])).toBe(6);
  });
});

describe('dfp.quantize and dfp.fma in cosimulation', () => {
  for (const [block, stages] of [[1, 0], [5, 2], [16, 1], [32, 2]] as const) {
    it(`dfp.quantize --block ${block} --stages ${stages}: Verilator`, async () => {
      await cosimClean(dfpQuantizeBlock, { block, stages }, 'verilator', { seed: SEED, vectors: VECTORS.fast });
    }, 120_000);
  }
  it('dfp.quantize --fmax 150 (xc7 model): pipelined from its combinational form, bit-exact at the new latency in both simulators', async () => {
    const fmax = { mhz: 150, fabric: TIMING_MODELS.xc7.fabric };
    for (const sim of ['verilator', 'icarus'] as const) {
      const r = await simulate(dfpQuantizeBlock as unknown as BlockDef, dfpQuantizeBlock.params.parse({}), sim, { seed: SEED, vectors: sim === 'icarus' ? 2000 : VECTORS.fast, outDir: mkdtempSync(join(tmpdir(), 'bitforge-dfp-fmax-')), fmax });
      expect(r.failed, r.report.join('\n')).toBe(0);
    }
  }, 120_000);
  it('dfp.quantize (defaults): Icarus', async () => {
    await cosimClean(dfpQuantizeBlock, dfpQuantizeBlock.params.parse({}), 'icarus', { seed: SEED, vectors: 5000 });
  }, 120_000);
  for (const accBits of [32, 33, 48]) {
    it(`dfp.fma --acc-bits ${accBits}: Verilator, partials early and on the last beat`, async () => {
      const r = await cosimClean(dfpFmaBlock, { accBits }, 'verilator', { seed: SEED, vectors: VECTORS.fast });
      if (accBits === 32) expect(r.passed).toBeGreaterThan(VECTORS.fast / 40 + 50); // more partials than packets
    }, 120_000);
  }
  it('dfp.fma with `*` multipliers: Verilator', async () => {
    await cosimClean(dfpFmaBlock, { accBits: 32, multiplier: 'operator' }, 'verilator', { seed: SEED, vectors: VECTORS.fast });
  }, 120_000);
  it('dfp.fma (defaults): Icarus', async () => {
    await cosimClean(dfpFmaBlock, dfpFmaBlock.params.parse({}), 'icarus', { seed: SEED, vectors: 5000 });
  }, 120_000);
});
