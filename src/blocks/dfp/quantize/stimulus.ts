// dfp.quantize's stimulus. Directed: zeros of both signs, Inf and NaN in each place, subnormal blocks,
// the maximum just below 2^15 units (rounding up saturates), exact ties to even and odd, values 15 to
// 20 binades below the maximum (where the shift rounds to 0 or 1), field-1/field-0 mixtures. Random:
// blocks whose exponents spread up to 24 binades around a random centre, with random signs.

import { seededRng, type Stimulus, type Vector } from '../../../cosim/model.js';
import { f32Bits } from '../../../numerics/mx.js';
import type { DfpQuantizeParams } from './params.js';

type Rng = () => number;
const NEG = 0x80000000, PINF = 0x7f800000, NINF = 0xff800000, QNAN = 0x7fc00000, SNAN = 0x7f800001;

function vector(bits: readonly number[]): Vector {
  return Object.fromEntries(bits.map((b, i) => [`x${i}`, BigInt(b >>> 0)]));
}

function blockOf(B: number, f: (i: number) => number): number[] {
  return Array.from({ length: B }, (_, i) => f(i) >>> 0);
}

export function dfpQuantizeStimulus(p: DfpQuantizeParams): Stimulus {
  const B = p.block;
  const directed = (rng: Rng): Vector[] => {
    const sign = (b: number) => (rng() < 0.5 ? b : b | NEG);
    const around = (e: number) => sign(f32Bits(Math.fround((1 + rng()) * 2 ** e)));
    const out: number[][] = [];
    out.push(blockOf(B, () => 0), blockOf(B, () => NEG), blockOf(B, (i) => (i % 2 ? NEG : 0)));
    for (const sp of [PINF, NINF, QNAN, SNAN, QNAN | NEG]) for (const at of [0, B >> 1, B - 1]) out.push(blockOf(B, (i) => (i === at ? sp : around(-3))));
    // Subnormals: all, and mixed with the smallest normals (field 0 counts as field 1).
    out.push(blockOf(B, () => sign(1 + Math.floor(rng() * 0x7fffff))), blockOf(B, (i) => (i === 0 ? 0x7fffff : sign(1 << (i % 23)))));
    out.push(blockOf(B, (i) => (i % 2 ? sign(0x00800000 + Math.floor(rng() * 0x7fffff)) : sign(1 + Math.floor(rng() * 0x7fffff)))));
    for (const e of [0, -20, 40, 127, -126]) {
      // The maximum with every mantissa bit set: 2^15 − 2^−9 units, rounds to 2^15, saturates.
      out.push(blockOf(B, (i) => (i === 0 ? sign(f32Bits(Math.fround((2 - 2 ** -23) * 2 ** e))) : around(e - 1 - (i % 6)))));
      // Ties: the maximum pins E_s = e − 14; k + 1/2 units, k even and odd, and 1/2 unit exactly.
      const unit = 2 ** (e - 14);
      out.push(blockOf(B, (i) => (i === 0 ? f32Bits(Math.fround(2 ** e)) : sign(f32Bits(Math.fround(((i % 3 === 2 ? 0 : i) + 0.5) * unit))))));
      // 15 … 20 binades below the maximum: 0, ½, 1 unit and just above/below half.
      out.push(blockOf(B, (i) => (i === 0 ? f32Bits(Math.fround(2 ** e)) : sign(f32Bits(Math.fround((1 + (i % 4) / 4) * 2 ** (e - 15 - (i % 6))))))));
    }
    // The largest finite float32, with everything else tiny.
    out.push(blockOf(B, (i) => (i === 0 ? 0x7f7fffff : around(100 - i))));
    return out.map(vector);
  };
  return {
    directed: directed(seededRng(7)), // the same blocks every run
    spaceBits: 32 * B,
    exhaustive: () => vector(blockOf(B, () => 0)),
    random: (rng) => {
      const centre = Math.floor(rng() * 250) - 125, spread = Math.floor(rng() * 25);
      return vector(blockOf(B, () => {
        const r = rng();
        if (r < 0.02) return rng() < 0.5 ? 0 : NEG;
        const e = Math.min(127, Math.max(-149, centre - Math.floor(rng() * (spread + 1))));
        const b = f32Bits(Math.fround((1 + rng()) * 2 ** e));
        return rng() < 0.5 ? b : b | NEG;
      }));
    },
  };
}

