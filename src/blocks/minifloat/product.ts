// The exact product of two minifloats as a two's-complement fixed-point word whose LSB is
// 2^(2·emin − Ma − Mb) (formats.md §6), built for FPGAs: the significands are multiplied at their
// real widths, the sign is applied to that narrow product, the exponent fields are added, and the
// signed product is shifted left by the sum through a log shifter that only grows as far as needed,
// or on LUT4 through a window shifter (window-align.ts).

import { cat, lit, mux, replicate, std, UInt, type Expr } from '../../dsl/index.js';
import type { FloatFormat } from '../../numerics/format.js';
import type { Fabric } from '../../dsl/stdlib/fabric.js';
import { fields, type Fields } from './fields.js';
import { gateAdd, gateConditionalNegate } from './gate-arith.js';
import { orAll, type Specials } from './specials.js';
import { alignLeft } from './align-left.js';
import { windowAlign } from './window-align.js';

export interface ProductTerms {
  /**
   * ±(sigA · sigB), zero when the product is not a number (with `specialWord` 'zero'): SInt(Ma + Mb + 3),
   * or UInt when both formats are unsigned; with 'ones-shifted' negation, the magnitude.
   */
  readonly value: Expr;
  /** expA + expB, i.e. the shift plus 2 (both fields are at least 1). */
  readonly shift: Expr;
  readonly nan: Expr | undefined;
  /** Infinite product. */
  readonly inf: Expr | undefined;
  /** sign(a) xor sign(b): the sign of an infinite or zero product. */
  readonly sign: Expr | undefined;
  /** The product word is 0: a zero operand, or not a number (read from the operands, not the wide word). */
  readonly zero: Expr;
}

/**
 * The word of a NaN or Inf product: 0 (a mux on the significand product), or anything, for a sum
 * whose result the flags alone decide in that case ('any': mx.dot, no mux).
 */
export type SpecialWord = 'zero' | 'any';

/** How the sign and the exponent sum are built: as gates (foldable into the shifter's LUTs) or carry chains. */
export type ArithStyle = 'gates' | 'carry';

/**
 * Measured with Yosys 0.55 on ice40 and xc7 (bench/results/qor.md): with exponent fields of at most
 * 3 bits the shifter is narrow and gates fold into it; with wider exponents carry chains win.
 */
export const autoArith = (fa: FloatFormat, fb: FloatFormat): ArithStyle => (Math.max(fa.expBits, fb.expBits) <= 3 ? 'gates' : 'carry');

/**
 * How a negative product is formed: two's complement by the arithmetic style (gates: bits flipped
 * above the lowest set one; carry: a subtraction and a mux), two's complement as (x xor s) + s (one
 * chain with the sign as its carry-in), or ones' complement (~x = −x − 1, no chain), which a sum
 * corrects by adding the sign bit (a carry-in in its bit heap). 'dec-xor' is two's complement as
 * ~(x − 1): a decrement chain with no LUT in front of it, whose XOR merges into the shifter's first
 * level. 'ones-shifted' is the ones' complement taken of the shifted magnitude: the XOR merges into
 * the shifter's last level, and the levels before it shift an unsigned value (zeros in, no sign bit).
 */
export type Negation = 'twos' | 'xor-carry' | 'dec-xor' | 'ones' | 'ones-shifted';

