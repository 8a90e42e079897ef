// Stimulus for minifloat.mul: every pair of codes when a and b fit 20 bits together; otherwise the
// special and boundary codes of each format against each other, then random pairs.

import { randomBits, type Stimulus, type Vector } from '../../../cosim/model.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';

/** ±0, the smallest and largest subnormal, 1, the largest finite value, and the specials' codes. */
export function boundaryCodes(f: FloatFormat): number[] {
  const M = f.manBits, E = f.expBits;
  const signs = f.signed ? [0, 1 << (E + M)] : [0];
  const mags = [0, 1, (1 << M) - 1, 1 << M, f.bias << M, ((1 << E) - 1) << M, ((1 << E) << M) - 1, (((1 << E) - 1) << M) - 1];
  return [...new Set(signs.flatMap((s) => mags.map((m) => s | (m & ((1 << (E + M)) - 1)))))];
}

export function minifloatMulStimulus(p: { a: string; b: string }): Stimulus {
  const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
  const bits = fa.width + fb.width;
  const v = (a: number, b: number): Vector => ({ a: BigInt(a), b: BigInt(b) });
  return {
    directed: bits <= 20 ? [] : boundaryCodes(fa).flatMap((a) => boundaryCodes(fb).map((b) => v(a, b))),
    spaceBits: bits,
    exhaustive: (i) => ({ a: BigInt(i) >> BigInt(fb.width), b: BigInt(i) & ((1n << BigInt(fb.width)) - 1n) }),
    random: (rng) => ({ a: randomBits(rng, fa.width, false), b: randomBits(rng, fb.width, false) }),
  };
}
