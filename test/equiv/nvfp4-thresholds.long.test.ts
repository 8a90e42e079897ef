// mx.nvfp4-quantize's thresholds (thresholds.ts: four products, each rounded at all its exponents by
// round-scaled-at.ts, on the denominator's unnormalized significand) proved equal, by SAT over every
// finite non-negative float32 denominator, to the seven separate roundings they replaced: T_j · denom
// as an exact product of the normalized significand, rounded up for odd j and down for even j. The
// same for int4's seven thresholds (blockfmt.quantize's NVINT4), written here from the midpoints
// j + 1/2 themselves, so the generic table of thresholds.ts is checked against its definition.

import { describe, expect, it } from 'vitest';
import { defineModule, input, lit, mux, output, SInt, UInt, type Expr } from '../../src/dsl/index.js';
import { fields } from '../../src/blocks/minifloat/fields.js';
import { roundScaled } from '../../src/blocks/minifloat/round-scaled.js';
import { normalized, s10 } from '../../src/blocks/mx/normalize.js';
import { magnitudesOf, thresholdCodes } from '../../src/blocks/mx/nvfp4-quantize/thresholds.js';
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
  thresholdCodes({ sig: dF.sig, exp: s10(dF.exp).subWrap(lit(FP32.bias, SInt(10))) }, FP32, magnitudesOf(parseFormat('e2m1'))).forEach((t, j) => output(`t${j}`, UInt(31)).set(t));
});

// int4: midpoint m_j = j + 1/2 between j and j + 1; the tie goes to the even one, so past it is
// m + ulp/2 when j + 1 is odd (rounded down) and m − ulp/2 otherwise (rounded up); ulp/2 = 2^(⌊log2 m⌋ − 24).
// T = m·2^(24 − ⌊log2 m⌋) ± 1, times 2^(⌊log2 m⌋ − 24); m·2^(24 − ⌊log2 m⌋) = Σ of shifted ones (shift-adds, which SAT takes apart easily).
const INT4 = Array.from({ length: 7 }, (_, j) => {
  const m = j + 0.5, L = Math.floor(Math.log2(m)), plus = (j + 1) % 2 === 1;
  return { M: m * 2 ** (24 - L), c: L - 24, plus };
});
const shiftAdd = (x: Expr, n: number) => n.toString(2).split('').reverse().flatMap((b, i) => (b === '1' ? [x.shl(i)] : [])).reduce((a, b) => a.add(b));
const int4Separate = defineModule('th_int4_separate', () => {
  const dn = normalized(fields(denom(), FP32), FP32);
  INT4.forEach((t, j) => {
    const high = shiftAdd(dn.sig, t.M);
    const mag = t.plus ? high.add(dn.sig) : high.sub(dn.sig);
    const top = mag.width - 1 - 23 + t.c;
    const exp = dn.exp.sext(12).addWrap(lit(top, SInt(12)));
    output(`t${j}`, UInt(31)).set(roundScaled({ neg: lit(0, UInt(1)), mag, exp, expMin: -150 + top, expMax: 127 + top }, FP32, t.plus ? 'rdn' : 'rup', { sat: false }).bits(30, 0));
  });
});
const int4Shared = defineModule('th_int4_shared', () => {
  const dF = fields(denom(), FP32);
  thresholdCodes({ sig: dF.sig, exp: s10(dF.exp).subWrap(lit(FP32.bias, SInt(10))) }, FP32, magnitudesOf(parseFormat('int4-sym'))).forEach((t, j) => output(`t${j}`, UInt(31)).set(t));
});
const side = (name: string, generator: typeof seven) => blockSide({ name, generator, handshake: () => ({ kind: 'combinational' }) }, {}, name);

describe('NVFP4 thresholds', () => {
  it('four products rounded at all their exponents equal seven separate roundings, for every finite denominator', async () => {
    const r = await checkEquivalence(side('seven', seven), side('four', four), { depth: 1, timeoutS: 1200 });
    console.log(`nvfp4 thresholds: ${r.verdict.kind} in ${r.seconds} s`);
    expect(r.verdict).toEqual({ kind: 'equivalent', method: 'sat' });
  }, 1_300_000);

  it('int4\'s seven thresholds from the generic table equal their separate roundings, for every finite denominator', async () => {
    const r = await checkEquivalence(side('int4_separate', int4Separate), side('int4_shared', int4Shared), { depth: 1, timeoutS: 1200 });
    console.log(`int4 thresholds: ${r.verdict.kind} in ${r.seconds} s`);
    expect(r.verdict).toEqual({ kind: 'equivalent', method: 'sat' });
  }, 1_300_000);
});
