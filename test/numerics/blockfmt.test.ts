// Block-scaled formats (formats.md §8): hand-computed cases, the slow exact reference, agreement
// with the MX and NVFP4 models on their shared configurations, and the LFSR of stochastic rounding.

import { describe, expect, it } from 'vitest';
import { blockDot, blockElem, dequantizeBlock, quantizeBlock, tensorScaleOf, type BlockFormat, type ScaleName } from '../../src/numerics/blockfmt.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { f32Bits, f32FromBits, mxQuantizeBlock } from '../../src/numerics/mx.js';
import { nvfp4Dot, nvfp4QuantizeBlock, nvfp4TensorScale } from '../../src/numerics/nvfp4.js';
import { LaneLfsr, lfsrSeed, lfsrStep } from '../../src/numerics/lfsr.js';
import { refBlockDot, refBlockQuantize, refTensorScale } from '../../src/numerics/reference/blockfmt.js';
import { refMxQuantize } from '../../src/numerics/reference/mx.js';
import { seededRng } from '../../src/util/rng.js';

const SEED = 0x5eed29;
const fmt = (elem: string, block: number, scale: ScaleName, tensorScale = scale !== 'e8m0', range: 'symmetric' | 'full' = 'symmetric'): BlockFormat =>
  ({ elem: blockElem(elem, scale, range), block, scale, tensorScale });

/** Random float32 blocks around a random binade, with zeros and (rarely) specials. */
function* blocks(k: number, n: number, seed: number, specials = true): Generator<Float32Array> {
  const r = seededRng(seed);
  for (let i = 0; i < n; i++) {
    const bits = new Uint32Array(k), centre = Math.floor(r() * 200) + 27;
    for (let j = 0; j < k; j++) {
      const e = Math.max(0, Math.min(254, centre - Math.floor(r() * r() * 30)));
      bits[j] = ((r() < 0.5 ? 0x80000000 : 0) | (e << 23) | Math.floor(r() * 0x800000)) >>> 0;
      if (r() < 0.03) bits[j] = r() < 0.5 ? 0 : 0x80000000;
    }
    if (specials && r() < 0.01) bits[Math.floor(r() * k)] = r() < 0.5 ? 0x7fc00000 : 0xff800000;
    yield new Float32Array(bits.buffer);
  }
}

describe('block-scaled elements', () => {
  it('intB means k · 2^-(B-2) under e8m0 and plain k under ue scales, clipped symmetrically unless full', () => {
    const values = (elem: string, scale: ScaleName, range: 'symmetric' | 'full') => {
      const f = blockElem(elem, scale, range);
      return quantizeBlock(Float32Array.of(-127.9, 127.9), { ...fmt(elem, 2, scale), elem: f }).codes.map((c) => decodeToNumber(f, c));
    };
    // X = 2^6; ±127.9 / 64 = ±1.998 rounds to ±2 (k = ±8), which clips to ±7/4, or to −8/4 with the full range.
    expect(values('int4', 'e8m0', 'symmetric')).toEqual([-1.75, 1.75]);
    expect(values('int4', 'e8m0', 'full')).toEqual([-2, 1.75]);
    expect(values('int4', 'ue4m3', 'full')).toEqual([-7, 7]); // S_b = fl(127.9 / 7) rounded: the max maps to ≈ 7
    expect(blockElem('int4', 'ue4m3').name).toBe('int4-sym');
    expect(blockElem('int8', 'e8m0').name).toBe('int8'); // formats.md §3's MX INT8
  });
});

