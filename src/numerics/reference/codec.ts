// The slow exact reference codec (formats.md §7): written from the spec, separately from the fast
// path. Decode evaluates the definition with rationals; encode enumerates every finite value of the
// format and picks a neighbour of the input by the rounding rule. Only for formats up to 16 bits.

import type { Format } from '../format.js';
import type { RoundingMode } from '../rounding.js';
import { Q } from './rational.js';

export type RefValue = { kind: 'nan' } | { kind: 'inf'; neg: boolean } | { kind: 'num'; value: Q; negZero: boolean };

/** The value of a code, from the definition of the format. */
export function refDecode(f: Format, code: number): RefValue {
  if (f.kind === 'int') {
    const half = 1 << (f.bits - 1);
    const k = f.signed && code >= half ? code - 2 * half : code;
    return { kind: 'num', value: new Q(BigInt(k)).mul(Q.pow2(f.scaleExp)), negZero: false };
  }
  const M = f.manBits, E = f.expBits;
  const neg = f.signed && ((code >> (E + M)) & 1) === 1;
  const e = (code >> M) & ((1 << E) - 1);
  const m = code & ((1 << M) - 1);
  const allE = e === (1 << E) - 1, allM = m === (1 << M) - 1;
  if (f.specials === 'ieee' && allE) return m === 0 ? { kind: 'inf', neg } : { kind: 'nan' };
  if (f.specials === 'fn' && allE && allM) return { kind: 'nan' };
  if (f.specials === 'fnuz' && neg && e === 0 && m === 0) return { kind: 'nan' };
  let mag: Q;
  if (e === 0 && f.hasZero) {
    // subnormal: 0.m × 2^(1 − bias); without subnormals these codes are zero
    mag = f.subnormals ? new Q(BigInt(m), 1n << BigInt(M)).mul(Q.pow2(1 - f.bias)) : new Q(0n);
  } else {
    mag = new Q(BigInt((1 << M) + m), 1n << BigInt(M)).mul(Q.pow2(e - f.bias));
  }
  return { kind: 'num', value: neg ? mag.neg() : mag, negZero: neg && mag.isZero() };
}

interface Entry { readonly v: Q; readonly code: number | null } // code null: a step past the range

interface Table {
  /** Every finite value once (−0 excluded), ascending, with the code that produces it. */
  readonly vals: Entry[];
  readonly nan: number | null;
  readonly posInf: number | null;
  readonly negInf: number | null;
  readonly zero: number | null;
  readonly negZero: number | null;
}

const tables = new Map<string, Table>();

function table(f: Format): Table {
  const key = JSON.stringify(f);
  const hit = tables.get(key);
  if (hit) return hit;
  const byValue = new Map<string, Entry>();
  let nan: number | null = null, posInf: number | null = null, negInf: number | null = null;
  let zero: number | null = null, negZero: number | null = null;
  for (let c = 0; c < 2 ** f.width; c++) {
    if (f.kind === 'int' && f.symmetric && c === 1 << (f.bits - 1)) continue; // never produced
    const d = refDecode(f, c);
    if (d.kind === 'nan') { if (nan === null && isCanonicalNaN(f, c)) nan = c; continue; }
    if (d.kind === 'inf') { if (d.neg) negInf = c; else posInf = c; continue; }
    if (d.negZero) { negZero ??= c; continue; }
    if (d.value.isZero()) zero ??= c;
    const k = d.value.toNumber().toString(); // exact for every value here (dyadic, < 2^128)
    if (!byValue.has(k)) byValue.set(k, { v: d.value, code: c }); // the first code of a value
  }
  const vals = [...byValue.values()].sort((a, b) => a.v.cmp(b.v));
  const t = { vals, nan, posInf, negInf, zero, negZero };
  tables.set(key, t);
  return t;
}

/** The NaN the spec calls canonical: quiet (mantissa MSB) for ieee, all ones for fn, 0x80 for fnuz. */
function isCanonicalNaN(f: Format, c: number): boolean {
  if (f.kind !== 'float') return false;
  const M = f.manBits;
  const positive = !f.signed || c >> (f.expBits + M) === 0;
  if (f.specials === 'ieee') return positive && (c & ((1 << M) - 1)) === 1 << (M - 1);
  return positive || f.specials === 'fnuz';
}

export interface RefOptions { round: RoundingMode; sat: boolean; rnd?: bigint; R?: number }

