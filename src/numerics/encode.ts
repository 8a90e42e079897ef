// Exact conversion to a format (formats.md §2), on bit fields and integer arithmetic only: the value
// sig · 2^exp is rounded at the target's quantum with the chosen mode, then overflow, underflow and
// special values are resolved. An Encoder precomputes the format's constants once, for batch speed.

import { emin, maxFinite, type Format } from './format.js';
import { FLAG_INEXACT, FLAG_INVALID, FLAG_OVERFLOW, FLAG_UNDERFLOW, roundUp, type EncodeOptions, type RoundingMode } from './rounding.js';

export interface Encoded {
  readonly code: number;
  readonly flags: number;
}

const bitLength = (x: number) => (x < 2 ** 31 ? 32 - Math.clz32(x) : Math.floor(Math.log2(x)) + 1);

export class Encoder {
  /** Flags of the last conversion (OR them yourself across a batch). */
  flags = 0;
  private readonly mode: RoundingMode;
  private readonly sat: boolean;
  private readonly R: number;
  // float constants
  private readonly M: number;
  private readonly eMin: number;
  private readonly topExp: number;
  private readonly topMant: number;
  private readonly signShift: number;

  constructor(readonly format: Format, opts: EncodeOptions = {}) {
    this.mode = opts.round ?? 'rne';
    this.sat = opts.sat ?? false;
    this.R = opts.randomBits ?? 0;
    if (this.mode === 'stochastic' && !(Number.isInteger(this.R) && this.R >= 1 && this.R <= 32)) {
      throw new RangeError('stochastic rounding needs randomBits in 1..32');
    }
    if (format.kind === 'float') {
      this.M = format.manBits;
      this.eMin = emin(format);
      const top = maxFinite(format);
      this.topExp = top.exp;
      this.topMant = top.mant;
      this.signShift = 2 ** (format.expBits + format.manBits);
    } else {
      this.M = 0; this.eMin = 0; this.topExp = 0; this.topMant = 0; this.signShift = 0;
    }
  }

  private lut: { codes: Uint16Array; flags: Uint8Array } | null | undefined;

  /**
   * For formats whose rounding position is never below float32 bit 16 (at most 6 mantissa bits, or
   * integers of at most 8 bits), the result depends only on the top 16 bits and on whether any lower
   * bit is set: a 2^17-entry table built once from the exact path. null when it does not apply.
   */
  table(): { codes: Uint16Array; flags: Uint8Array } | null {
    if (this.lut !== undefined) return this.lut;
    const f = this.format;
    const ok = this.mode !== 'stochastic' && (f.kind === 'float' ? f.manBits <= 6 : f.bits <= 8);
    if (!ok) return (this.lut = null);
    const codes = new Uint16Array(1 << 17), flags = new Uint8Array(1 << 17);
    for (let i = 0; i < 1 << 17; i++) {
      const bits = (((i >>> 1) << 16) | (i & 1)) >>> 0; // top 16 bits, and one low bit as the sticky
      codes[i] = this.encodeF32Bits(bits);
      flags[i] = this.flags;
    }
    return (this.lut = { codes, flags });
  }

  /** float32 bit pattern → code. `rnd` is the R random bits for stochastic rounding. */
  encodeF32Bits(bits: number, rnd = 0): number {
    const sign = bits >>> 31, e = (bits >>> 23) & 0xff, man = bits & 0x7fffff;
    if (e === 255) return man ? this.nanIn(sign) : this.infIn(sign);
    if (e === 0) return man === 0 ? this.zeroIn(sign) : this.encodeExact(sign, man, -149, rnd);
    return this.encodeExact(sign, man + 0x800000, e - 150, rnd);
  }

  /** float64 → code (exact: the double is decomposed into its integer significand). */
  encodeNumber(x: number, rnd = 0): number {
    if (Number.isNaN(x)) return this.nanIn(0);
    const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
    const a = Math.abs(x);
    if (a === Infinity) return this.infIn(sign);
    if (a === 0) return this.zeroIn(sign);
    F64[0] = a;
    const hi = U32[1]!, lo = U32[0]!, e = hi >>> 20;
    const frac = (hi & 0xfffff) * 2 ** 32 + lo;
    return e === 0 ? this.encodeExact(sign, frac, -1074, rnd) : this.encodeExact(sign, frac + 2 ** 52, e - 1075, rnd);
  }

