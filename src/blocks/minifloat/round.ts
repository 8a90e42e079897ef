// Rounding an exact two's-complement fixed-point value into a minifloat format, once (formats.md §2
// semantics, as every sum and rounded product of the minifloat units needs): magnitude, leading-zero
// count clamped at the subnormal boundary, normalizing shift, round at the format's LSB by adding to
// the code (a carry out of the mantissa moves the exponent on), then overflow and specials.

import { cat, lit, mux, std, UInt, type Expr } from '../../dsl/index.js';
import { emin, maxFinite, type FloatFormat } from '../../numerics/format.js';

export const ROUND_MODES = ['rne', 'rna', 'rtz', 'rup', 'rdn'] as const;
export type HwRoundMode = (typeof ROUND_MODES)[number];

export interface RoundInput {
  /** The exact value, SInt, in units of 2^lsb. */
  readonly value: Expr;
  readonly lsb: number;
  /** Sign of an exact zero (−0 only when IEEE says so, e.g. (−0) + (−0)). */
  readonly zeroNeg: Expr | undefined;
  /** The exact result is NaN, +Inf or −Inf instead of the value. */
  readonly nan: Expr | undefined;
  readonly pinf: Expr | undefined;
  readonly ninf: Expr | undefined;
}

const bitLen = (n: number) => Math.max(1, Math.ceil(Math.log2(n + 1)));

/** Codes of the format's specials for a sign (undefined where the format has none). */
export function specialCodes(f: FloatFormat) {
  const E = f.expBits, M = f.manBits, signBit = f.signed ? 2 ** (E + M) : 0; // unsigned formats: no sign to keep
  const top = maxFinite(f);
  const maxMag = (top.exp + f.bias) * 2 ** M + top.mant;
  const allOnesExp = (2 ** E - 1) * 2 ** M;
  const nan = f.specials === 'ieee' ? (s: number) => s * signBit + allOnesExp + 2 ** (M - 1)
    : f.specials === 'fn' ? (s: number) => s * signBit + allOnesExp + (2 ** M - 1)
      : f.specials === 'fnuz' ? () => signBit : undefined;
  const inf = f.specials === 'ieee' ? (s: number) => s * signBit + allOnesExp : undefined;
  return { maxMag, signBit, nan, inf };
}

/**
 * Where a caller may put pipeline registers (`cut`, identity by default): 1 after the magnitude, 2
 * after the normalizing shift. What crosses a cut goes through it, the specials included.
 */
export type RoundCut = (at: 1 | 2, e: Expr, name: string) => Expr;

