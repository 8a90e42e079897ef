// Fast codec against the slow exact reference (formats.md §7): every code decoded; every representable
// value, every midpoint and ±1 float32 ulp around each, out-of-range values, float32 subnormals,
// specials, under every rounding mode with and without saturation; then seeded random float32s.

import { describe, expect, it } from 'vitest';
import { decode } from '../../src/numerics/decode.js';
import { Encoder, encodeBatch } from '../../src/numerics/encode.js';
import { parseFormat, type Format } from '../../src/numerics/format.js';
import { refDecode, refEncodeF32 } from '../../src/numerics/reference/codec.js';
import type { RoundingMode } from '../../src/numerics/rounding.js';
import { rng } from '../helpers/hdl.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 314159);
console.log(`numerics reference: seed ${SEED}`);

const SMALL = ['e5m2', 'e4m3', 'e3m2', 'e2m3', 'e2m1', 'e8m0', 'ue4m3', 'ue5m3', 'int8', 'e3m4', 'e4m3fnuz', 'e5m2fnuz', 'e2m1-nosub', 'e3m2-b2', 'e5m2ieee-nosub', 'int4', 'uint4', 'e2m0'];
const WIDE = ['fp16', 'bf16'];
const MODES: RoundingMode[] = ['rne', 'rna', 'rtz', 'rup', 'rdn'];

const F32 = new Float32Array(1), U32 = new Uint32Array(F32.buffer);
const bitsOf = (x: number) => { F32[0] = x; return U32[0]!; };
const hex = (b: number) => b.toString(16).padStart(8, '0');

/** Float32 bit patterns around every value and midpoint of the format, both signs, plus edge cases. */
function probes(f: Format): number[] {
  const vals: number[] = [];
  for (let c = 0; c < 2 ** f.width; c++) {
    const d = decode(f, c);
    if (d.kind === 'finite' && d.sign === 0) vals.push(d.sig * 2 ** d.exp);
  }
  vals.sort((a, b) => a - b);
  const pts = new Set<number>([0]);
  const add = (x: number) => { if (Number.isFinite(Math.fround(x)) && Math.fround(x) === x) pts.add(x); };
  vals.forEach((v, i) => { add(v); if (i > 0) add((v + vals[i - 1]!) / 2); });
  const max = vals[vals.length - 1]!;
  for (const x of [max * 1.03125, max * 1.0625, max * 1.5, max * 2, max * 4, 2 ** 127, 3.4028234663852886e38, 2 ** -149, 2 ** -126, 1.5 * 2 ** -127, 2 ** -127, 2 ** -130]) add(x);
  const out: number[] = [];
  for (const p of pts) {
    const b = bitsOf(p);
    for (const bb of [b, b + 1, b - 1]) {
      if (bb < 0 || bb >= 0x7f800000) continue;
      out.push(bb, (bb | 0x80000000) >>> 0);
    }
  }
  out.push(0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x00000001, 0x807fffff);
  return out;
}

function compareAll(name: string, inputs: number[], modes: RoundingMode[], withStochastic: boolean): number {
  const f = parseFormat(name);
  let n = 0;
  const configs: Array<{ round: RoundingMode; sat: boolean; R?: number; rnd?: number }> = [];
  for (const round of modes) for (const sat of [false, true]) configs.push({ round, sat });
  if (withStochastic) for (const rnd of [0, 5, 8, 15]) configs.push({ round: 'stochastic', sat: false, R: 4, rnd });
  for (const c of configs) {
    const enc = new Encoder(f, { round: c.round, sat: c.sat, ...(c.R ? { randomBits: c.R } : {}) });
    for (const b of inputs) {
      const got = enc.encodeF32Bits(b, c.rnd ?? 0);
      const want = refEncodeF32(f, b, { round: c.round, sat: c.sat, ...(c.R ? { R: c.R, rnd: BigInt(c.rnd ?? 0) } : {}) });
      if (got !== want) {
        throw new Error(`${name} ${c.round}${c.sat ? '+sat' : ''}${c.R ? ` rnd=${c.rnd}` : ''}: input ${hex(b)} (${new Float32Array(new Uint32Array([b]).buffer)[0]}) → fast 0x${got.toString(16)}, reference 0x${want.toString(16)}`);
      }
      n++;
    }
  }
  return n;
}

