// Minifloat and integer arithmetic (formats.md §6): exact products, sums rounded once, and MAC
// models with Kulisch, integer and float accumulators. These are the golden models of the MAC units.

import { add, fromCode, mul, roundTo, ZERO, type Dyadic } from './dyadic.js';
import { emin, maxFinite, type FloatFormat, type Format } from './format.js';
import type { RoundingMode } from './rounding.js';

/** The exact product of two codes (IEEE specials: NaN, Inf·0 = NaN). */
export function mfProduct(fa: Format, a: number, fb: Format, b: number): Dyadic {
  return mul(fromCode(fa, a), fromCode(fb, b));
}

/** a + b rounded once into `out`. */
export function mfAdd(fa: Format, a: number, fb: Format, b: number, out: Format, round: RoundingMode = 'rne'): number {
  return roundTo(out, add(fromCode(fa, a), fromCode(fb, b)), { round });
}

/** a · b rounded once into `out`. */
export function mfMul(fa: Format, a: number, fb: Format, b: number, out: Format, round: RoundingMode = 'rne'): number {
  return roundTo(out, mfProduct(fa, a, fb, b), { round });
}

/** LSB exponent of the exact product word: 2·emin − Ma − Mb (for two float formats). */
export function kulischLsb(fa: FloatFormat, fb: FloatFormat): number {
  return emin(fa) - fa.manBits + emin(fb) - fb.manBits;
}

const maxSig = (f: FloatFormat) => {
  const t = maxFinite(f);
  return { sig: BigInt(2 ** f.manBits + t.mant), exp: t.exp - f.manBits };
};

/** Two's-complement width of a Kulisch accumulator that sums n products exactly (formats.md §6). */
export function kulischWidth(fa: FloatFormat, fb: FloatFormat, n: number): number {
  const a = maxSig(fa), b = maxSig(fb);
  const units = ((a.sig * b.sig) << BigInt(a.exp + b.exp - kulischLsb(fa, fb))) * BigInt(n); // max |sum| in LSBs
  return units.toString(2).length + 1;
}

/** The integer accumulator rule: r_a + r_b + ceil(log2 n) + 1. */
export function intAccWidth(aBits: number, bBits: number, n: number): number {
  return aBits + bBits + Math.ceil(Math.log2(n)) + 1;
}

/** The exact product as a two's-complement word in units of 2^lsb (null for NaN/Inf). */
export function productFixed(fa: FloatFormat, a: number, fb: FloatFormat, b: number): bigint | null {
  const p = mfProduct(fa, a, fb, b);
  if (p.kind !== 'num') return null;
  return p.sig << BigInt(p.exp - kulischLsb(fa, fb));
}

export type AccSpec =
  | { readonly kind: 'kulisch'; readonly n: number }
  | { readonly kind: 'int'; readonly n: number }
  | { readonly kind: 'float'; readonly format: Format; readonly round?: RoundingMode };

/**
 * acc ← acc + a·b per step. Kulisch and int accumulators are exact two's-complement words that wrap at
 * their width like the hardware; a float accumulator rounds once per step (fused).
 */
export class MacModel {
  private exact: Dyadic = ZERO;
  private code = 0;
  readonly width: number;

  constructor(readonly fa: Format, readonly fb: Format, readonly acc: AccSpec) {
    if (acc.kind === 'kulisch') {
      if (fa.kind !== 'float' || fb.kind !== 'float') throw new RangeError('a Kulisch accumulator needs float operand formats');
      this.width = kulischWidth(fa, fb, acc.n);
    } else if (acc.kind === 'int') {
      if (fa.kind !== 'int' || fb.kind !== 'int') throw new RangeError('an int accumulator needs integer operand formats');
      this.width = intAccWidth(fa.bits, fb.bits, acc.n);
    } else {
      this.width = acc.format.width;
    }
    this.clear();
  }

  clear(): void {
    this.exact = ZERO;
    this.code = this.acc.kind === 'float' ? roundTo(this.acc.format, ZERO) : 0;
  }

  step(a: number, b: number): void {
    const p = mfProduct(this.fa, a, this.fb, b);
    if (this.acc.kind === 'float') {
      this.code = roundTo(this.acc.format, add(fromCode(this.acc.format, this.code), p), { round: this.acc.round ?? 'rne' });
    } else {
      this.exact = add(this.exact, p);
    }
  }

  /** Float accumulators: the code. Kulisch/int: the word (two's complement, wrapped to `width`). */
  get value(): number | bigint | 'nan' | '+inf' | '-inf' {
    if (this.acc.kind === 'float') return this.code;
    const e = this.exact;
    if (e.kind === 'nan') return 'nan';
    if (e.kind === 'inf') return e.neg ? '-inf' : '+inf';
    const lsb = this.acc.kind === 'kulisch' ? kulischLsb(this.fa as FloatFormat, this.fb as FloatFormat) : (this.fa.kind === 'int' ? this.fa.scaleExp : 0) + (this.fb.kind === 'int' ? this.fb.scaleExp : 0);
    return BigInt.asIntN(this.width, e.sig << BigInt(e.exp - lsb));
  }
}
