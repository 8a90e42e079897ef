// Exact dyadic values sig · 2^exp (sig a signed BigInt) with IEEE-style specials, and the single
// rounding into a format that every dot product and accumulator ends with.

import { decode } from './decode.js';
import { encoderFor } from './encode.js';
import type { Format } from './format.js';
import type { EncodeOptions } from './rounding.js';

export type Dyadic =
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly neg: boolean }
  | { readonly kind: 'num'; readonly sig: bigint; readonly exp: number; readonly negZero?: boolean };

export const NAN: Dyadic = { kind: 'nan' };
export const ZERO: Dyadic = { kind: 'num', sig: 0n, exp: 0 };

export function fromCode(f: Format, code: number): Dyadic {
  const d = decode(f, code);
  switch (d.kind) {
    case 'nan': return NAN;
    case 'inf': return { kind: 'inf', neg: d.sign === 1 };
    case 'zero': return { kind: 'num', sig: 0n, exp: 0, negZero: d.sign === 1 };
    case 'finite': return { kind: 'num', sig: BigInt(d.sign ? -d.sig : d.sig), exp: d.exp };
  }
}

export function mul(a: Dyadic, b: Dyadic): Dyadic {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  const negOf = (x: Dyadic) => (x.kind === 'inf' ? x.neg : x.kind === 'num' ? x.sig < 0n || (x.sig === 0n && !!x.negZero) : false);
  if (a.kind === 'inf' || b.kind === 'inf') {
    const other = a.kind === 'inf' ? b : a;
    if (other.kind === 'num' && other.sig === 0n) return NAN; // Inf · 0
    return { kind: 'inf', neg: negOf(a) !== negOf(b) };
  }
  const x = a as Extract<Dyadic, { kind: 'num' }>, y = b as Extract<Dyadic, { kind: 'num' }>;
  const sig = x.sig * y.sig;
  return { kind: 'num', sig, exp: x.exp + y.exp, negZero: sig === 0n && negOf(x) !== negOf(y) };
}

export function add(a: Dyadic, b: Dyadic): Dyadic {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf' && b.kind === 'inf') return a.neg === b.neg ? a : NAN; // Inf − Inf
  if (a.kind === 'inf') return a;
  if (b.kind === 'inf') return b;
  const e = Math.min(a.exp, b.exp);
  const sig = (a.sig << BigInt(a.exp - e)) + (b.sig << BigInt(b.exp - e));
  return { kind: 'num', sig, exp: e, negZero: sig === 0n && !!a.negZero && !!b.negZero };
}

/** Scales by 2^k (exact). */
export function scale(a: Dyadic, k: number): Dyadic {
  return a.kind === 'num' ? { ...a, exp: a.exp + k } : a;
}

/** Rounds the exact value into `f` once (RNE by default) and returns the code. */
export function roundTo(f: Format, v: Dyadic, opts: EncodeOptions = {}): number {
  const enc = encoderFor(f, opts);
  if (v.kind === 'nan') return enc.encodeNumber(NaN);
  if (v.kind === 'inf') return enc.encodeNumber(v.neg ? -Infinity : Infinity);
  if (v.sig === 0n) return enc.encodeNumber(v.negZero ? -0 : 0);
  const neg = v.sig < 0n;
  let mag = neg ? -v.sig : v.sig, exp = v.exp;
  const len = mag.toString(2).length;
  if (len > 52) {
    // Keep 52 bits and fold the rest into a sticky bit: every target here rounds at most 24
    // significant bits, far above it, so the single rounding is unchanged.
    const drop = BigInt(len - 52);
    const sticky = (mag & ((1n << drop) - 1n)) !== 0n ? 1n : 0n;
    mag = (mag >> drop) | sticky;
    exp += len - 52;
  }
  return enc.encodeExact(neg ? 1 : 0, Number(mag), exp);
}