export function productTerms(a: Fields, b: Fields, style: ArithStyle, o: ProductOptions = {}): ProductTerms {
  const { negation = 'twos', significands, specialWord = 'zero' } = o;
  const zeroA = a.sig.orR().not(), zeroB = b.sig.orR().not();
  // NaN in, or Inf · 0 (formats.md §6); Inf otherwise when either is Inf.
  const nan = orAll([a.nan, b.nan, a.inf?.and(zeroB), b.inf?.and(zeroA)]);
  const infAny = orAll([a.inf, b.inf]);
  const inf = infAny && (nan ? infAny.and(nan.not()) : infAny);
  const special = orAll([a.nan, b.nan, a.inf, b.inf]);
  const mag = significands ? heapProduct(a.sig, b.sig, significands) : a.sig.mul(b.sig); // UInt(Ma + Mb + 2)
  const kept = special && specialWord === 'zero' ? mux(special, lit(0, mag.type), mag) : mag;
  const neg = a.sign && b.sign ? a.sign.xor(b.sign) : (a.sign ?? b.sign);
  let value: Expr = kept; // 'ones-shifted': the sign is applied after the shift
  if (neg && negation === 'dec-xor') {
    // −m = ~(m − 1): the decrement is a chain with the sign on every bit's second operand (no LUT
    // in front of it), and the XOR can merge into the first shift level. m = 0 borrows out of the
    // chain's top bit, which the XOR clears: −0 stays 0.
    const w = kept.width + 1;
    value = std.carryAdd(kept.zext(w), replicate(neg, w)).bits(w - 1, 0).xor(replicate(neg, w)).asSInt();
  } else if (neg && (negation === 'ones' || negation === 'xor-carry')) {
    const ones = cat(neg, kept.xor(replicate(neg, kept.width))).asSInt();
    // −m fits SInt(width + 1) as m does: the sum is truncated back to it.
    value = negation === 'ones' ? ones : ones.add(neg.zext(2).asSInt()).trunc(kept.width + 1);
  } else if (neg && negation === 'twos') {
    const s = kept.zext(kept.width + 1).asSInt();
    value = style === 'gates' ? gateConditionalNegate(kept, neg) : mux(neg, lit(0, s.type).subWrap(s), s);
  }
  return { value, shift: exponentSum(a, b, style, o.subnormalCarryIn ?? false), nan, inf, sign: neg, zero: orAll([zeroA, zeroB, special])! };
}

/**
 * expA + expB. With `carryIn` (carry style, a with subnormals), a's field goes in as coded and its
 * subnormal flag as the chain's carry-in, through a pad bit below both operands (1 under a, the flag
 * under b: 1 + flag carries the flag), instead of a LUT forcing bit 0 of a's field.
 */
function exponentSum(a: Fields, b: Fields, style: ArithStyle, carryIn: boolean): Expr {
  if (style === 'gates') return gateAdd(a.exp, b.exp);
  if (!carryIn || !a.raw) return a.exp.add(b.exp);
  const w = Math.max(a.exp.width, b.exp.width);
  return cat(a.raw.exp.zext(w), lit(1, UInt(1))).add(cat(b.exp.zext(w), a.raw.sub)).bits(w + 1, 1);
}

export interface PipelinedProduct extends Specials {
  /** The exact product word, SInt(W); with ones'-complement negation, word + carry is. */
  readonly word: Expr;
  /** With ones'-complement negation: the bit the word is short of (the product's sign). */
  readonly carry?: Expr;
}

/**
 * Codes a and b → the exact product word and flags after `stages` registers: the first after the
 * significand product, the second after the shifter, the rest at the end.
 */
export function pipelinedProduct(a: Expr, fa: FloatFormat, b: Expr, fb: FloatFormat, W: number, stages: number, style: ArithStyle, o: ProductOptions = {}): PipelinedProduct {
  return pipelinedProductOf(fields(a, fa), fields(b, fb), W, stages, style, o);
}

/** Options of the product's datapath. */
export interface ProductOptions {
  readonly negation?: Negation;
  /**
   * Where a single stage goes: after the significand product (default), or after the shifter. On
   * LUT4 the shifter's selects then merge with the product logic (mx.dot e2m1, k = 32, on iCE40:
   * about 135 LUTs fewer); on LUT6 the last shift level merges with the sum's first add instead.
   */
  readonly oneStageAfter?: 'product' | 'aligned';
  /**
   * Shift by one exponent field, then the other, instead of by their sum: with 2-bit fields each
   * step is a 3:1 choice that fits a LUT6 and there is no sum (minifloat.mul e2m3 on xc7: 52 → 50).
   */
  readonly shiftEach?: boolean;
  /**
   * The significands' product as an AND array in a bit heap built for this fabric (a 6:3 counter
   * tree on LUT6, chains on LUT4) instead of `*` (which Yosys builds from full adders): minifloat.mul
   * e3m2 55 → 52 LUTs on xc7, 75 → 74 on iCE40; larger for e2m3 and e4m3.
   */
  readonly significands?: Fabric;
  /**
   * The shifter: a log shifter (default), or a window shifter (window-align.ts), one LUT4 per output
   * bit: with 'dec-xor' negation minifloat.mul e5m2 on iCE40 188 → 154 LUTs, e4m3 146 → 131.
   * Unsigned or 'ones-shifted' products use the log shifter.
   */
  readonly shifter?: 'log' | 'window';
  readonly specialWord?: SpecialWord;
  /**
   * With the carry style, a subnormal a's exponent 1 enters the exponent sum as the chain's
   * carry-in instead of through a LUT: about one LUT fewer per product (minifloat.mul with a carry
   * sum, both fabrics; mx.dot e4m3, k = 32: 5748 → 5725 LUTs on iCE40, 4587 → 4531 on xc7-nodsp).
   */
  readonly subnormalCarryIn?: boolean;
}