/** One rounding mode, no saturation: for the 16-bit formats, where the full matrix is too slow. */
function compareOne(name: string, inputs: number[], round: RoundingMode, sat: boolean): number {
  const f = parseFormat(name);
  const enc = new Encoder(f, { round, sat });
  for (const b of inputs) {
    const got = enc.encodeF32Bits(b), want = refEncodeF32(f, b, { round, sat });
    if (got !== want) throw new Error(`${name} ${round}: input ${hex(b)} → fast 0x${got.toString(16)}, reference 0x${want.toString(16)}`);
  }
  return inputs.length;
}

describe('fast codec = exact reference', () => {
  for (const name of [...SMALL, ...WIDE]) {
    it(`${name}: every code decodes to the reference value`, () => {
      const f = parseFormat(name);
      for (let c = 0; c < 2 ** f.width; c++) {
        const d = decode(f, c), r = refDecode(f, c);
        if (r.kind === 'nan') expect(d.kind, `code ${c}`).toBe('nan');
        else if (r.kind === 'inf') expect([d.kind, d.sign], `code ${c}`).toEqual(['inf', r.neg ? 1 : 0]);
        else if (r.value.isZero()) expect([d.kind, d.sign], `code ${c}`).toEqual(['zero', r.negZero ? 1 : 0]);
        else {
          expect(d.kind).toBe('finite');
          if (d.kind === 'finite') expect((d.sign ? -1 : 1) * d.sig * 2 ** d.exp, `code ${c}`).toBe(r.value.toNumber());
        }
      }
    });
  }

  for (const name of SMALL) {
    it(`${name}: values, midpoints, ±1 ulp, out of range, specials — all modes, with and without sat`, () => {
      const n = compareAll(name, probes(parseFormat(name)), MODES, true);
      expect(n).toBeGreaterThan(1000);
    });
  }
  for (const name of WIDE) {
    it(`${name}: every value, midpoint and ±1 ulp (rne); all modes near the top of the range`, () => {
      const all = probes(parseFormat(name));
      const f32 = (b: number) => Math.abs(new Float32Array(new Uint32Array([b]).buffer)[0]!);
      const top = all.filter((b) => f32(b) > (name === 'fp16' ? 32768 : 1e38) || f32(b) < (name === 'fp16' ? 1e-7 : 1e-38));
      const n = compareOne(name, all, 'rne', false) + compareAll(name, top, MODES, false);
      expect(n).toBeGreaterThan(100000);
    });
  }

  it('the batch table path equals the scalar path on every probe and 10^5 random patterns, every mode', () => {
    const r = rng(SEED + 1);
    const random = Array.from({ length: 100_000 }, () => Math.floor(r() * 2 ** 32) >>> 0);
    let tabled = 0;
    for (const name of SMALL) {
      const f = parseFormat(name);
      const input = new Float32Array(new Uint32Array([...probes(f), ...random]).buffer);
      for (const round of MODES) for (const sat of [false, true]) {
        const scalar = new Encoder(f, { round, sat });
        if (scalar.table()) tabled++;
        const { codes } = encodeBatch(f, input, { round, sat });
        const bits = new Uint32Array(input.buffer);
        for (let i = 0; i < bits.length; i++) {
          const want = scalar.encodeF32Bits(bits[i]!);
          if (codes[i] !== want) throw new Error(`${name} ${round}${sat ? '+sat' : ''}: ${hex(bits[i]!)} → batch 0x${codes[i]!.toString(16)}, scalar 0x${want.toString(16)}`);
        }
      }
    }
    expect(tabled).toBeGreaterThan(100); // the table path was really exercised
  });

  it('random float32 bit patterns (seeded), every small format, rne and one other mode', () => {
    const r = rng(SEED);
    const N = Number(process.env.BITFORGE_RANDOM ?? 1_000_000);
    const per = Math.ceil(N / SMALL.length);
    let total = 0;
    SMALL.forEach((name, i) => {
      const inputs = Array.from({ length: per }, () => Math.floor(r() * 2 ** 32) >>> 0);
      total += compareAll(name, inputs.slice(0, per >> 1), ['rne'], false) / 2;
      total += compareAll(name, inputs.slice(per >> 1), [MODES[i % MODES.length]!], false) / 2;
    });
    expect(total).toBeGreaterThanOrEqual(N * 0.99);
  });
});
