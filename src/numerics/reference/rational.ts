// Exact rationals on BigInt, for the slow reference codec (never used on a fast path).

export class Q {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    if (den === 0n) throw new RangeError('zero denominator');
    if (den < 0n) { num = -num; den = -den; }
    // Not reduced: every value here is dyadic, comparisons cross-multiply, and skipping the gcd
    // makes the reference fast enough to check millions of conversions.
    this.num = num;
    this.den = den;
  }

  static pow2(e: number): Q {
    return e >= 0 ? new Q(1n << BigInt(e)) : new Q(1n, 1n << BigInt(-e));
  }

  /** The exact value of a float32 bit pattern (finite only). */
  static fromF32Bits(bits: number): Q {
    const sign = bits >>> 31 ? -1n : 1n, e = (bits >>> 23) & 0xff, m = BigInt(bits & 0x7fffff);
    if (e === 255) throw new RangeError('not finite');
    return e === 0 ? new Q(sign * m).mul(Q.pow2(-149)) : new Q(sign * (m + (1n << 23n))).mul(Q.pow2(e - 150));
  }

  add(o: Q): Q { return new Q(this.num * o.den + o.num * this.den, this.den * o.den); }
  sub(o: Q): Q { return new Q(this.num * o.den - o.num * this.den, this.den * o.den); }
  mul(o: Q): Q { return new Q(this.num * o.num, this.den * o.den); }
  div(o: Q): Q { return new Q(this.num * o.den, this.den * o.num); }
  neg(): Q { return new Q(-this.num, this.den); }
  abs(): Q { return this.num < 0n ? this.neg() : this; }
  cmp(o: Q): number { const d = this.num * o.den - o.num * this.den; return d < 0n ? -1 : d > 0n ? 1 : 0; }
  isZero(): boolean { return this.num === 0n; }
  sign(): number { return this.num < 0n ? -1 : this.num > 0n ? 1 : 0; }
  /** floor of the rational. */
  floor(): bigint { const q = this.num / this.den; return this.num < 0n && q * this.den !== this.num ? q - 1n : q; }
  toNumber(): number { return Number(this.num) / Number(this.den); }
}
