// A radix-4 Booth multiplier written out, for LUT fabrics without DSPs: half as many partial-product
// rows as `*`'s array, each bit a small function of three multiplier bits and two multiplicand bits
// (one LUT6, or two LUT4s), so the adders that follow are fewer and shorter.

import { cat, lit, std, UInt, type Expr } from '../../../dsl/index.js';

/** a · b for signed a and b, SInt(A + B). */
export function boothMultiply(a: Expr, b: Expr): Expr {
  const A = a.width, B = b.width, P = A + B;
  const digits = Math.ceil(B / 2);
  const bx = b.sext(2 * digits); // an even number of bits, sign-extended
  const ax = a.sext(A + 1); // |2a| needs one more bit
  const rows: Expr[] = [];
  const negs: Expr[] = [];
  for (let i = 0; i < digits; i++) {
    const hi = bx.bit(2 * i + 1), mid = bx.bit(2 * i), lo = i === 0 ? lit(0, mid.type) : bx.bit(2 * i - 1);
    const one = mid.xor(lo); // digit ±1
    const two = hi.and(mid.not()).and(lo.not()).or(hi.not().and(mid).and(lo)); // digit ±2
    const neg = hi.and(mid.and(lo).not()); // digit < 0 (111 is 0)
    const bits: Expr[] = [];
    for (let j = 0; j <= A; j++) {
      const aj = ax.bit(j), aj1 = j === 0 ? lit(0, aj.type) : ax.bit(j - 1);
      bits.push(one.and(aj).or(two.and(aj1)).xor(neg)); // bit j of ±(d·a), ones' complement when negative
    }
    const row = cat(...bits.reverse()).asSInt(); // SInt(A + 1)
    rows.push(i > 0 ? cat(row, lit(0, UInt(2 * i))).asSInt() : row); // weight 4^i
    negs.push(neg);
  }
  // The +1 of each negative row's two's complement, all in one sparse row.
  const fixBits = negs.flatMap((n, i) => (i === 0 ? [n] : [lit(0, n.type), n])); // LSB first: neg_i at bit 2i
  const fix = cat(...fixBits.reverse()).zext(2 * digits).asSInt();
  const sum = std.adderTree([...rows.map((r) => r.sext(P + 2)), fix.sext(P + 2)]);
  return sum.bits(P - 1, 0).asSInt();
}

/**
 * a · b as the MAC-style units choose it: Booth rows written out, or `*` left to synthesis. Booth
 * works on signed operands: unsigned ones get a zero sign bit, and the product its low bits back.
 */
export function multiplyOperands(a: Expr, b: Expr, signed: boolean, kind: 'booth' | 'operator'): Expr {
  if (kind === 'operator') return a.mul(b);
  if (signed) return boothMultiply(a, b);
  return boothMultiply(a.zext(a.width + 1).asSInt(), b.zext(b.width + 1).asSInt()).bits(a.width + b.width - 1, 0);
}
