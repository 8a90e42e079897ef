// A radix-4 Booth multiplier written out, for LUT fabrics without DSPs: half as many partial-product
// rows as `*`'s array, each bit a small function of three multiplier bits and two multiplicand bits
// (one LUT6, or two LUT4s), so the adders that follow are fewer and shorter. The rows and their
// negation bits go into a bit heap, where the bits ride as carry-ins and in the rows' low holes.

import { cat, lit, std, UInt, type Expr } from '../../../dsl/index.js';
import type { Fabric } from '../../../dsl/stdlib/fabric.js';

/** a · b for signed a and b, SInt(A + B). `legacy`: the earlier adder tree with a correction row. */
export function boothMultiply(a: Expr, b: Expr, arith: 'heap' | 'legacy' = 'heap', fabric?: Fabric): Expr {
  const A = a.width, B = b.width, P = A + B;
  const digits = Math.ceil(B / 2);
  const bx = b.sext(2 * digits); // an even number of bits, sign-extended
  const ax = a.sext(A + 1); // |2a| needs one more bit
  const rows: Expr[] = [], negs: Expr[] = [];
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
    rows.push(cat(...bits.reverse()).asSInt()); // SInt(A + 1) at weight 4^i
    negs.push(neg); // the +1 that makes a negative row two's complement
  }
  const sum = arith === 'legacy' ? legacySum(rows, negs, P) : heapSum(rows, negs, fabric);
  return sum.bits(P - 1, 0).asSInt();
}

/**
 * The rows at weights 4^i and their +1s in a heap: on LUT4 (and without a fabric) carry chains, each
 * +1 a carry-in or in a row's low holes; on LUT6 a 6:3 counter tree (int.mac 8 × 8 on xc7: 116 LUTs
 * at 4 logic levels, where chains are 80 at 7 and the earlier tree 138 at 4).
 */
function heapSum(rows: readonly Expr[], negs: readonly Expr[], fabric: Fabric | undefined): Expr {
  const heap = new std.BitHeap();
  rows.forEach((r, i) => heap.addWord(r, 2 * i).addBit(negs[i]!, 2 * i));
  return heap.sum(fabric ? { fabric, compressor: 'auto' } : {});
}

/** The earlier form: the rows shifted to full width, the +1s in one sparse row, an adder tree. */
function legacySum(rows: readonly Expr[], negs: readonly Expr[], P: number): Expr {
  const shifted = rows.map((r, i) => (i > 0 ? cat(r, lit(0, UInt(2 * i))).asSInt() : r));
  const fixBits = negs.flatMap((n, i) => (i === 0 ? [n] : [lit(0, n.type), n])); // LSB first: neg_i at bit 2i
  const fix = cat(...fixBits.reverse()).zext(2 * negs.length).asSInt();
  return std.adderTree([...shifted.map((r) => r.sext(P + 2)), fix.sext(P + 2)], { legacy: true });
}

/**
 * a · b as the MAC-style units choose it: Booth rows written out, or `*` left to synthesis. Booth
 * works on signed operands: unsigned ones get a zero sign bit, and the product its low bits back.
 */
export function multiplyOperands(a: Expr, b: Expr, signed: boolean, kind: 'booth' | 'operator', arith: 'heap' | 'legacy' = 'heap', fabric?: Fabric): Expr {
  if (kind === 'operator') return a.mul(b);
  if (signed) return boothMultiply(a, b, arith, fabric);
  return boothMultiply(a.zext(a.width + 1).asSInt(), b.zext(b.width + 1).asSInt(), arith, fabric).bits(a.width + b.width - 1, 0);
}
