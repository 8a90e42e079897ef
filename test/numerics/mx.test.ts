// MX block quantization: hand-computed cases from formats.md §3, directed corner blocks, and seeded
// random blocks, each compared with the slow exact reference.

import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../src/numerics/format.js';
import { f32Bits, mxDequantizeBlock, mxQuantizeBlock, type ScaleRule } from '../../src/numerics/mx.js';
import { refMxQuantize } from '../../src/numerics/reference/mx.js';
import { rng } from '../helpers/hdl.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 271828);
const BLOCKS = Number(process.env.BITFORGE_MX_BLOCKS ?? 10_000);
console.log(`mx: seed ${SEED}, ${BLOCKS} random blocks per format`);
const ELEMS = ['e5m2', 'e4m3', 'e3m2', 'e2m3', 'e2m1', 'int8'];
const RULES: ScaleRule[] = ['floor', 'ceil', 'rceil', 'even'];
const block = (xs: number[]) => Float32Array.from(xs);
const fromBits = (b: number) => new Float32Array(new Uint32Array([b]).buffer)[0]!;

describe('MX quantization, hand-computed (formats.md §3)', () => {
  it('e2m1: amax 7 gives X = 2^0 and P = 6 (the floor rule saturates the block max)', () => {
    const r = mxQuantizeBlock(block([7, 1, -0.5, 0]), parseFormat('e2m1'));
    expect(r.scale).toBe(127);
    expect(r.codes).toEqual([0x7, 0x2, 0x9, 0x0]); // 6, 1, -0.5, +0
  });
  it('all-zero block: scale code 0x00, signed zeros kept', () => {
    const r = mxQuantizeBlock(block([0, -0, 0]), parseFormat('e4m3'));
    expect(r).toEqual({ scale: 0x00, codes: [0x00, 0x80, 0x00], flags: 0 });
  });
  it('NaN or Inf anywhere: scale NaN (0xFF), elements NaN where the format has NaN, else 0', () => {
    expect(mxQuantizeBlock(block([1, NaN]), parseFormat('e4m3'))).toMatchObject({ scale: 0xff, codes: [0x7f, 0x7f], flags: 1 });
    expect(mxQuantizeBlock(block([1, -Infinity]), parseFormat('e2m1'))).toMatchObject({ scale: 0xff, codes: [0, 0] });
    expect(Array.from(mxDequantizeBlock(0xff, [0, 1], parseFormat('e2m1'))).every(Number.isNaN)).toBe(true);
  });
  it('amax a few ulps below a power of two: exact floor(log2), unlike a float32 log2', () => {
    const justBelow4 = fromBits(f32Bits(4) - 3); // 3.9999993
    const r = mxQuantizeBlock(block([justBelow4, 1]), parseFormat('e4m3'));
    expect(r.scale).toBe(127 + 1 - 8); // floor(log2) = 1, emax 8
  });
  it('float32 subnormal amax: exponent from the leading one', () => {
    const r = mxQuantizeBlock(block([fromBits(0x00000300)]), parseFormat('e4m3')); // 3·2^-149 → floor log2 = -148
    expect(r.scale).toBe(Math.max(0, 127 - 148 - 8)); // clamped to 2^-127
  });
  it('INT8: P = round(V/X · 64), clamped to ±127', () => {
    const r = mxQuantizeBlock(block([1.99, -1, 0.0078125, 1.5]), parseFormat('int8'));
    expect(r.scale).toBe(127);
    expect(r.codes).toEqual([127, 0xc0, 0, 96]); // 1.99·64 = 127.36 → 127; -64; 0.5 → 0 (ties to even); 96
  });
  it('dequantize gives X · P exactly', () => {
    const r = mxQuantizeBlock(block([448, -3.25, 0.001]), parseFormat('e4m3'));
    // X = 2^(8-8); 0.001 / 2^-9 = 0.512 > 1/2 rounds up to the smallest subnormal 2^-9
    expect(Array.from(mxDequantizeBlock(r.scale, r.codes, parseFormat('e4m3')))).toEqual([448, -3.25, 2 ** -9]);
  });
});

/** Directed corner blocks plus seeded random ones (random magnitudes across the float32 range). */
function* blocks(k: number, n: number, seed: number): Generator<Uint32Array> {
  const r = rng(seed);
  const directed = [
    [0, -0], [fromBits(1), fromBits(0x807fffff)], [1, 2, 3, 4.5], [448, -464, 470, 1e-3],
    [fromBits(f32Bits(1) - 1), 0.25], [fromBits(f32Bits(8) - 2), -0.1], [3.4e38, 1], [1e-40, 2e-40, -3e-39],
    [6, 7, -7.5, 0.75, 0.25], [1, 1e-30], [1000, 0.5, 0.25, 0.125], [1.5, 2.5, 3.5, -0.75],
  ];
  for (const d of directed) yield new Uint32Array(Float32Array.from(d).buffer);
  for (let i = 0; i < n; i++) {
    const out = new Uint32Array(k);
    const centre = Math.floor(r() * 240) + 4; // block exponent
    for (let j = 0; j < k; j++) {
      const e = Math.max(0, Math.min(254, centre - Math.floor(r() * r() * 40)));
      out[j] = ((r() < 0.5 ? 0x80000000 : 0) | (e << 23) | Math.floor(r() * 0x800000)) >>> 0;
      if (r() < 0.02) out[j] = r() < 0.5 ? 0 : 0x80000000;
    }
    if (r() < 0.01) out[Math.floor(r() * k)] = r() < 0.5 ? 0x7fc00000 : 0xff800000;
    yield out;
  }
}

describe('MX quantization = exact reference', () => {
  ELEMS.forEach((name, fi) => {
    it(`${name}: directed and ${BLOCKS} random 32-element blocks, rule floor (rne), other rules and roundings on a share`, () => {
      const f = parseFormat(name);
      let i = 0;
      for (const bits of blocks(32, BLOCKS, SEED + fi)) {
        const rule = i % 4 === 0 ? RULES[(i >> 2) % 4]! : 'floor';
        const round = i % 7 === 3 ? 'rna' : i % 7 === 5 ? 'rtz' : 'rne';
        const got = mxQuantizeBlock(new Float32Array(bits.buffer), f, { scaleRule: rule, round });
        const want = refMxQuantize(bits, f, rule, round);
        if (got.scale !== want.scale || got.codes.some((c, j) => c !== want.codes[j])) {
          throw new Error(`${name} ${rule}/${round} block ${i}: [${[...bits].map((b) => b.toString(16)).join(' ')}] → fast ${got.scale.toString(16)} [${got.codes.map((c) => c.toString(16))}], reference ${want.scale.toString(16)} [${want.codes.map((c) => c.toString(16))}]`);
        }
        i++;
      }
      expect(i).toBe(BLOCKS + 12);
    });
  });

  it('stochastic rounding uses the caller’s random bits (deterministic) and matches the reference', () => {
    const f = parseFormat('e2m1');
    const r = rng(SEED);
    for (const bits of blocks(32, 500, SEED + 99)) {
      const rnd = Uint32Array.from({ length: 32 }, () => Math.floor(r() * 256));
      const got = mxQuantizeBlock(new Float32Array(bits.buffer), f, { round: 'stochastic', randomBits: 8 }, rnd);
      const want = refMxQuantize(bits, f, 'floor', 'stochastic', rnd, 8);
      expect([got.scale, got.codes]).toEqual([want.scale, want.codes]);
    }
  });
});