  /** The exact value (−1)^sign · sig · 2^exp, sig a positive integer < 2^53. */
  encodeExact(sign: number, sig: number, exp: number, rnd = 0): number {
    this.flags = 0;
    const f = this.format;
    if (f.kind === 'int') return this.encodeInt(sign, sig, exp, rnd);
    if (!f.signed && sign === 1) return this.invalidNegative();
    const M = this.M;
    const L = exp + bitLength(sig) - 1;
    if (L > this.topExp) return this.overflow(sign);
    let q = (L >= this.eMin ? L : this.eMin) - M;
    if (L < this.eMin && !f.subnormals && f.hasZero) q = this.eMin; // only 0 and the min normal
    const m = this.roundAt(sign, sig, q - exp, rnd);
    if (this.flags && L < this.eMin) this.flags |= FLAG_UNDERFLOW;
    if (m === 0) return f.hasZero ? this.zeroCode(sign) : 0; // e8m0 has no zero: its smallest code
    const bl = bitLength(m);
    const Lr = q + bl - 1;
    if (Lr >= this.eMin || !f.hasZero) {
      const mant = m * 2 ** (M - bl + 1) - 2 ** M;
      if (Lr > this.topExp || (Lr === this.topExp && mant > this.topMant)) return this.overflow(sign);
      return this.signBits(sign) + (Lr + f.bias) * 2 ** M + mant;
    }
    return this.signBits(sign) + m; // subnormal: q is emin − M
  }

  /** Rounds sig · 2^-shift to an integer with the mode; sets INEXACT. */
  private roundAt(sign: number, sig: number, shift: number, rnd: number): number {
    if (shift <= 0) return sig * 2 ** -shift;
    const p = shift > 60 ? Infinity : 2 ** shift;
    const kept = shift > 60 ? 0 : Math.floor(sig / p);
    const rem = shift > 60 ? sig : sig - kept * p;
    if (rem === 0) return kept;
    this.flags |= FLAG_INEXACT;
    return roundUp(this.mode, kept, rem, shift, sign, rnd, this.R) ? kept + 1 : kept;
  }

  private encodeInt(sign: number, sig: number, exp: number, rnd: number): number {
    const f = this.format as Extract<Format, { kind: 'int' }>;
    const mag = this.roundAt(sign, sig, f.scaleExp - exp, rnd);
    const k = sign ? -mag : mag;
    const kmax = f.signed ? 2 ** (f.bits - 1) - 1 : 2 ** f.bits - 1;
    const kmin = f.signed ? (f.symmetric ? -kmax : -kmax - 1) : 0;
    if (k > kmax || k < kmin) {
      this.flags |= FLAG_OVERFLOW | FLAG_INEXACT;
      return this.intCode(k > kmax ? kmax : kmin);
    }
    return this.intCode(k);
  }

  private intCode(k: number): number {
    return k < 0 ? k + 2 ** this.format.width : k === 0 ? 0 : k; // no -0 for integers
  }

  private signBits(sign: number): number {
    return sign && this.format.kind === 'float' && this.format.signed ? this.signShift : 0;
  }

  private zeroCode(sign: number): number {
    const f = this.format;
    return f.kind === 'float' && f.specials !== 'fnuz' ? this.signBits(sign) : 0;
  }

  /** Canonical NaN code, or -1 when the format has no NaN. */
  nanCode(sign: number): number {
    const f = this.format;
    if (f.kind === 'int') return -1;
    const E = f.expBits, M = f.manBits, sb = this.signBits(sign);
    switch (f.specials) {
      case 'ieee': return sb + (2 ** E - 1) * 2 ** M + 2 ** (M - 1);
      case 'fn': return sb + (2 ** E - 1) * 2 ** M + (2 ** M - 1);
      case 'fnuz': return 2 ** (E + M);
      case 'finite': return -1;
    }
  }

