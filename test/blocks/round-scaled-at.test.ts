// roundScaledAt (one magnitude rounded at several exponents, the NVFP4 quantizer's thresholds) against
// the exact single rounding of numerics, exhaustively on e5m2: every 7-bit magnitude, both signs,
// every exponent from below the subnormals (all sticky) to beyond the largest finite (Inf), five
// modes, offsets 0, 1 and 3. The subnormal grid is where the offsets stop being exponent-only.

import { describe, it } from 'vitest';
import { defineModule, input, output, SInt, UInt } from '../../src/dsl/index.js';
import { roundScaledAt } from '../../src/blocks/minifloat/round-scaled-at.js';
import { ROUND_MODES } from '../../src/blocks/minifloat/round.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';
import { roundTo } from '../../src/numerics/dyadic.js';
import { allValues, checkBehaviour, emit, product } from '../helpers/hdl.js';

const F = parseFormat('e5m2') as FloatFormat;
const W = 7, EXP_MIN = -24, EXP_MAX = 18, DELTAS = [0, 1, 3];

describe('roundScaledAt', () => {
  it('equals one exact rounding per offset on e5m2, every magnitude, sign, exponent and mode', async () => {
    const g = defineModule('round_at', () => {
      const neg = input('neg', UInt(1)), mag = input('mag', UInt(W)), exp = input('exp', SInt(7));
      for (const mode of ROUND_MODES) {
        const codes = roundScaledAt({ neg, mag, exp, expMin: EXP_MIN, expMax: EXP_MAX }, DELTAS, F, mode, { sat: false });
        codes.forEach((c, i) => output(`${mode}_${DELTAS[i]}`, UInt(8)).set(c));
      }
    });
    const exps = Array.from({ length: EXP_MAX - EXP_MIN + 1 }, (_, i) => BigInt(EXP_MIN + i));
    await checkBehaviour(emit(g, {}), product({ neg: [0n, 1n], mag: allValues(W, false), exp: exps }), (v) => {
      const neg = v.neg === 1n, mag = BigInt(v.mag!), e = Number(v.exp);
      const out: Record<string, bigint> = {};
      for (const mode of ROUND_MODES) for (const d of DELTAS) {
        // mag's top bit weighs 2^exp: the value is mag · 2^(exp − (W − 1)), times 2^d.
        out[`${mode}_${d}`] = BigInt(roundTo(F, { kind: 'num', sig: neg ? -mag : mag, exp: e - (W - 1) + d, negZero: neg && mag === 0n }, { round: mode }));
      }
      return out;
    });
  }, 120_000);
});