export function roundToFormat(x: RoundInput, f: FloatFormat, mode: HwRoundMode, cut: RoundCut = (_, e) => e): Expr {
  const M = f.manBits;
  const v = x.value;
  const isZero0 = v.orR().not();
  const neg0 = x.zeroNeg ? mux(isZero0, x.zeroNeg, v.bit(v.width - 1)) : v.bit(v.width - 1);
  const magRaw = cut(1, mux(v.bit(v.width - 1), lit(0, v.type).subWrap(v), v).asUInt(), 'round_mag'); // |x|, W bits (−2^(W−1) too)
  const flags = (at: 1 | 2, y: { nan?: Expr | undefined; pinf?: Expr | undefined; ninf?: Expr | undefined }) => ({
    nan: y.nan && cut(at, y.nan, `round_nan${at}`), pinf: y.pinf && cut(at, y.pinf, `round_pinf${at}`), ninf: y.ninf && cut(at, y.ninf, `round_ninf${at}`),
  });
  const isZero1 = cut(1, isZero0, 'round_zero'), neg1 = cut(1, neg0, 'round_neg'), flags1 = flags(1, x);

  // Pad so that the guard bit exists below the significand and normalization can reach emin.
  const T0 = magRaw.width - 1;
  const padLow = Math.max(0, M + 1 - T0);
  const L = x.lsb - padLow;
  const iMin0 = emin(f) - L; // bit index of weight 2^emin
  const padHigh = Math.max(0, iMin0 - (T0 + padLow));
  let mag = padLow ? cat(magRaw, lit(0, UInt(padLow))) : magRaw;
  if (padHigh) mag = mag.zext(mag.width + padHigh);
  const T = mag.width - 1;
  const zmax = T - iMin0; // the largest shift that keeps the exponent at or above emin

  const lzc = std.leadingZeros(mag);
  const sw = Math.max(lzc.width, bitLen(Math.max(zmax, 0)));
  const lz = lzc.zext(sw);
  const s1 = zmax >= 0 && zmax < T + 1 ? mux(lz.gt(lit(zmax, UInt(sw))), lit(zmax, UInt(sw)), lz) : lz;
  const norm = cut(2, std.barrelShift(mag, s1, 'left'), 'round_norm');
  const s = cut(2, s1, 'round_shift'), neg = cut(2, neg1, 'round_neg2'), flags2 = flags(2, flags1);
  const sig = norm.bits(T, T - M); // with the hidden bit on top
  const guard = norm.bit(T - M - 1);
  const sticky = T - M - 2 >= 0 ? norm.bits(T - M - 2, 0).orR() : lit(0, UInt(1));

  // code = (biased exponent − 1)·2^M + sig: the hidden bit adds the 1; subnormals get exponent 0.
  const K = T + L + f.bias - 1;
  const ew = bitLen(K);
  const e1 = lit(K, UInt(ew)).subWrap(s.width > ew ? s : s.zext(ew));
  const codeMag0 = (M > 0 ? cat(e1, lit(0, UInt(M))) : e1).add(sig); // e1·2^M + sig
  // Without the clamp (emin far below the input's LSB) a zero would get an exponent: force it.
  const codeMag = zmax >= T + 1 ? mux(cut(2, isZero1, 'round_zero2'), lit(0, codeMag0.type), codeMag0) : codeMag0;
  const inexact = guard.or(sticky);
  const up = mode === 'rne' ? guard.and(sticky.or(sig.bit(0)))
    : mode === 'rna' ? guard
      : mode === 'rtz' ? lit(0, UInt(1))
        : mode === 'rup' ? inexact.and(neg.not())
          : inexact.and(neg);
  return finishCode(codeMag.add(up), neg, f, mode, false, flags2);
}

/**
 * The rounded magnitude code (exponent and mantissa, possibly past the largest finite value) → the
 * format's code: sign, overflow (±max when saturating, toward zero by mode and sign, or in a finite
 * format; else Inf, or NaN with the sign kept), −0 where the format has none, and special inputs.
 */
export function finishCode(rounded: Expr, neg: Expr, f: FloatFormat, mode: HwRoundMode | 'stochastic', sat: boolean, x: { readonly nan?: Expr | undefined; readonly pinf?: Expr | undefined; readonly ninf?: Expr | undefined }): Expr {
  const Wc = f.width;
  const code = (n: number) => lit(n, UInt(Wc));
  const sc = specialCodes(f);
  const overflow = rounded.gt(lit(sc.maxMag, UInt(rounded.width)));
  const signed = (mag: Expr) => (f.signed ? cat(neg, mag.bits(Wc - 2, 0)) : mag.bits(Wc - 1, 0));
  const maxCode = signed(code(sc.maxMag));
  const beyond = sc.inf ? mux(neg, code(sc.inf(1)), code(sc.inf(0))) : sc.nan ? mux(neg, code(sc.nan(1)), code(sc.nan(0))) : maxCode;
  const towardZero = mode === 'rtz' ? lit(1, UInt(1)) : mode === 'rup' ? neg : mode === 'rdn' ? neg.not() : lit(0, UInt(1));
  const overflowCode = sat || f.specials === 'finite' ? maxCode : mux(towardZero, maxCode, beyond);
  const roundedMag = rounded.bits(Wc - (f.signed ? 2 : 1), 0);
  const zeroResult = roundedMag.orR().not();
  let out = mux(overflow, overflowCode, f.specials === 'fnuz' ? mux(zeroResult, code(0), signed(roundedMag.zext(Wc))) : signed(roundedMag.zext(Wc)));
  // Infinities in: Inf where the format has it, else its NaN (sign kept), else ±max.
  const infCode = (s: number) => (sc.inf ? code(sc.inf(s)) : sc.nan ? code(sc.nan(s)) : code(s * sc.signBit + sc.maxMag));
  if (x.pinf) out = mux(x.pinf, infCode(0), out);
  if (x.ninf) out = mux(x.ninf, infCode(1), out);
  // NaN in: the positive canonical NaN; formats without NaN give +0 (formats.md §2).
  if (x.nan) out = mux(x.nan, code(sc.nan ? sc.nan(0) : 0), out);
  return out;
}
