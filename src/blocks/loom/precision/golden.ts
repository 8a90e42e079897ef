// Golden model of loom.precision (blocks.md §3): fold negatives with NOT, OR the group, the leading
// one gives msb; P = msb + 1, one more when signed (msb = −1 for an all-zero group). Trailing mode:
// lsb = the trailing zeros of the OR of the raw values (0 for an all-zero group) and
// P = max(0, msb − lsb + 1) (+1 signed): every value shifted right by lsb fits P bits.
import type { Vector } from '../../../cosim/model.js';
import type { PrecisionParams } from './params.js';

const bitLength = (x: bigint) => (x === 0n ? 0 : x.toString(2).length);

export function groupPrecision(values: readonly bigint[], p: PrecisionParams): { p: number; lsb: number } {
  let folded = 0n, raw = 0n;
  for (const v of values) {
    const x = p.signed ? BigInt.asIntN(p.width, v) : BigInt.asUintN(p.width, v);
    folded |= x < 0n ? -x - 1n : x; // bitwise NOT of a negative number
    raw |= BigInt.asUintN(p.width, v);
  }
  const msb = bitLength(folded) - 1, s = p.signed ? 1 : 0;
  if (!p.trailing) return { p: msb + 1 + s, lsb: 0 };
  const lsb = raw === 0n ? 0 : bitLength(raw & -raw) - 1;
  return { p: Math.max(0, msb - lsb + 1) + s, lsb };
}

export function loomPrecisionGolden(p: PrecisionParams) {
  return (v: Vector): Vector => {
    const r = groupPrecision(Array.from({ length: p.group }, (_, i) => v[`x${i}`]!), p);
    return p.trailing ? { p: BigInt(r.p), lsb: BigInt(r.lsb) } : { p: BigInt(r.p) };
  };
}
