// Golden model of int.mac, from the spec: acc ← (clear ? 0 : acc) + a·b, modulo 2^W with
// W = r_a + r_b + ⌈log2 N⌉ + 1, read as signed or unsigned.

import type { RowGolden, Vector } from '../../../cosim/model.js';
import type { RowLayout } from '../../../cosim/rows.js';

interface P { aBits: number; bBits: number; signed: boolean; n: number }

const accBits = (p: P) => p.aBits + p.bBits + Math.ceil(Math.log2(p.n)) + 1;

export function intMacGolden(p: P) {
  const w = accBits(p);
  let acc = 0n;
  return (v: Vector): Vector => {
    const sum = (v.clear === 1n ? 0n : acc) + v.a! * v.b!;
    acc = p.signed ? BigInt.asIntN(w, sum) : BigInt.asUintN(w, sum);
    return { acc };
  };
}

/** Rows: exact in doubles while |acc| + |a·b| < 2^53, i.e. accumulators up to 32 bits and operands up to 16. */
export function intMacGoldenRows(p: P, ins: RowLayout, outs: RowLayout): RowGolden | undefined {
  const w = accBits(p);
  if (w > 32 || p.aBits > 16 || p.bBits > 16 || ins.words !== 3 || outs.words !== 1) return undefined;
  const wrap = 2 ** w, half = 2 ** (w - 1);
  const sa = 32 - p.aBits, sb = 32 - p.bBits;
  let acc = 0;
  return (inRows, count, outRows) => {
    for (let i = 0, k = 0; i < count; i++, k += 3) {
      const a = p.signed ? (inRows[k + 1]! << sa) >> sa : inRows[k + 1]!;
      const b = p.signed ? (inRows[k + 2]! << sb) >> sb : inRows[k + 2]!;
      let sum = (inRows[k]! ? 0 : acc) + a * b;
      sum -= Math.floor(sum / wrap) * wrap; // 0 ≤ sum < 2^W
      acc = p.signed && sum >= half ? sum - wrap : sum;
      outRows[i] = sum;
    }
  };
}