/** Reference conversion of a float32 bit pattern. */
export function refEncodeF32(f: Format, bits: number, o: RefOptions): number {
  const t = table(f);
  const neg = bits >>> 31 === 1;
  const e = (bits >>> 23) & 0xff, man = bits & 0x7fffff;
  const hasNegZero = f.kind === 'float' && f.signed && f.specials !== 'fnuz';
  const signedNaN = () => (t.nan !== null && neg && hasNegZero ? t.nan + (1 << (f.width - 1)) : t.nan);
  const first = t.vals[0]!, last = t.vals[t.vals.length - 1]!;
  if (e === 255 && man !== 0) return signedNaN() ?? 0; // NaN in: canonical NaN, else +0
  if (e === 0 && man === 0) { // ±0 in
    if (t.zero === null) return t.nan ?? 0; // e8m0: zero → NaN
    return neg && hasNegZero ? t.negZero! : t.zero;
  }
  if (f.kind === 'float' && !f.signed && neg) return t.nan ?? 0; // unsigned float: negatives invalid
  if (e === 255) { // ±Inf in
    const inf = neg ? t.negInf : t.posInf;
    return inf ?? signedNaN() ?? (neg ? first.code! : last.code!);
  }
  return refEncodeRational(f, Q.fromF32Bits(bits), o);
}

/** Reference conversion of an exact non-zero rational. */
export function refEncodeRational(f: Format, x: Q, o: RefOptions): number {
  const t = table(f);
  const neg = x.sign() < 0;
  const hasNegZero = f.kind === 'float' && f.signed && f.specials !== 'fnuz';
  const signedNaN = () => (t.nan !== null && neg && hasNegZero ? t.nan + (1 << (f.width - 1)) : t.nan);
  const first = t.vals[0]!, last = t.vals[t.vals.length - 1]!;
  if (f.kind === 'float' && !f.signed && neg) return t.nan ?? 0; // unsigned float: negatives invalid
  // One step past each end of the range, as if the format were unbounded.
  const pow2Grid = f.kind === 'float' && f.manBits === 0;
  const above: Entry = { v: pow2Grid ? last.v.add(last.v) : last.v.add(last.v.sub(t.vals[t.vals.length - 2]!.v)), code: null };
  const below: Entry = { v: first.v.sign() < 0 ? first.v.sub(t.vals[1]!.v.sub(first.v)) : first.v, code: first.v.sign() < 0 ? null : first.code };
  const at = (i: number): Entry => (i < 0 ? below : i >= t.vals.length ? above : t.vals[i]!); // the line below, vals…, above
  const overflow = () => {
    const towardZero = o.round === 'rtz' || (o.round === 'rup' && neg) || (o.round === 'rdn' && !neg);
    const extreme = neg ? first.code! : last.code!;
    if (o.sat || towardZero || f.kind === 'int' || f.specials === 'finite') return extreme;
    return (neg ? t.negInf : t.posInf) ?? signedNaN()!;
  };
  if (x.cmp(above.v) >= 0 || x.cmp(below.v) <= 0 && below.code === null) return overflow();
  if (x.cmp(first.v) < 0 && below.code !== null) return first.code!; // e8m0 below 2^-127: its smallest code
  let a = -1, b = t.vals.length; // at(a).v <= x < at(b).v
  while (b - a > 1) { const mid = (a + b) >> 1; if (at(mid).v.cmp(x) <= 0) a = mid; else b = mid; }
  const lo = at(a), hi = at(b);
  if (lo.v.cmp(x) === 0) return lo.code!;
  const gap = hi.v.sub(lo.v);
  // Work in magnitudes: `near` is the neighbour toward zero, `far` the one away from it.
  const [near, far] = neg ? [hi, lo] : [lo, hi];
  const frac = x.abs().sub(near.v.abs()).div(gap); // in (0, 1)
  const half = new Q(1n, 2n);
  let away: boolean;
  switch (o.round) {
    case 'rne': {
      const c = frac.cmp(half);
      away = c > 0 || (c === 0 && near.v.div(gap).floor() % 2n !== 0n); // tie: the even multiple of the gap
      break;
    }
    case 'rna': away = frac.cmp(half) >= 0; break;
    case 'rtz': away = false; break;
    case 'rup': away = !neg; break;
    case 'rdn': away = neg; break;
    case 'stochastic': away = frac.add(new Q(o.rnd ?? 0n, 1n << BigInt(o.R ?? 1))).cmp(new Q(1n)) >= 0; break;
  }
  const pick = away ? far : near;
  if (pick.code === null) return overflow();
  if (pick.v.isZero()) return neg && hasNegZero ? t.negZero! : t.zero!; // underflow keeps the sign
  return pick.code;
}