/** x · y for unsigned x and y, UInt(x.width + y.width), through a bit heap of AND bits. */
function heapProduct(x: Expr, y: Expr, fabric: Fabric): Expr {
  const h = new std.BitHeap();
  for (let j = 0; j < y.width; j++) for (let i = 0; i < x.width; i++) h.addBit(x.bit(i).and(y.bit(j)), i + j);
  const s = h.sum({ fabric, compressor: 'auto' });
  const w = x.width + y.width;
  return s.width >= w ? s.bits(w - 1, 0) : s.zext(w);
}

/** The same from codes already taken apart (MX INT8 elements have fields but no float code). */
export function pipelinedProductOf(fa: Fields, fb: Fields, W: number, stages: number, style: ArithStyle, o: ProductOptions = {}): PipelinedProduct {
  const negation = o.negation ?? 'twos';
  const t = productTerms(fa, fb, style, o);
  const signed = t.sign !== undefined;
  const ones = signed && (negation === 'ones' || negation === 'ones-shifted');
  const afterShift = signed && negation === 'ones-shifted';
  const alignedFirst = o.oneStageAfter === 'aligned' && stages === 1;
  const s1 = alignedFirst ? 0 : Math.min(stages, 1), s2 = alignedFirst ? 1 : Math.min(Math.max(stages - 1, 0), 1), s3 = Math.max(stages - 2, 0);
  const value = std.pipe(t.value, s1, 'product');
  const shift = o.shiftEach ? undefined : std.pipe(t.shift, s1, 'shift');
  const sign = ones ? std.pipe(t.sign!, s1, 'product_sign') : undefined;
  // Both exponent fields are at least 1, so the shift is at least the 2 bits dropped: ~(x << s) >> 2 = ~(x << (s − 2)).
  const fill = ones && !afterShift ? sign : undefined;
  const align = o.shifter === 'window' && value.signed ? windowAlign : alignLeft;
  // Shifted by each exponent field in turn (value << ea fits W + 2 bits, as eb ≥ 1), or by their sum.
  const shifted = o.shiftEach
    ? alignLeft(alignLeft(value, std.pipe(fa.exp, s1, 'shift_a'), 0, W + 2, fill), std.pipe(fb.exp, s1, 'shift_b'), 2, W, fill)
    : align(value, shift!, 2, W, fill);
  const signedWord = afterShift ? shifted.xor(replicate(sign!, W)).asSInt() : shifted.signed ? shifted : shifted.asSInt(); // an unsigned product's top bit is 0
  const word = std.pipe(std.pipe(signedWord, s2, 'aligned'), s3, 'p');
  const delay = (x: Expr | undefined, name: string) => (x ? std.pipe(x, stages, name) : undefined);
  const nan = delay(t.nan, 'nan_d'), inf = delay(t.inf, 'inf_d'), sgn = delay(t.sign, 'sign_d');
  return {
    word, nan,
    pinf: inf && (sgn ? inf.and(sgn.not()) : inf),
    ninf: inf && sgn ? inf.and(sgn) : undefined,
    zeroNeg: sgn ? sgn.and(std.pipe(t.zero, stages, 'zero_d')) : undefined,
    ...(ones ? { carry: sgn } : {}),
  };
}
