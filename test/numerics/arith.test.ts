// MX Dot/DotGeneral and minifloat arithmetic against rational references built here from the slow
// reference decoder, plus hand-computed cases from formats.md §4 and §6.

import { describe, expect, it } from 'vitest';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat, type FloatFormat, type Format } from '../../src/numerics/format.js';
import { intAccWidth, kulischWidth, MacModel, mfAdd } from '../../src/numerics/minifloat.js';
import { mxDot, mxDotGeneral, type MxOperand } from '../../src/numerics/mx-dot.js';
import { refDecode, refEncodeF32, refEncodeRational } from '../../src/numerics/reference/codec.js';
import { Q } from '../../src/numerics/reference/rational.js';
import { rng } from '../helpers/hdl.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 1618);
console.log(`arith: seed ${SEED}`);
const fmt = (n: string) => parseFormat(n);
const e4m3 = fmt('e4m3'), e5m2 = fmt('e5m2'), e2m1 = fmt('e2m1'), bf16 = fmt('bf16');

const qOf = (f: Format, c: number): Q => { const d = refDecode(f, c); if (d.kind !== 'num') throw new Error('special'); return d.value; };

/** Reference RNE of an exact rational to float32 (overflow to ±Inf), written from the IEEE definition. */
function refToF32(x: Q): number {
  if (x.isZero()) return 0;
  const neg = x.sign() < 0, a = x.abs();
  let L = 0;
  while (Q.pow2(L).cmp(a) > 0) L--;
  while (Q.pow2(L + 1).cmp(a) <= 0) L++;
  const q = Math.max(L, -126) - 23;
  const k = a.div(Q.pow2(q)), fl = k.floor(), c = k.sub(new Q(fl)).cmp(new Q(1n, 2n));
  const r = c > 0 || (c === 0 && fl % 2n === 1n) ? fl + 1n : fl;
  const v = Number(r) * 2 ** q;
  return (neg ? -1 : 1) * (v >= 2 ** 128 ? Infinity : v);
}

/** Random non-special codes of a format. */
function finiteCodes(f: Format, n: number, r: () => number): number[] {
  const ok: number[] = [];
  for (let c = 0; c < 2 ** f.width; c++) if (refDecode(f, c).kind === 'num' && !(f.kind === 'int' && f.symmetric && c === 0x80)) ok.push(c);
  return Array.from({ length: n }, () => ok[Math.floor(r() * ok.length)]!);
}

describe('MX Dot and DotGeneral (formats.md §4)', () => {
  it('hand-computed: X_A·X_B·Σ P_A·P_B, NaN scale, NaN element, Inf·0, Inf − Inf', () => {
    const A: MxOperand = { scale: 127, codes: [0x38, 0x40, 0x44, 0x48], elem: e4m3 }; // 1, 2, 3, 4
    const B: MxOperand = { scale: 128, codes: [0x38, 0x38, 0x38, 0xb8], elem: e4m3 }; // 1, 1, 1, -1; X = 2
    expect(mxDot(A, B)).toBe(4); // (1 + 2 + 3 − 4) · 2
    expect(mxDot({ ...A, scale: 0xff }, B)).toBeNaN();
    expect(mxDot({ ...A, codes: [0x7f, 0x40, 0x44, 0x48] }, B)).toBeNaN();
    const inf = 0x7c, ninf = 0xfc, one = 0x3c, zero = 0x00; // e5m2
    expect(mxDot({ scale: 127, codes: [inf, one], elem: e5m2 }, { scale: 127, codes: [zero, one], elem: e5m2 })).toBeNaN();
    expect(mxDot({ scale: 127, codes: [inf, ninf], elem: e5m2 }, { scale: 127, codes: [one, one], elem: e5m2 })).toBeNaN();
    expect(mxDot({ scale: 127, codes: [inf, one], elem: e5m2 }, { scale: 127, codes: [one, one], elem: e5m2 })).toBe(Infinity);
  });

  it('exact accumulation keeps what fp32 accumulation rounds away', () => {
    // Blocks: 256·2^16 · 1 = 2^24, then 1·1 = 1, then −2^24. Exact: 1. Float32: fl(2^24 + 1) = 2^24, then 0.
    const one = 0x38, n256 = 0x78, neg256 = 0xf8;
    const A: MxOperand[] = [{ scale: 143, codes: [n256], elem: e4m3 }, { scale: 127, codes: [one], elem: e4m3 }, { scale: 143, codes: [neg256], elem: e4m3 }];
    const B: MxOperand[] = A.map(() => ({ scale: 127, codes: [one], elem: e4m3 }));
    expect(mxDotGeneral(A, B, 'exact')).toBe(1);
    expect(mxDotGeneral(A, B, 'fp32')).toBe(0);
  });

  for (const [na, nb] of [['e4m3', 'e4m3'], ['e5m2', 'e5m2'], ['e2m1', 'e2m1'], ['e4m3', 'e5m2'], ['e2m1', 'e3m2'], ['e2m3', 'e4m3'], ['int8', 'int8']] as const) {
    it(`${na} × ${nb}: 2000 random 32-element block pairs and 200 four-block DotGenerals (both modes) = reference`, () => {
      const r = rng(SEED + na.length * 7 + nb.length);
      const fa = fmt(na), fb = fmt(nb);
      const rand = (f: Format): MxOperand => ({ scale: 100 + Math.floor(r() * 50), codes: finiteCodes(f, 32, r), elem: f });
      const exact = (a: MxOperand, b: MxOperand) => {
        let s = new Q(0n);
        for (let i = 0; i < 32; i++) s = s.add(qOf(a.elem, a.codes[i]!).mul(qOf(b.elem, b.codes[i]!)));
        return s.mul(Q.pow2(a.scale + b.scale - 254));
      };
      for (let i = 0; i < 2000; i++) {
        const a = rand(fa), b = rand(fb);
        expect(Object.is(mxDot(a, b), refToF32(exact(a, b))) || mxDot(a, b) === refToF32(exact(a, b)), `pair ${i}`).toBe(true);
      }
      for (let i = 0; i < 200; i++) {
        const as = [0, 1, 2, 3].map(() => rand(fa)), bs = [0, 1, 2, 3].map(() => rand(fb));
        const total = as.reduce((s, a, j) => s.add(exact(a, bs[j]!)), new Q(0n));
        expect(mxDotGeneral(as, bs, 'exact')).toBe(refToF32(total));
        const f32 = as.reduce((s, a, j) => Math.fround(s + refToF32(exact(a, bs[j]!))), 0);
        expect(mxDotGeneral(as, bs, 'fp32')).toBe(f32);
      }
    });
  }
});

