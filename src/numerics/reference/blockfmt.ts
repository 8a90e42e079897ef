// Slow exact reference for block-scaled formats with ue4m3 / ue5m3 scales (formats.md §8), on
// rationals: every float32 operation of the spec's order is an exact quotient or product rounded by
// the reference codec; nothing of the fast path (numerics/blockfmt.ts) is used. e8m0 scales are §3's
// rule: see refMxQuantize.

import { parseFormat, type Format } from '../format.js';
import { refDecode, refEncodeF32, refEncodeRational } from './codec.js';
import { Q } from './rational.js';

const INF_BITS = 0x7f800000;

/** emax_val(E), the element's largest finite value, from the format tables (§8: 6 for e2m1, 7 for int4). */
const EMAX_VAL: Record<string, Q> = {
  e2m1: new Q(6n), e2m3: new Q(15n, 2n), e3m2: new Q(28n), e1m2: new Q(7n, 2n),
  'int4-sym': new Q(7n), int4: new Q(7n), 'int3-sym': new Q(3n), int3: new Q(3n), 'int6-sym': new Q(31n), 'int8-sym': new Q(127n),
};
/** max(S): ue4m3 448, ue5m3 2^16 · 1.75. */
const SCALE_MAX: Record<string, Q> = { ue4m3: new Q(448n), ue5m3: new Q(114688n) };
const NAN_CODE: Record<string, number> = { ue4m3: 0x7f, ue5m3: 0xff };

/**
 * fl(x): float32 bits of x rounded RNE (±Inf on overflow); a zero keeps the sign it is given. From the
 * definition: the quantum of x's binade (2^-149 below 2^-126), the nearest multiple, ties to even.
 */
function fl(x: Q, negZero = false): number {
  if (x.isZero()) return negZero ? 0x80000000 : 0;
  const sign = x.sign() < 0 ? 0x80000000 : 0, a = x.abs();
  let e = 0;
  while (Q.pow2(e).cmp(a) > 0) e--;
  while (Q.pow2(e + 1).cmp(a) <= 0) e++;
  const quantum = Q.pow2(Math.max(e, -126) - 23);
  const n = a.div(quantum), lo = n.floor(), frac = n.sub(new Q(lo)).cmp(new Q(1n, 2n));
  const m = frac > 0 || (frac === 0 && lo % 2n === 1n) ? lo + 1n : lo; // multiples of the quantum
  if (m === 0n) return sign; // underflow to ±0
  const v = new Q(m).mul(quantum);
  if (v.cmp(Q.fromF32Bits(0x7f7fffff)) > 0) return (sign | INF_BITS) >>> 0;
  // Back to bits: the exponent field of v's binade (0 for subnormals), the significand below its hidden one.
  let ev = 0;
  while (Q.pow2(ev).cmp(v) > 0) ev--;
  while (Q.pow2(ev + 1).cmp(v) <= 0) ev++;
  const field = ev < -126 ? 0 : ev + 127;
  const sig = v.div(Q.pow2((field === 0 ? -126 : ev) - 23)).floor();
  return (sign | (field << 23) | Number(sig & 0x7fffffn)) >>> 0;
}
const isInf = (bits: number) => (bits & 0x7fffffff) === INF_BITS;
const val = (bits: number) => Q.fromF32Bits(bits);

export function refTensorScale(bits: Uint32Array, elem: Format, scale: 'ue4m3' | 'ue5m3'): number {
  let amax = new Q(0n);
  for (const b of bits) { const v = val(b).abs(); if (v.cmp(amax) > 0) amax = v; }
  return amax.isZero() ? 0x3f800000 : fl(amax.div(val(fl(EMAX_VAL[elem.name]!.mul(SCALE_MAX[scale]!)))));
}

/** One block: bits of the k float32 inputs and of S_t → the scale code and k element codes. */
export function refBlockQuantize(bits: Uint32Array, stBits: number, elem: Format, scale: 'ue4m3' | 'ue5m3'): { scale: number; codes: number[] } {
  const S = parseFormat(scale), emaxVal = EMAX_VAL[elem.name];
  if (!emaxVal) throw new Error(`no reference emax_val for ${elem.name}`);
  const zeros = () => [...bits].map(() => 0);
  const stOk = (stBits >>> 31) === 0 && ((stBits >>> 23) & 0xff) !== 0xff && (stBits & 0x7fffffff) !== 0;
  if ([...bits].some((b) => (b & 0x7fffffff) >= INF_BITS) || !stOk) return { scale: NAN_CODE[scale]!, codes: zeros() };
  const st = val(stBits);
  let amax = new Q(0n);
  for (const b of bits) { const v = val(b).abs(); if (v.cmp(amax) > 0) amax = v; }
  const six = fl(emaxVal.mul(st));
  // fl(amax / six), then RNE into S saturating (a quotient beyond float32 is Inf, which saturates too).
  const preBits = isInf(six) ? 0 : fl(amax.div(val(six)));
  let sb = preBits === 0 ? 0 : isInf(preBits) ? NAN_CODE[scale]! - 1 : refEncodeRational(S, val(preBits), { round: 'rne', sat: true });
  if (sb === 0) sb = 1;
  const sbV = refDecode(S, sb);
  if (sbV.kind !== 'num') throw new Error('unreachable: finite block scale');
  const denomBits = fl(sbV.value.mul(st));
  const codes = [...bits].map((b) => {
    if ((b & 0x7fffffff) === 0) return refEncodeF32(elem, b, { round: 'rne', sat: true }); // ±0 / denom = ±0
    if (denomBits === 0) return refEncodeF32(elem, (b & 0x80000000) | INF_BITS, { round: 'rne', sat: true }); // ±x / 0 = ±Inf
    const q = fl(val(b).div(val(denomBits)), b >>> 31 === 1);
    return isInf(q) || (q & 0x7fffffff) === 0 ? refEncodeF32(elem, q, { round: 'rne', sat: true }) : refEncodeRational(elem, val(q), { round: 'rne', sat: true });
  });
  return { scale: sb, codes };
}

/** The exact dot product of two blocks with ue scales and tensor scales, rounded once to float32 (bits). NaN: null. */
export function refBlockDot(a: { scale: number; codes: number[]; st: number }, b: { scale: number; codes: number[]; st: number }, ea: Format, eb: Format, sa: 'ue4m3' | 'ue5m3', sb: 'ue4m3' | 'ue5m3'): number | null {
  let sum = new Q(0n);
  for (let i = 0; i < a.codes.length; i++) {
    const x = refDecode(ea, a.codes[i]!), y = refDecode(eb, b.codes[i]!);
    if (x.kind !== 'num' || y.kind !== 'num') throw new Error('reference dot: finite elements only');
    sum = sum.add(x.value.mul(y.value));
  }
  const scales = [refDecode(parseFormat(sa), a.scale), refDecode(parseFormat(sb), b.scale)];
  if (scales.some((s) => s.kind !== 'num')) return null;
  const ts = [a.st, b.st].map(val);
  const v = scales.reduce((acc, s) => acc.mul((s as { value: Q }).value), sum).mul(ts[0]!).mul(ts[1]!);
  // A zero product takes the XOR of its factors' signs (IEEE), an exact zero sum being +0.
  return fl(v, (sum.sign() < 0) !== ((a.st >>> 31) !== (b.st >>> 31)));
}
