// roundScaled's two shifter structures, the normalizing left shift then the subnormal right shift,
// and both as one funnel (shiftWindow, mx.dot's on LUT4), against the exact single rounding of
// numerics: every 10-bit magnitude, both signs and every mode, at every exponent from far below the
// subnormals (all sticky) to beyond the largest finite value on e5m2, and on bf16 at every exponent
// from below its subnormals to its normals, and at the top of its range.

import { describe, it } from 'vitest';
import { defineModule, input, output, SInt, UInt } from '../../src/dsl/index.js';
import { roundScaled } from '../../src/blocks/minifloat/round-scaled.js';
import { ROUND_MODES } from '../../src/blocks/minifloat/round.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';
import { roundTo } from '../../src/numerics/dyadic.js';
import { allValues, checkBehaviour, emit, product } from '../helpers/hdl.js';

const W = 10;

describe('roundScaled', () => {
  const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  // The third row bounds the normalizing shift (maxNormShift: magnitudes with at most 2 leading zeros),
  // so the funnel's window starts above V's LSB and the bits below it are always sticky.
  for (const [name, expMin, expMax, tested, maxNormShift] of [['e5m2', -40, 18, range(-40, 18), undefined], ['bf16', -150, 130, [...range(-150, -110), ...range(120, 130)], undefined],
    ['e5m2', -40, 18, range(-40, 18), 2]] as const) {
    const F = parseFormat(name) as FloatFormat;
    it(`${name}${maxNormShift ? `, at most ${maxNormShift} leading zeros` : ''}: the funnel and the two shifts equal one exact rounding, every magnitude, sign and mode, ${tested.length} exponents in ${expMin}..${expMax}`, async () => {
      const g = defineModule('round_scaled', () => {
        const neg = input('neg', UInt(1)), mag = input('mag', UInt(W)), exp = input('exp', SInt(9));
        for (const mode of ROUND_MODES) for (const funnel of [false, true]) {
          output(`${mode}_${funnel ? 'f' : 't'}`, UInt(F.width)).set(roundScaled({ neg, mag, exp, expMin, expMax, maxNormShift }, F, mode, { sat: false, funnel }));
        }
      });
      const exps = tested.map(BigInt);
      await checkBehaviour(emit(g, {}), product({ neg: [0n, 1n], mag: allValues(W, false).filter((m) => m >= 1n << BigInt(W - 1 - (maxNormShift ?? W))), exp: exps }), (v) => {
        const neg = v.neg === 1n, mag = BigInt(v.mag!), e = Number(v.exp);
        const out: Record<string, bigint> = {};
        for (const mode of ROUND_MODES) {
          // mag's top bit weighs 2^exp: the value is mag · 2^(exp − (W − 1)).
          const code = BigInt(roundTo(F, { kind: 'num', sig: neg ? -mag : mag, exp: e - (W - 1), negZero: neg && mag === 0n }, { round: mode }));
          out[`${mode}_f`] = code;
          out[`${mode}_t`] = code;
        }
        return out;
      });
    }, 240_000);
  }
});