describe('minifloat arithmetic (formats.md §6)', () => {
  const refAdd = (fa: Format, a: number, fb: Format, b: number, out: Format): number => {
    const da = refDecode(fa, a), db = refDecode(fb, b);
    const nan = refEncodeF32(out, 0x7fc00000, { round: 'rne', sat: false });
    if (da.kind === 'nan' || db.kind === 'nan') return nan;
    if (da.kind === 'inf' || db.kind === 'inf') {
      if (da.kind === 'inf' && db.kind === 'inf' && da.neg !== db.neg) return nan;
      const neg = da.kind === 'inf' ? da.neg : (db as { neg: boolean }).neg;
      return refEncodeF32(out, neg ? 0xff800000 : 0x7f800000, { round: 'rne', sat: false });
    }
    const s = da.value.add(db.value);
    if (s.isZero()) return refEncodeF32(out, da.negZero && db.negZero ? 0x80000000 : 0, { round: 'rne', sat: false });
    return refEncodeRational(out, s, { round: 'rne', sat: false });
  };
  for (const [na, nb, no] of [['e2m1', 'e2m1', 'e3m2'], ['e4m3', 'e4m3', 'e4m3'], ['e5m2', 'e5m2', 'e5m2'], ['e2m3', 'e3m2', 'e2m1']] as const) {
    it(`${na} + ${nb} → ${no}, every pair of codes, rounded once (RNE)`, () => {
      const fa = fmt(na), fb = fmt(nb), fo = fmt(no);
      for (let a = 0; a < 2 ** fa.width; a++) for (let b = 0; b < 2 ** fb.width; b++) {
        const got = mfAdd(fa, a, fb, b, fo), want = refAdd(fa, a, fb, b, fo);
        if (got !== want) throw new Error(`${na} 0x${a.toString(16)} + ${nb} 0x${b.toString(16)} → 0x${got.toString(16)}, reference 0x${want.toString(16)}`);
      }
    });
  }

  it('Kulisch and integer accumulator widths (hand-computed)', () => {
    // e4m3: max 448 = 14·2^5, LSB 2^(2·(−6) − 3 − 3) = 2^-18: 196·2^10 / 2^-18 = 196·2^28 → 36 bits + sign.
    expect(kulischWidth(e4m3 as FloatFormat, e4m3 as FloatFormat, 1)).toBe(37);
    expect(kulischWidth(e4m3 as FloatFormat, e4m3 as FloatFormat, 1024)).toBe(47);
    // e2m1: max 6, LSB 2^-2: 36 / 2^-2 = 144 → 8 bits + sign.
    expect(kulischWidth(e2m1 as FloatFormat, e2m1 as FloatFormat, 1)).toBe(9);
    expect(intAccWidth(8, 8, 16)).toBe(21);
  });

  it('MAC models: Kulisch exact word, int word, and a bf16 accumulator rounding once per step', () => {
    const r = rng(SEED);
    const kul = new MacModel(e4m3, e5m2, { kind: 'kulisch', n: 64 });
    const acc = new MacModel(e4m3, e4m3, { kind: 'float', format: bf16 });
    const im = new MacModel(fmt('int8'), fmt('int8'), { kind: 'int', n: 64 });
    let exact = new Q(0n), accQ = new Q(0n), intSum = 0n;
    const lsb = Q.pow2(-9 - 16); // e4m3 LSB 2^-9, e5m2 LSB 2^-16
    const a4 = finiteCodes(e4m3, 64, r), b5 = finiteCodes(e5m2, 64, r), b4 = finiteCodes(e4m3, 64, r);
    for (let i = 0; i < 64; i++) {
      kul.step(a4[i]!, b5[i]!);
      exact = exact.add(qOf(e4m3, a4[i]!).mul(qOf(e5m2, b5[i]!)));
      acc.step(a4[i]!, b4[i]!);
      accQ = qOf(bf16, refEncodeRational(bf16, accQ.add(qOf(e4m3, a4[i]!).mul(qOf(e4m3, b4[i]!))), { round: 'rne', sat: false }));
      const x = Math.floor(r() * 256), y = Math.floor(r() * 256);
      im.step(x, y);
      intSum += BigInt.asIntN(8, BigInt(x)) * BigInt.asIntN(8, BigInt(y));
    }
    expect(kul.value).toBe(exact.div(lsb).floor());
    expect(decodeToNumber(bf16, acc.value as number)).toBe(accQ.toNumber());
    expect(im.value).toBe(intSum); // MX int8 values are k·2^-6: the word counts products in 2^-12 units
    expect(kul.width).toBe(kulischWidth(e4m3 as FloatFormat, e5m2 as FloatFormat, 64));
  });
});
