// fpraker.pe: the golden model against hand-worked dot products (NAF terms, the skip rule, the cycle
// count) and against exact sums, then the RTL in cosimulation (results and cycle counts) and its
// cycle model. The 10^5-beat runs, mutations and real tensors are in fpraker.long.test.ts.

import { describe, expect, it } from 'vitest';
import { fprakerPeBlock } from '../../src/blocks/fpraker/pe/block.js';
import { fprakerDot, naf, peGolden } from '../../src/blocks/fpraker/pe/golden.js';
import { params, type FprakerParams } from '../../src/blocks/fpraker/pe/params.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { cosimClean, steadyRun } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 41);
console.log(`fpraker: seed ${SEED}`);
const P = (o: Partial<FprakerParams> = {}) => params.parse(o);
const bf = (x: number) => new Uint32Array(new Float32Array([x]).buffer)[0]! >>> 16; // exact bf16 values only
const f32 = (c: number) => new Float32Array(new Uint32Array([c]).buffer)[0]!;
const pad = (p: FprakerParams, pairs: Array<[number, number]>) => Array.from({ length: p.lanes }, (_, i) => pairs[i] ?? [0, 0] as [number, number]);

describe('FPRaker golden model', () => {
  it('non-adjacent forms: the terms sum to x, no two are adjacent, at most 5 for 8 bits', () => {
    expect(naf(7)).toEqual([[3, 1], [0, -1]]);
    expect(naf(0xff)).toEqual([[8, 1], [0, -1]]);
    expect(naf(0xaa)).toEqual([[7, 1], [5, 1], [3, 1], [1, 1]]);
    for (let x = 0; x < 256; x++) {
      const t = naf(x);
      expect(t.reduce((s, [k, d]) => s + d * 2 ** k, 0)).toBe(x);
      for (let j = 1; j < t.length; j++) expect(t[j - 1]![0] - t[j]![0]).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(5);
    }
  });

  it('hand-worked groups: cycles are the most terms in a lane; a lane far below the others is skipped', () => {
    const p = P({ lanes: 2 });
    // 1.0 × 3.0: A = 0x80 is one term; 1.75 (0xe0 = 256 − 32: two terms) × 2 = 3.5.
    expect(fprakerDot(p, [pad(p, [[bf(1), bf(3)]])])).toMatchObject({ result: new Uint32Array(new Float32Array([3]).buffer)[0], cycles: 1, terms: 1, skipped: 0 });
    const t = fprakerDot(p, [pad(p, [[bf(1.75), bf(2)], [bf(1), bf(-1)]])]);
    expect([f32(t.result), t.cycles, t.terms]).toEqual([2.5, 2, 3]);
    // 2^40 beside 2^−40: the small lane's single term is 80 binades below: skipped, 1 cycle.
    const s = fprakerDot(p, [pad(p, [[bf(2 ** 40), bf(1)], [bf(2 ** -40), bf(1)]])]);
    expect([f32(s.result), s.cycles, s.skipped]).toEqual([2 ** 40, 1, 1]);
    // An empty group still takes a cycle; a NaN makes the result NaN; a sum that cancels is +0.
    expect(fprakerDot(p, [pad(p, [])]).cycles).toBe(1);
    expect(fprakerDot(p, [pad(p, [[0x7fc0, bf(1)]])]).result).toBe(0x7fc00000);
    expect(fprakerDot(p, [pad(p, [[bf(1.5), bf(2)], [bf(-3), bf(1)]])]).result).toBe(0);
  });

  it('random dots: within the window\'s truncation of the exact sum, and exact when no term is cut', () => {
    const p = P(), rng = seededRng(SEED);
    let exactCases = 0;
    for (let t = 0; t < 500; t++) {
      const spread = Math.floor(rng() * 30), groups = Array.from({ length: 1 + Math.floor(rng() * 10) }, () => pad(p, Array.from({ length: 8 }, () => [bf(Math.fround((rng() - 0.5) * 2 ** Math.floor(rng() * spread))) & 0xff80 | Math.floor(rng() * 128), bf(Math.fround(rng() - 0.5))] as [number, number])));
      const r = fprakerDot(p, groups);
      let exact = 0, mag = 0;
      for (const g of groups) for (const [a, b] of g) { const x = f32(a << 16) * f32(b << 16); exact += x; mag += Math.abs(x); }
      // Each group cuts at most 5L terms' bits below 2^E and shifts S; the window keeps ≥ 25 bits below the group's top.
      expect(Math.abs(f32(r.result) - exact)).toBeLessThanOrEqual(mag * 2 ** -20 + Math.abs(exact) * 2 ** -23);
      if (spread === 0 && r.skipped === 0) exactCases++;
    }
    expect(exactCases).toBeGreaterThan(0);
  });
});

describe('fpraker.pe in cosimulation', () => {
  for (const o of [{}, { lanes: 1 }, { lanes: 3, accBits: 16 }, { lanes: 16, accBits: 48 }]) {
    it(`${JSON.stringify(o)}: results and cycle counts in Verilator`, async () => {
      await cosimClean(fprakerPeBlock, P(o), 'verilator', { seed: SEED, vectors: VECTORS.fast });
    }, 180_000);
  }
  it('the defaults in Icarus', async () => {
    await cosimClean(fprakerPeBlock, P(), 'icarus', { seed: SEED, vectors: 3000 });
  }, 180_000);

  it('cycle model: without stalls the unit runs its groups\' cycles back to back, one more per dot product', async () => {
    const p = P(), rng = seededRng(SEED), g = peGolden(p), packets: Vector[][] = [];
    let model = 0;
    for (let t = 0; t < 40; t++) {
      const n = 1 + Math.floor(rng() * 20);
      const pk = Array.from({ length: n }, (_, j) => { const v: Vector = { in_last: j === n - 1 ? 1n : 0n }; for (let i = 0; i < 8; i++) { v[`a${i}`] = BigInt(0x3c00 + Math.floor(rng() * 0x800)); v[`b${i}`] = BigInt(0x3c00 + Math.floor(rng() * 0x800)); } return v; });
      packets.push(pk);
      model += Number(g(pk)[0]!.cycles) + 1;
    }
    const r = await steadyRun(fprakerPeBlock, p, packets, SEED);
    expect(r.failed).toBe(0);
    expect(r.cycles).toBeGreaterThanOrEqual(model);
    expect(r.cycles).toBeLessThanOrEqual(model + 3); // the first load and the pipeline's ends
  }, 180_000);
});