  maxCode(sign: number): number {
    const f = this.format;
    if (f.kind === 'int') {
      const kmax = f.signed ? 2 ** (f.bits - 1) - 1 : 2 ** f.bits - 1;
      if (!sign) return this.intCode(kmax);
      return this.intCode(f.signed ? (f.symmetric ? -kmax : -kmax - 1) : 0); // the most negative value
    }
    return this.signBits(sign) + (this.topExp + f.bias) * 2 ** f.manBits + this.topMant;
  }

  private overflow(sign: number): number {
    this.flags |= FLAG_OVERFLOW | FLAG_INEXACT;
    const f = this.format;
    const towardZero = this.mode === 'rtz' || (this.mode === 'rup' && sign === 1) || (this.mode === 'rdn' && sign === 0);
    if (this.sat || towardZero || f.kind === 'int' || f.specials === 'finite') return this.maxCode(sign);
    if (f.specials === 'ieee') return this.signBits(sign) + (2 ** f.expBits - 1) * 2 ** f.manBits;
    return this.nanCode(sign);
  }

  private nanIn(sign: number): number {
    this.flags = 0;
    const n = this.nanCode(sign);
    if (n >= 0) return n;
    this.flags = FLAG_INVALID; // formats without NaN: +0 (formats.md §2)
    return 0;
  }

  private infIn(sign: number): number {
    this.flags = 0;
    const f = this.format;
    if (f.kind === 'float' && !f.signed && sign === 1) return this.invalidNegative();
    if (f.kind === 'float' && f.specials === 'ieee') return this.signBits(sign) + (2 ** f.expBits - 1) * 2 ** f.manBits;
    this.flags = FLAG_INVALID;
    const n = this.nanCode(sign);
    return n >= 0 ? n : this.maxCode(sign);
  }

  private zeroIn(sign: number): number {
    this.flags = 0;
    const f = this.format;
    if (f.kind === 'float' && !f.hasZero) { // e8m0: zero → NaN
      this.flags = FLAG_INVALID;
      return this.nanCode(0);
    }
    return this.zeroCode(sign);
  }

  private invalidNegative(): number {
    this.flags = FLAG_INVALID;
    const n = this.nanCode(0);
    return n >= 0 ? n : 0;
  }
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** One float32 (as a number; it is exactly a float32 after Math.fround) → code and flags. */
export function encode(f: Format, x: number, opts: EncodeOptions = {}, rnd = 0): Encoded {
  const enc = encoderFor(f, opts);
  const code = enc.encodeNumber(Math.fround(x), rnd);
  return { code, flags: enc.flags };
}

/**
 * Batch conversion of float32s. Returns the codes and the OR of all flags. `random` gives the R
 * random bits per element for stochastic rounding.
 */
export function encodeBatch(f: Format, input: Float32Array, opts: EncodeOptions = {}, random?: Uint32Array,
  out: Uint8Array | Uint16Array | Uint32Array = f.width <= 8 ? new Uint8Array(input.length) : f.width <= 16 ? new Uint16Array(input.length) : new Uint32Array(input.length),
): { codes: Uint8Array | Uint16Array | Uint32Array; flags: number } {
  const enc = encoderFor(f, opts);
  const bits = new Uint32Array(input.buffer, input.byteOffset, input.length);
  let flags = 0;
  const t = random ? null : enc.table();
  if (t) {
    const { codes, flags: fl } = t;
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i]!;
      const k = ((b >>> 16) << 1) | ((b & 0xffff) !== 0 ? 1 : 0);
      out[i] = codes[k]!;
      flags |= fl[k]!;
    }
    return { codes: out, flags };
  }
  for (let i = 0; i < bits.length; i++) {
    out[i] = enc.encodeF32Bits(bits[i]!, random ? random[i]! : 0);
    flags |= enc.flags;
  }
  return { codes: out, flags };
}

const encoders = new Map<string, Encoder>();
/** A shared Encoder per (format, options): its table is built once per process. */
export function encoderFor(f: Format, opts: EncodeOptions = {}): Encoder {
  const key = JSON.stringify([f, opts.round ?? 'rne', !!opts.sat, opts.randomBits ?? 0]);
  let e = encoders.get(key);
  if (!e) encoders.set(key, (e = new Encoder(f, opts)));
  return e;
}
