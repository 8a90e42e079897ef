// mx.nvfp4-quantize's thresholds (thresholds.ts: four products, each rounded at all its exponents by
// round-scaled-at.ts, on the denominator's unnormalized significand) proved equal, by SAT over every
// finite non-negative float32 denominator, to the seven separate roundings they replaced: T_j · denom
// as an exact product of the normalized significand, rounded up for odd j and down for even j.

import { describe, expect, it } from 'vitest';
import { defineModule, input, lit, mux, output, SInt, UInt, type Expr } from '../../src/dsl/index.js';
import { fields } from '../../src/blocks/minifloat/fields.js';
import { roundScaled } from '../../src/blocks/minifloat/round-scaled.js';
import { normalized, s10 } from '../../src/blocks/mx/normalize.js';
import { thresholdCodes } from '../../src/blocks/mx/nvfp4-quantize/thresholds.js';
import { checkEquivalence } from '../../src/equiv/check.js';
import { blockSide } from '../../src/equiv/sides.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const FP32 = parseFormat('fp32') as FloatFormat;
// T_j = (o · 2^k ± 1) · 2^c: the e2m1 midpoints 0.25 0.75 1.25 1.75 2.5 3.5 5, ± half a float32 ulp.
const T = [
  { o: 1, k: 24, plus: true, c: -26 }, { o: 3, k: 23, plus: false, c: -25 }, { o: 5, k: 22, plus: true, c: -24 },
  { o: 7, k: 22, plus: false, c: -24 }, { o: 5, k: 22, plus: true, c: -23 }, { o: 7, k: 22, plus: false, c: -23 }, { o: 5, k: 22, plus: true, c: -22 },
];
const times = (x: Expr, o: number) => (o === 1 ? x : o === 3 ? x.add(x.shl(1)) : o === 5 ? x.add(x.shl(2)) : x.shl(3).sub(x));
// The denominator is a finite non-negative float32 (NaN and Inf codes are mapped to 0: it is never either).
const denom = () => { const d = input('d', UInt(31)); return mux(d.bits(30, 23).andR(), lit(0, UInt(31)), d).zext(32); };

const seven = defineModule('th_seven', () => {
  const dn = normalized(fields(denom(), FP32), FP32);
  T.forEach((t, j) => {
    const high = times(dn.sig, t.o).shl(t.k);
    const mag = t.plus ? high.add(dn.sig) : high.sub(dn.sig);
    const top = mag.width - 1 - 23 + t.c; // mag's top bit weighs 2^(dn.exp + top)
    const exp = dn.exp.sext(12).addWrap(lit(top, SInt(12)));
    output(`t${j}`, UInt(31)).set(roundScaled({ neg: lit(0, UInt(1)), mag, exp, expMin: -150 + top, expMax: 127 + top }, FP32, j % 2 ? 'rup' : 'rdn', { sat: false }).bits(30, 0));
  });
});
const four = defineModule('th_four', () => {
  const dF = fields(denom(), FP32);
  thresholdCodes({ sig: dF.sig, exp: s10(dF.exp).subWrap(lit(FP32.bias, SInt(10))) }, FP32).forEach((t, j) => output(`t${j}`, UInt(31)).set(t));
});
const side = (name: string, generator: typeof seven) => blockSide({ name, generator, handshake: () => ({ kind: 'combinational' }) }, {}, name);

describe('NVFP4 thresholds', () => {
  it('four products rounded at all their exponents equal seven separate roundings, for every finite denominator', async () => {
    const r = await checkEquivalence(side('seven', seven), side('four', four), { depth: 1, timeoutS: 1200 });
    console.log(`nvfp4 thresholds: ${r.verdict.kind} in ${r.seconds} s`);
    expect(r.verdict).toEqual({ kind: 'equivalent', method: 'sat' });
  }, 1_300_000);
});
