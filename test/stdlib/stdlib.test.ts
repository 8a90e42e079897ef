// The standard library, exhaustively over its input space, against reference functions written here.

import { describe, it } from 'vitest';
import { defineModule, input, output, SInt, std, UInt } from '../../src/dsl/index.js';
import { allValues, checkBehaviour, emit, product, rng, type Vector } from '../helpers/hdl.js';
import { s, u } from '../helpers/model.js';

const big = (v: bigint | number | undefined) => BigInt(v ?? 0);
const SEED = Number(process.env.BITFORGE_SEED ?? 7);
console.log(`stdlib: seed ${SEED}`);

describe('stdlib', () => {
  for (const w of [1, 2, 5, 8, 9]) {
    it(`leadingZeros, priorityEncoder, highestOne and popcount on ${w} bits (exhaustive)`, async () => {
      const g = defineModule('counts', (p: { w: number }) => {
        const x = input('x', UInt(p.w));
        output('lz', UInt(std.bitsFor(p.w))).set(std.leadingZeros(x));
        const pe = std.priorityEncoder(x);
        output('pe_index', UInt(Math.max(1, std.clog2(p.w)))).set(pe.index);
        output('pe_valid', UInt(1)).set(pe.valid);
        const ho = std.highestOne(x);
        output('ho_index', UInt(Math.max(1, std.clog2(p.w)))).set(ho.index);
        output('ho_valid', UInt(1)).set(ho.valid);
        output('pop', UInt(std.bitsFor(p.w))).set(std.popcount(x));
      });
      await checkBehaviour(emit(g, { w }), product({ x: allValues(w, false) }), (v) => {
        const x = big(v.x);
        let lz = 0; while (lz < w && !((x >> BigInt(w - 1 - lz)) & 1n)) lz++;
        let tz = 0; while (tz < w && !((x >> BigInt(tz)) & 1n)) tz++;
        const pop = [...x.toString(2)].filter((c) => c === '1').length;
        return { lz: BigInt(lz), pe_valid: x ? 1n : 0n, ho_valid: x ? 1n : 0n, pop: BigInt(pop), ...(x ? { pe_index: BigInt(tz), ho_index: BigInt(w - 1 - lz) } : {}) };
      });
    });
  }

  it('barrelShift: every kind, every amount (amounts beyond the width included), exhaustive on 6 bits', async () => {
    const kinds = ['left', 'right-logical', 'right-arith', 'rotate-left', 'rotate-right'] as const;
    const g = defineModule('barrel', () => {
      const x = input('x', UInt(6)), n = input('n', UInt(3)), sx = input('sx', SInt(6));
      for (const k of kinds) output(k.replace('-', '_'), UInt(6)).set(std.barrelShift(x, n, k));
      output('sra', SInt(6)).set(std.barrelShift(sx, n, 'right-arith'));
    });
    const W = 6n;
    await checkBehaviour(emit(g, {}), product({ x: allValues(6, false), n: allValues(3, false), sx: [-32n, -1n, 5n, 31n] }), (v) => {
      const x = big(v.x), n = big(v.n), sx = big(v.sx), r = n % W;
      return {
        left: u(x << n, 6), right_logical: x >> n, right_arith: u(s(x, 6) >> n, 6),
        rotate_left: u((x << r) | (x >> (W - r)), 6), rotate_right: u((x >> r) | (x << (W - r)), 6), sra: sx >> n,
      };
    });
  });

  it('select: options[idx] for 1, 5 and 8 options (indices past the list give the fill), signed options', async () => {
    const g = defineModule('sel', () => {
      const idx = input('idx', UInt(3)), xs = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => input(`x${k}`, UInt(4)));
      const one = input('one', UInt(1)), sx = [0, 1, 2].map((k) => input(`s${k}`, SInt(3)));
      output('five', UInt(4)).set(std.select(idx, xs.slice(0, 5)));
      output('eight', UInt(4)).set(std.select(idx, xs));
      output('single', UInt(4)).set(std.select(one, xs.slice(0, 1), xs[7]!));
      output('signed3', SInt(3)).set(std.select(idx.bits(1, 0), sx));
    });
    // The options hold distinct values, so a wrong route shows as a wrong value.
    const fixed = { x0: 1, x1: 2, x2: 3, x3: 4, x4: 5, x5: 6, x6: 7, x7: 9, s0: -4, s1: 3, s2: -1 };
    const vecs: Vector[] = [];
    for (let idx = 0; idx < 8; idx++) for (const one of [0, 1]) vecs.push({ ...fixed, idx, one });
    await checkBehaviour(emit(g, {}), vecs, (v) => {
      const i = Number(v.idx), xs = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 9n], sx = [-4n, 3n, -1n];
      return { five: i < 5 ? xs[i]! : 0n, eight: xs[i]!, single: v.one === 0 ? 1n : 9n, signed3: (i & 3) < 3 ? sx[i & 3]! : 0n };
    });
  });

  it('adderTree (odd term count, signed) and pipe/pipeValid (latency counted in cycles)', async () => {
    const g = defineModule('tree', () => {
      const xs = [0, 1, 2, 3, 4].map((i) => input(`x${i}`, SInt(5)));
      const v = input('v', UInt(1));
      output('sum', SInt(8)).set(std.adderTree(xs));
      output('late', SInt(8)).set(std.pipe(std.adderTree(xs), 2, 'late'));
      output('late_v', UInt(1)).set(std.pipeValid(v, 2));
    });
    const r = rng(SEED);
    const vecs: Vector[] = Array.from({ length: 500 }, (_, i) => {
      const vec: Vector = { rst: i < 1 ? 1 : 0, v: r() < 0.5 ? 1 : 0 };
      for (let k = 0; k < 5; k++) vec[`x${k}`] = Math.floor(r() * 32) - 16;
      return vec;
    });
    const sum = (v: Vector) => [0, 1, 2, 3, 4].reduce((a, k) => a + big(v[`x${k}`]), 0n);
    await checkBehaviour(emit(g, {}), vecs, (v, i) => ({
      sum: sum(v),
      ...(i >= 2 ? { late: sum(vecs[i - 2]!) } : {}),
      ...(i >= 1 ? { late_v: i >= 2 && vecs[i - 1]!.rst === 0 ? big(vecs[i - 2]!.v) * (vecs[i - 2]!.rst === 1 ? 0n : 1n) : 0n } : {}),
    }));
  });

  it('BitHeap: signed and unsigned words and loose bits at mixed weights, combinational and registered every level (random)', async () => {
    // Bits at weights that meet a chain's carry-in, fill an operand's low holes, and have no place
    // until the last level (weight 9): every path of the compression.
    const words = [{ w: 5, signed: true, at: 0 }, { w: 4, signed: false, at: 2 }, { w: 6, signed: true, at: 3 }, { w: 3, signed: true, at: 6 }, { w: 7, signed: false, at: 1 }];
    const bits = [0, 0, 1, 2, 2, 3, 5, 9, 0];
    const g = defineModule('heap', () => {
      const xs = words.map((d, i) => input(`x${i}`, d.signed ? SInt(d.w) : UInt(d.w)));
      const bs = bits.map((_, i) => input(`b${i}`, UInt(1)));
      const build = () => {
        const h = new std.BitHeap();
        xs.forEach((x, i) => h.addWord(x, words[i]!.at));
        bs.forEach((b, i) => h.addBit(b, bits[i]!));
        return h;
      };
      output('sum', SInt(14)).set(build().sum().ext(14));
      // The counter trees (6:3 on lut6, 3:2 on lut4), and the LUT6 chains' carry-in form.
      output('sum_c6', SInt(14)).set(build().sum({ compressor: 'counters', fabric: 'lut6' }).ext(14));
      output('sum_c4', SInt(14)).set(build().sum({ compressor: 'counters', fabric: 'lut4' }).ext(14));
      output('sum_l6', SInt(14)).set(build().sum({ fabric: 'lut6' }).ext(14));
      const piped = build().sumLevels({ every: 1, name: 'lv' });
      // However many levels the heap registers, the sum is padded out to 6 cycles.
      output('late', SInt(14)).set(std.pipe(piped.sum.ext(14), 6 - piped.stages, 'late'));
      output('stages_ok', UInt(1)).set(piped.stages >= 2 && piped.stages <= 6 ? 1 : 0);
    });
    const r = rng(SEED + 1);
    const vecs: Vector[] = Array.from({ length: 800 }, () => {
      const vec: Vector = {};
      words.forEach((d, i) => { vec[`x${i}`] = d.signed ? Math.floor(r() * 2 ** d.w) - 2 ** (d.w - 1) : Math.floor(r() * 2 ** d.w); });
      bits.forEach((_, i) => { vec[`b${i}`] = r() < 0.5 ? 1 : 0; });
      return vec;
    });
    // Corners: every word at its most negative / largest, every bit set.
    vecs.push(Object.fromEntries([...words.map((d, i) => [`x${i}`, d.signed ? -(2 ** (d.w - 1)) : 2 ** d.w - 1]), ...bits.map((_, i) => [`b${i}`, 1])]));
    vecs.push(Object.fromEntries([...words.map((d, i) => [`x${i}`, d.signed ? 2 ** (d.w - 1) - 1 : 0]), ...bits.map((_, i) => [`b${i}`, 0])]));
    const sum = (v: Vector) => words.reduce((a, d, i) => a + (big(v[`x${i}`]) << BigInt(d.at)), 0n) + bits.reduce((a, w, i) => a + (big(v[`b${i}`]) << BigInt(w)), 0n);
    await checkBehaviour(emit(g, {}), vecs, (v, i) => ({ sum: sum(v), sum_c6: sum(v), sum_c4: sum(v), sum_l6: sum(v), stages_ok: 1n, ...(i >= 6 ? { late: sum(vecs[i - 6]!) } : {}) }));
  });

  it('popcount of 24 and 64 bits (random and all-ones) through the heap', async () => {
    const g = defineModule('pops', () => {
      const a = input('a', UInt(24)), b = input('b', UInt(64));
      output('pa', UInt(5)).set(std.popcount(a));
      output('pb', UInt(7)).set(std.popcount(b));
      const heap = new std.BitHeap();
      for (let i = 0; i < 64; i++) heap.addBit(b.bit(i));
      output('pc', UInt(7)).set(heap.sum({ compressor: 'counters', fabric: 'lut6' }));
    });
    const r = rng(SEED + 2);
    const rand = (w: number) => Array.from({ length: w }, () => (r() < 0.5 ? '1' : '0')).join('');
    const vecs: Vector[] = Array.from({ length: 400 }, () => ({ a: BigInt(`0b${rand(24)}`), b: BigInt(`0b${rand(64)}`) }));
    vecs.push({ a: (1n << 24n) - 1n, b: (1n << 64n) - 1n }, { a: 0n, b: 0n });
    const pop = (x: bigint) => BigInt([...x.toString(2)].filter((c) => c === '1').length);
    await checkBehaviour(emit(g, {}), vecs, (v) => ({ pa: pop(big(v.a)), pb: pop(big(v.b)), pc: pop(big(v.b)) }));
  });
});
