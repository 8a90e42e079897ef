// APack software codec: the range coder round trip (carries and long 0xFF runs reached), the
// container on adversarial tensors (empty, one value, one distinct value, uniform, all 2^B values,
// int16, zigzag, sub-tensors), every integer tensor of ../shared/data/weights losslessly and within
// 3 % of its entropy when it has ≥ 10^5 values, and corrupt or truncated files always refused.

import { describe, expect, it } from 'vitest';
import { loadInt8Tensors } from '../../src/accuracy/tensors.js';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { ApackCorrupt, decodeTensor, encodeTensor, parseContainer } from '../../src/blocks/apack/codec/codec.js';
import { writeValues, type Dtype } from '../../src/blocks/apack/codec/dtype.js';
import { RangeDecoder, RangeEncoder } from '../../src/blocks/apack/codec/range-coder.js';
import { seededRng } from '../../src/cosim/model.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 103);
console.log(`apack codec: seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('apack codec: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor round trips');

const entropy = (values: ArrayLike<number>) => {
  const h = new Map<number, number>();
  for (let i = 0; i < values.length; i++) h.set(values[i]!, (h.get(values[i]!) ?? 0) + 1);
  let bits = 0;
  for (const n of h.values()) bits -= n * Math.log2(n / values.length);
  return bits;
};

const roundTrip = (values: ArrayLike<number>, dtype: Dtype, o: { zigzag?: boolean; split?: number; symbols?: number; precision?: number } = {}) => {
  const raw = writeValues(values, dtype);
  const packed = encodeTensor(raw, { dtype, ...o });
  const back = decodeTensor(packed);
  expect(back.dtype).toBe(dtype);
  expect(Buffer.from(back.raw).equals(Buffer.from(raw))).toBe(true);
  return packed;
};

describe('APack range coder', () => {
  it('decodes what it encodes: random count tables (P = 1 … 15, zero counts, a count of 1 beside 2^P − 1), carries and long 0xFF runs included', () => {
    const rng = seededRng(SEED);
    let carries = 0, longest = 0;
    for (let trial = 0; trial < 300; trial++) {
      const P = 1 + (trial % 15), S = 1 + Math.floor(rng() * 16), T = 2 ** P;
      // Random counts summing to 2^P, some zero (never coded), one skewed case in five.
      const counts = new Array<number>(S).fill(0);
      if (trial % 5 === 0) { counts[0] = T - 1; counts[S - 1]! += 1; } else for (let k = 0; k < T; k++) counts[Math.floor(rng() * S)]!++;
      const cum = [0];
      for (const c of counts) cum.push(cum[cum.length - 1]! + c);
      const live = counts.map((c, s) => (c > 0 ? s : -1)).filter((s) => s >= 0);
      const n = Math.floor(rng() * 3000);
      const syms = Array.from({ length: n }, () => {
        // Mostly by the table's own probabilities, so the coder sees its typical and rare paths.
        const u = Math.floor(rng() * T);
        return rng() < 0.9 ? cum.findIndex((x, s) => s < S && u >= x && u < cum[s + 1]!) : live[Math.floor(rng() * live.length)]!;
      });
      const enc = new RangeEncoder(P);
      for (const s of syms) enc.encode(cum[s]!, counts[s]!);
      const bytes = enc.finish();
      carries += enc.stats.carries;
      longest = Math.max(longest, enc.stats.longestHeld);
      const dec = new RangeDecoder(bytes, P);
      expect(syms.map(() => dec.decode(cum)), `trial ${trial} P=${P} S=${S}`).toEqual(syms);
    }
    expect(carries).toBeGreaterThan(10);
    expect(longest).toBeGreaterThanOrEqual(2);
  });

  it('an empty stream is empty, and a stream of one certain symbol is nearly empty', () => {
    expect(new RangeEncoder(10).finish().length).toBe(0);
    const enc = new RangeEncoder(10);
    for (let i = 0; i < 10_000; i++) enc.encode(0, 1024);
    expect(enc.finish().length).toBeLessThan(8);
  });
});

describe('APack container', () => {
  it('round trips adversarial tensors: empty, one value, one distinct value, uniform, all 2^B values, extremes', () => {
    const rng = seededRng(SEED + 1);
    const int8 = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
    const cases: Array<[string, number[], Dtype]> = [
      ['empty', [], 'int8'],
      ['one value', [-128], 'int8'],
      ['one distinct value', int8(5000, () => 42), 'int8'],
      ['uniform int8', int8(20_000, () => Math.floor(rng() * 256) - 128), 'int8'],
      ['every int8 once', int8(256, (i) => i - 128), 'int8'],
      ['every uint8 4 times', int8(1024, (i) => i % 256), 'uint8'],
      ['extremes', int8(3000, (i) => (i % 2 ? 127 : -128)), 'int8'],
      ['int16 Laplacian', int8(30_000, () => Math.round(Math.log(rng() || 1e-9) * 200 * (rng() < 0.5 ? 1 : -1))), 'int16'],
      ['uint16 uniform', int8(5000, () => Math.floor(rng() * 65536)), 'uint16'],
    ];
    for (const [name, values, dtype] of cases) {
      for (const o of [{}, { zigzag: true }, { split: 3 }, { split: 7, symbols: 4, precision: 12 }]) {
        const packed = roundTrip(values, dtype, o);
        if (name === 'one distinct value' && !('symbols' in o)) expect(packed.length, name).toBeLessThan(80); // header and table only, nearly
      }
    }
  });

  it('more sub-tensors than values, and 255 symbols at P = 15', () => {
    roundTrip([1, 2, 3], 'int8', { split: 5 });
    const rng = seededRng(SEED + 2);
    roundTrip(Array.from({ length: 50_000 }, () => Math.floor(rng() * 65536) - 32768), 'int16', { symbols: 255, precision: 15 });
  });

  it('the header fields read back: version, dtype, flags, P, S, counts, sub-tensors', () => {
    const packed = encodeTensor(writeValues([1, -1, 0, 5, 5, 5], 'int8'), { dtype: 'int8', zigzag: true, split: 2, precision: 9, symbols: 6 });
    expect(Array.from(packed.subarray(0, 5))).toEqual([0x41, 0x50, 0x4b, 0x31, 1]);
    const c = parseContainer(packed);
    expect([c.dtype, c.zigzag, c.table.precision, c.values, c.subs.length, c.subs.map((s) => s.values)]).toEqual(['int8', true, 9, 6, 2, [3, 3]]);
    expect(c.table.vmin.length).toBeLessThanOrEqual(6);
    expect(c.table.counts.reduce((a, b) => a + b, 0)).toBe(512);
  });

  it('corrupt input never yields a wrong tensor: every truncation, every single-byte flip of a small file, and trailing bytes are refused', () => {
    const rng = seededRng(SEED + 3);
    const raw = writeValues(Array.from({ length: 400 }, () => Math.round(Math.log(rng() || 1e-9) * 6 * (rng() < 0.5 ? 1 : -1))), 'int8');
    const packed = encodeTensor(raw, { dtype: 'int8', split: 2 });
    for (let n = 0; n < packed.length; n++) expect(() => decodeTensor(packed.subarray(0, n)), `truncated to ${n}`).toThrow(ApackCorrupt);
    expect(() => decodeTensor(Uint8Array.from([...packed, 0]))).toThrow(/bytes after the last stream/);
    let refused = 0;
    for (let i = 0; i < packed.length; i++) {
      for (const flip of [0x01, 0x80, 0x5a]) {
        const bad = packed.slice();
        bad[i]! ^= flip;
        try {
          const back = decodeTensor(bad);
          expect(Buffer.from(back.raw).equals(Buffer.from(raw)), `byte ${i} ^ ${flip} decoded to a different tensor`).toBe(true);
        } catch (e) {
          expect(e, `byte ${i} ^ ${flip}`).toBeInstanceOf(ApackCorrupt);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(2 * packed.length); // almost every flip is caught (the rest decode to the same tensor)
  });
});

describe('APack on the data set', () => {
  it.skipIf(!DATA)('every integer tensor round trips losslessly; tensors of ≥ 10^5 values code within 3 % of their entropy', () => {
    const tensors = loadInt8Tensors(DATA!);
    expect(tensors.length).toBeGreaterThan(100);
    let worst = 0, big = 0;
    for (const t of tensors) {
      const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      const packed = encodeTensor(raw, { dtype: 'int8' });
      expect(Buffer.from(decodeTensor(packed).raw).equals(Buffer.from(raw)), t.name).toBe(true);
      if (t.data.length >= 100_000) {
        const ratio = (8 * packed.length) / entropy(t.data);
        expect(ratio, t.name).toBeLessThanOrEqual(1.03);
        worst = Math.max(worst, ratio);
        big++;
      }
    }
    console.log(`apack: ${tensors.length} int8 tensors round trip; ${big} of ≥ 10^5 values, worst APack / entropy ${worst.toFixed(4)}`);
    expect(big).toBeGreaterThan(0);
  }, 300_000);
});
