// gobo.pe: the golden model against hand-worked dot products and float64, then the RTL in
// cosimulation (Verilator at several shapes, Icarus at the defaults) and its cycle model. The
// 10^5-beat runs, mutations and tiny-LLaMA dot products are in gobo-pe.long.test.ts.

import { describe, expect, it } from 'vitest';
import { goboPeBlock } from '../../src/blocks/gobo/pe/block.js';
import { peGolden } from '../../src/blocks/gobo/pe/golden.js';
import { params, POST_CYCLES, type GoboPeParams } from '../../src/blocks/gobo/pe/params.js';
import { peBeats } from '../../src/blocks/gobo/pe/operands.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { cosimClean, steadyRun } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 37);
console.log(`gobo pe: seed ${SEED}`);
const P = (o: Partial<GoboPeParams> = {}) => params.parse(o);
const f32 = (code: bigint) => new Float32Array(new Uint32Array([Number(code)]).buffer)[0]!;
const h = (x: number) => { // an exactly representable fp16 value's code (normal range)
  const s = x < 0 ? 0x8000 : 0, a = Math.abs(x);
  if (a === 0) return s;
  const e = Math.floor(Math.log2(a));
  return s | ((e + 15) << 10) | ((a / 2 ** e - 1) * 1024);
};

describe('gobo.pe golden model', () => {
  it('hand-worked dots: bins times centroids, masked lanes left out, outlier pairs exact, one float32 rounding', () => {
    const p = P({ lanes: 4 }), g = peGolden(p), steps = [1, 2, 3, 4, 5, 6, 7, 8].map(h);
    // Lanes to centroids 0, 1, 2, 7 with x = 1, 0.5, −2, 0.25: 1 + 1 − 6 + 2 = −2.
    expect(g(peBeats(p, steps, [{ idx: [0, 1, 2, 7], x: [1, 0.5, -2, 0.25].map(h) }])).map((v) => f32(v.result!))).toEqual([-2]);
    // Lane 2 masked: its weight is an outlier (3 · −2 = −6 comes as a pair instead of 3·−2 from the bin).
    expect(g(peBeats(p, steps, [{ idx: [0, 1, 2, 7], x: [1, 0.5, -2, 0.25].map(h), omask: 4 }], [[h(3), h(-2)]])).map((v) => f32(v.result!))).toEqual([-2]);
    // 65504² is exact in float32; 65504² + 2^−48 (smallest subnormal squared) rounds to 65504².
    expect(g(peBeats(p, null, [{ idx: [0, 0, 0, 0], x: [0, 0, 0, 0] }], [[0x7bff, 0x7bff], [1, 1]])).map((v) => f32(v.result!))).toEqual([65504 * 65504]);
    // 2^−24 · 2^−24 alone is 2^−48: a float32 normal.
    expect(g(peBeats(p, null, [{ idx: [0, 0, 0, 0], x: [0, 0, 0, 0] }], [[1, 1]])).map((v) => f32(v.result!))).toEqual([2 ** -48]);
    // The dictionary persists (the last packet wrote 1 … 8); a NaN lane makes the result NaN.
    expect(g(peBeats(p, null, [{ idx: [7, 7, 7, 7], x: [1, 1, 1, 1].map(h) }])).map((v) => f32(v.result!))).toEqual([32]);
    expect(g(peBeats(p, null, [{ idx: [7, 7, 7, 7], x: [1, 0x7e00, 1, 1].map((x, i) => (i === 1 ? x : h(x))) }])).map((v) => v.result)).toEqual([0x7fc00000n]);
  });

  it('random dots agree with float64 sums of the fp16 values to within float32 rounding', () => {
    const p = P(), g = peGolden(p), rng = seededRng(SEED);
    const val = (code: number) => { const e = (code >> 10) & 31, m = code & 1023, v = e ? (1 + m / 1024) * 2 ** (e - 15) : m * 2 ** -24; return code & 0x8000 ? -v : v; };
    for (let t = 0; t < 300; t++) {
      const code = () => ((rng() < 0.5 ? 0x8000 : 0) | (Math.floor(rng() * 30) << 10) | Math.floor(rng() * 1024));
      const dict = Array.from({ length: 8 }, code), rows = Array.from({ length: 1 + Math.floor(rng() * 20) }, () => ({ idx: Array.from({ length: 8 }, () => Math.floor(rng() * 8)), x: Array.from({ length: 8 }, code) }));
      let exact = 0;
      for (const r of rows) r.idx.forEach((c, i) => { exact += val(dict[c]!) * val(r.x[i]!); });
      const got = f32(g(peBeats(p, dict, rows))[0]!.result!);
      expect(Math.abs(got - exact)).toBeLessThanOrEqual(Math.abs(exact) * 2 ** -24 + Math.abs(exact) * 2 ** -40 + 2 ** -140);
    }
  });
});

describe('gobo.pe in cosimulation', () => {
  for (const o of [{}, { lanes: 1 }, { lanes: 3, n: 16 }, { lanes: 16 }]) {
    it(`${JSON.stringify(o)}: Verilator`, async () => {
      await cosimClean(goboPeBlock, P(o), 'verilator', { seed: SEED, vectors: VECTORS.fast });
    }, 180_000);
  }
  it('the defaults in Icarus', async () => {
    await cosimClean(goboPeBlock, P(), 'icarus', { seed: SEED, vectors: 3000 });
  }, 180_000);

  it(`cycle model: without stalls a dot product takes its beats + ${POST_CYCLES} cycles`, async () => {
    const p = P(), rng = seededRng(SEED), packets: Vector[][] = [];
    for (let t = 0; t < 30; t++) packets.push(peBeats(p, t === 0 ? [1, 2, 3, 4, 5, 6, 7, 8].map(h) : null, Array.from({ length: 1 + Math.floor(rng() * 30) }, () => ({ idx: Array.from({ length: 8 }, () => Math.floor(rng() * 8)), x: Array.from({ length: 8 }, () => Math.floor(rng() * 0x7800)) }))));
    const beats = packets.reduce((s, x) => s + x.length, 0);
    const r = await steadyRun(goboPeBlock, p, packets, SEED);
    expect(r.failed).toBe(0);
    expect(r.cycles).toBeLessThanOrEqual(beats + POST_CYCLES * packets.length + 2);
    expect(r.cycles).toBeGreaterThanOrEqual(beats + POST_CYCLES * packets.length - 1);
  }, 180_000);
});