describe('block quantization, hand-computed', () => {
  it('MXINT4: amax 7 gives X = 2^2, elements 7/4 → 7, 1/4 → 1, 1/8 → 0 (tie to even)', () => {
    const q = quantizeBlock(Float32Array.of(7, 1, 0.5, -3), fmt('int4', 4, 'e8m0'));
    expect(q.scale).toBe(127 + 2);
    expect(q.codes).toEqual([7, 1, 0, 0xd]); // −3/4 → −0.75 → k = −3 = 0xd
  });

  it('NVINT4 without a tensor scale: amax 7 → S_b = 1 (0x38); 3.5 → 4 (tie to even), −1 → 0xf', () => {
    const q = quantizeBlock(Float32Array.of(7, 3.5, -1, 0), fmt('int4', 4, 'ue4m3', false));
    expect(q.scale).toBe(0x38);
    expect(q.codes).toEqual([7, 4, 0xf, 0]);
  });

  it('UE5M3 e2m1: a block max beyond 6 · 114688 saturates the scale at 0xfe and the element at 6', () => {
    const q = quantizeBlock(Float32Array.of(1e6, -1), fmt('e2m1', 2, 'ue5m3', false));
    expect(q.scale).toBe(0xfe);
    expect(decodeToNumber(blockElem('ue5m3', 'ue5m3'), q.scale)).toBe(114688);
    expect(q.codes).toEqual([0x7, 0x8]); // 8.7 → 6; −1/114688 → −0
  });

  it('tensor scale: amax / (emax_val · max(S)), 7 · 448 for NVINT4 and 6 · 114688 for UE5M3 e2m1', () => {
    expect(tensorScaleOf(Float32Array.of(3136, -1), fmt('int4', 2, 'ue4m3'))).toBe(1);
    expect(tensorScaleOf(Float32Array.of(688128), fmt('e2m1', 1, 'ue5m3'))).toBe(1);
    expect(tensorScaleOf(Float32Array.of(0, 0), fmt('e2m1', 2, 'ue5m3'))).toBe(1);
  });

  it('a NaN input or a tensor scale that is not positive and finite: NaN scale, +0 elements', () => {
    expect(quantizeBlock(Float32Array.of(1, NaN), fmt('int4', 2, 'ue5m3'))).toMatchObject({ scale: 0xff, codes: [0, 0] });
    expect(quantizeBlock(Float32Array.of(1, 2), fmt('e2m1', 2, 'ue4m3'), -1)).toMatchObject({ scale: 0x7f, codes: [0, 0] });
  });

  it('dequantize inverts: NVINT4 values are P · S_b · S_t', () => {
    const bf = fmt('int4', 4, 'ue4m3');
    const v = Float32Array.of(7, 3.5, -1, 0), st = 0.5;
    const q = quantizeBlock(v, bf, st);
    expect([...dequantizeBlock(q.scale, q.codes, bf, st)]).toEqual([7, 4, -1, 0]);
  });
});

const UE_CASES: Array<[string, ScaleName, 'symmetric' | 'full']> = [
  ['e2m1', 'ue4m3', 'symmetric'], ['int4', 'ue4m3', 'symmetric'], ['int4', 'ue4m3', 'full'], ['e2m1', 'ue5m3', 'symmetric'],
  ['int4', 'ue5m3', 'symmetric'], ['e2m3', 'ue5m3', 'symmetric'], ['e3m2', 'ue4m3', 'symmetric'],
];

