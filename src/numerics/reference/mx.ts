// Slow exact reference for MX block quantization (formats.md §3), on rationals: amax, the shared
// exponent and every element conversion are computed from the definitions, not from the fast path.

import type { Format } from '../format.js';
import { refEncodeF32, refEncodeRational, type RefOptions } from './codec.js';
import { Q } from './rational.js';

/** emax of the OCP element formats, from the formats.md table (exponent of the largest normal). */
/** MXINT4 (formats.md §8): int4 · 2^-2, emax_elem 0; the `-full` ranges have the same positive side. */
const EMAX: Record<string, number> = { e5m2: 15, e4m3: 8, e3m2: 4, e2m3: 2, e2m1: 2, int8: 0, 'mxint8-full': 0, mxint4: 0, 'mxint4-full': 0 };
/** Largest element values, from the OCP tables. */
const MAXV: Record<string, Q> = { e5m2: new Q(57344n), e4m3: new Q(448n), e3m2: new Q(28n), e2m3: new Q(15n, 2n), e2m1: new Q(6n), int8: new Q(127n, 64n), 'mxint8-full': new Q(127n, 64n), mxint4: new Q(7n, 4n), 'mxint4-full': new Q(7n, 4n) };
const MANT: Record<string, number> = { e5m2: 2, e4m3: 3, e3m2: 2, e2m3: 3, e2m1: 1, int8: 6, 'mxint8-full': 6, mxint4: 2, 'mxint4-full': 2 };

function floorLog2(x: Q): number {
  let L = 0;
  while (Q.pow2(L).cmp(x) > 0) L--;
  while (Q.pow2(L + 1).cmp(x) <= 0) L++;
  return L;
}

export function refMxQuantize(bits: Uint32Array, elem: Format, rule: 'floor' | 'ceil' | 'rceil' | 'even', round: RefOptions['round'], rnd?: Uint32Array, R?: number): { scale: number; codes: number[] } {
  const name = elem.name;
  if (EMAX[name] === undefined) throw new Error(`no reference MX table for ${name}`);
  const opts = (i: number): RefOptions => ({ round, sat: true, ...(R ? { R, rnd: BigInt(rnd![i]!) } : {}) });
  if ([...bits].some((b) => (b & 0x7fffffff) >= 0x7f800000)) {
    const nan = refEncodeF32(elem, 0x7fc00000, { round: 'rne', sat: false });
    return { scale: 0xff, codes: [...bits].map(() => nan) };
  }
  const vals = [...bits].map((b) => ((b & 0x7fffffff) === 0 ? null : Q.fromF32Bits(b)));
  let amax = new Q(0n);
  for (const v of vals) if (v && v.abs().cmp(amax) > 0) amax = v.abs();
  if (amax.isZero()) return { scale: 0, codes: [...bits].map((b) => refEncodeF32(elem, b, { round: 'rne', sat: true })) };
  let L = floorLog2(amax);
  if (rule === 'ceil' && Q.pow2(L).cmp(amax) !== 0) L++;
  if (rule === 'even') {
    const ulp = Q.pow2(L - MANT[name]!);
    const k = amax.div(ulp), fl = k.floor(), frac = k.sub(new Q(fl));
    const c = frac.cmp(new Q(1n, 2n));
    const r = c > 0 || (c === 0 && fl % 2n === 1n) ? fl + 1n : fl;
    L = floorLog2(new Q(r).mul(ulp));
  }
  let s = L - EMAX[name]!;
  if (rule === 'rceil') { s = -300; while (Q.pow2(s).mul(MAXV[name]!).cmp(amax) < 0) s++; }
  s = Math.max(-127, Math.min(127, s));
  const codes = [...bits].map((b, i) => (vals[i] ? refEncodeRational(elem, vals[i]!.div(Q.pow2(s)), opts(i)) : refEncodeF32(elem, b, { round: 'rne', sat: true })));
  return { scale: s + 127, codes };
}