describe('block quantization = exact reference', () => {
  UE_CASES.forEach(([elem, scale, range], ci) => {
    it(`${elem} (${range}) with ${scale} scales: 3000 random 16-element blocks, tensor scales from the tensor, random and extreme`, () => {
      const bf = fmt(elem, 16, scale, true, range);
      const r = seededRng(SEED + ci);
      let n = 0;
      for (const v of blocks(16, 3000, SEED + 100 + ci)) {
        const bits = new Uint32Array(v.buffer);
        const stBits = n % 3 === 0 ? refTensorScale(bits.map((b) => ((b & 0x7fffffff) >= 0x7f800000 ? 0 : b)), bf.elem, scale as 'ue4m3')
          : n % 3 === 1 ? f32Bits(2 ** (Math.floor(r() * 250) - 140) * (1 + r())) : [0x00000001, 0x7f7fffff, 0, 0xbf800000, 0x7f800000][n % 5]!;
        const got = quantizeBlock(v, bf, f32FromBits(stBits)), want = refBlockQuantize(bits, stBits, bf.elem, scale as 'ue4m3');
        if (got.scale !== want.scale || got.codes.some((c, j) => c !== want.codes[j])) {
          throw new Error(`${elem}/${scale} block ${n} (S_t 0x${stBits.toString(16)}): [${[...bits].map((b) => b.toString(16))}] → fast ${got.scale.toString(16)} [${got.codes.map((c) => c.toString(16))}], reference ${want.scale.toString(16)} [${want.codes.map((c) => c.toString(16))}]`);
        }
        n++;
      }
      expect(n).toBe(3000);
    });
  });

  it('the tensor scale equals the reference on random tensors', () => {
    for (const [elem, scale] of UE_CASES) {
      for (const v of blocks(64, 50, SEED + 7, false)) {
        const bf = fmt(elem, 16, scale);
        expect(f32Bits(tensorScaleOf(v, bf))).toBe(refTensorScale(new Uint32Array(v.buffer), bf.elem, scale as 'ue4m3'));
      }
    }
  });

  for (const range of ['symmetric', 'full'] as const) {
    it(`MXINT4 (${range}) and MXINT8 (${range}) with e8m0 scales: 2000 random 32-element blocks`, () => {
      for (const elem of ['int4', 'int8']) {
        const bf = fmt(elem, 32, 'e8m0', false, range);
        for (const v of blocks(32, 2000, SEED + 200)) {
          const got = quantizeBlock(v, bf), want = refMxQuantize(new Uint32Array(v.buffer), bf.elem, 'floor', 'rne');
          expect([got.scale, got.codes]).toEqual([want.scale, want.codes]);
        }
      }
    });
  }

  it('dot products of NVINT4, UE5M3 e2m1 and mixed blocks equal the exact reference', () => {
    const pairs: Array<[BlockFormat, BlockFormat]> = [[fmt('int4', 16, 'ue4m3'), fmt('int4', 16, 'ue4m3')], [fmt('e2m1', 16, 'ue5m3'), fmt('e2m1', 16, 'ue5m3')], [fmt('int4', 16, 'ue5m3'), fmt('e2m1', 16, 'ue4m3')]];
    const r = seededRng(SEED + 300);
    for (const [fa, fb] of pairs) {
      for (let n = 0; n < 2000; n++) {
        const side = (bf: BlockFormat) => ({
          scale: Math.floor(r() * (bf.scale === 'ue4m3' ? 0x7f : 0xff)), st: f32Bits(2 ** (Math.floor(r() * 200) - 100) * (1 + r())),
          codes: Array.from({ length: 16 }, () => Math.floor(r() * 16)).map((c) => (bf.elem.name === 'int4-sym' && c === 8 ? 0 : c)),
        });
        const a = side(fa), b = side(fb);
        const got = blockDot({ ...a, tensorScale: f32FromBits(a.st) }, fa, { ...b, tensorScale: f32FromBits(b.st) }, fb);
        expect(f32Bits(got)).toBe(refBlockDot(a, b, fa.elem, fb.elem, fa.scale as 'ue4m3', fb.scale as 'ue4m3'));
      }
    }
  });
});

describe('agreement with the MX and NVFP4 models on shared configurations', () => {
  it('NVFP4 = e2m1, block 16, ue4m3, tensor scale: same scales, codes and dot products', () => {
    const bf = fmt('e2m1', 16, 'ue4m3');
    let prev: { scale: number; codes: number[]; tensorScale: number } | undefined;
    for (const v of blocks(64, 500, SEED + 400, false)) {
      const st = nvfp4TensorScale(v);
      expect(tensorScaleOf(v, bf)).toBe(st);
      for (let b = 0; b < 4; b++) {
        const blk = v.subarray(16 * b, 16 * b + 16);
        const mine = quantizeBlock(blk, bf, st), theirs = nvfp4QuantizeBlock(blk, st);
        expect([mine.scale, mine.codes]).toEqual([theirs.scale, [...theirs.codes]]);
        const cur = { scale: mine.scale, codes: mine.codes, tensorScale: st };
        if (prev) expect(Object.is(blockDot(prev, bf, cur, bf), nvfp4Dot(prev, cur))).toBe(true);
        prev = cur;
      }
    }
  });

  it('MXFP8/6/4 and MXINT8 with e8m0 scales: the MX model, with every scale rule', () => {
    for (const elem of ['e4m3', 'e5m2', 'e3m2', 'e2m3', 'e2m1', 'int8']) {
      for (const scaleRule of ['floor', 'ceil', 'rceil', 'even'] as const) {
        for (const v of blocks(32, 100, SEED + 500)) {
          const bf = { ...fmt(elem, 32, 'e8m0'), scaleRule };
          const mine = quantizeBlock(v, bf), theirs = mxQuantizeBlock(v, bf.elem, { scaleRule });
          expect([mine.scale, mine.codes]).toEqual([theirs.scale, theirs.codes]);
        }
      }
    }
  });
});

// GF(2) polynomials as BigInt bit sets: the LFSR's mask must be the spec's polynomial, of full period.
const P = (1n << 32n) | (1n << 22n) | (1n << 2n) | (1n << 1n) | 1n;
function polyMulMod(a: bigint, b: bigint): bigint {
  let r = 0n;
  for (; b; b >>= 1n) {
    if (b & 1n) r ^= a;
    a <<= 1n;
    if (a >> 32n) a ^= P;
  }
  return r;
}
function polyPow(a: bigint, e: bigint): bigint {
  let r = 1n;
  for (; e; e >>= 1n, a = polyMulMod(a, a)) if (e & 1n) r = polyMulMod(r, a);
  return r;
}

describe('the stochastic-rounding LFSR', () => {
  it('one step divides the state by x modulo x^32 + x^22 + x^2 + x + 1', () => {
    const r = seededRng(SEED + 600);
    for (let i = 0; i < 1000; i++) {
      const s = Math.floor(r() * 2 ** 32) >>> 0 || 1;
      expect(polyMulMod(BigInt(lfsrStep(s)), 2n)).toBe(BigInt(s));
    }
  });

  it('the polynomial is primitive: the LFSR has period 2^32 − 1', () => {
    const order = 2n ** 32n - 1n;
    expect(polyPow(2n, order)).toBe(1n);
    for (const q of [3n, 5n, 17n, 257n, 65537n]) expect(polyPow(2n, order / q)).not.toBe(1n);
  });

  it('lanes are seeded with seed XOR golden-ratio multiples; a zero state becomes 1', () => {
    expect(lfsrSeed(0, 0)).toBe(0x9e3779b9);
    expect(lfsrSeed(0, 1)).toBe(Number((0x9e3779b9n * 2n) % 2n ** 32n));
    expect(lfsrSeed(0x9e3779b9, 0)).toBe(1);
  });

  it('lanes serve elements l, l + L, …: with 2 lanes, element 2 takes lane 0’s second step', () => {
    const g = new LaneLfsr(7, 2, 4, 32).next();
    const s0 = lfsrSeed(7, 0), s1 = lfsrSeed(7, 1);
    expect([...g]).toEqual([lfsrStep(s0), lfsrStep(s1), lfsrStep(lfsrStep(s0)), lfsrStep(lfsrStep(s1))]);
  });

  it('stochastic rounding with the LFSR is unbiased on 10^6 values where RNE is not', () => {
    // Values in the lower 30 % of e2m1's [2, 3) gap (rne rounds every one down) in MX blocks of 32 with
    // a fixed scale of 1 (6 in each block pins the scale); one block of 32 per LFSR step.
    const N = 1_000_000 - (1_000_000 % 31), bf: BlockFormat = { ...fmt('e2m1', 32, 'e8m0'), round: 'stochastic', randomBits: 8 };
    const lfsr = new LaneLfsr(12345, 32, 32, 8), r = seededRng(SEED + 700);
    let errSr = 0, errRne = 0, sqSr = 0;
    for (let done = 0; done < N; done += 31) {
      const v = Float32Array.from({ length: 32 }, (_, j) => (j === 0 ? 6 : 2 + 0.3 * r()));
      const sr = quantizeBlock(v, bf, 1, lfsr.next()), rne = quantizeBlock(v, { ...bf, round: 'rne' });
      expect(sr.scale).toBe(127);
      const dq = dequantizeBlock(sr.scale, sr.codes, bf), dr = dequantizeBlock(rne.scale, rne.codes, bf);
      for (let j = 1; j < 32; j++) {
        errSr += dq[j]! - v[j]!; sqSr += (dq[j]! - v[j]!) ** 2; errRne += dr[j]! - v[j]!;
      }
    }
    const meanSr = errSr / N, meanRne = errRne / N, sd = Math.sqrt(sqSr / N - meanSr ** 2);
    console.log(`stochastic rounding on ${N} values: mean error ${meanSr.toExponential(3)} (sd ${sd.toFixed(4)}), rne ${meanRne.toFixed(4)}`);
    expect(meanRne).toBeLessThan(-0.14); // rne: every value rounds down to 2, by 0.15 on average
    // 8 random bits truncate the rounding probability by < 2^-8 of the gap (1): |bias| < 2^-8, plus 5 σ of the mean.
    expect(Math.abs(meanSr)).toBeLessThan(2 ** -8 + (5 * sd) / Math.sqrt(N));
  });
});
