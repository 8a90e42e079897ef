// The other way to compress a bit heap: columns of bits reduced by counters written as logic (6:3 on
// LUT6, each output one LUT6 of the six inputs; 3:2 full adders on LUT4, two LUT4s) until every
// column holds at most two bits, then one carry chain. FloPoCo's and FINN's trees; kept beside the
// carry-chain compression so that the cost model's choice is measured (bench/results/qor.md).

import { cat, lit, type Expr } from '../expr.js';
import { UInt } from '../types.js';
import { carryAdd } from './carry-add.js';
import type { Fabric } from './fabric.js';

export interface HeapTerms {
  readonly words: ReadonlyArray<{ value: Expr; weight: number }>;
  readonly bits: ReadonlyArray<{ bit: Expr; weight: number }>;
}

/** Bits per counter: as many as the fabric's LUT takes. */
const counterInputs = (fabric: Fabric) => (fabric === 'lut6' ? 6 : 3);

/**
 * The exact sum as SInt(width) (width: enough for every term, from BitHeap's widthOf). Signed words enter as
 * their bits with the sign bit inverted, and one constant row pays the −2^(top) of each.
 */
export function counterSum(t: HeapTerms, fabric: Fabric, width: number): Expr {
  const cols = new Map<number, Expr[]>();
  const put = (b: Expr, w: number) => { if (w < width) cols.set(w, [...(cols.get(w) ?? []), b]); };
  let constant = 0n;
  for (const { value, weight } of t.words) {
    for (let i = 0; i < value.width; i++) {
      const top = value.signed && i === value.width - 1;
      put(top ? value.bit(i).not() : value.bit(i), weight + i);
      if (top) constant -= 1n << BigInt(weight + i);
    }
  }
  for (const { bit, weight } of t.bits) put(bit, weight);
  const c = BigInt.asUintN(width, constant);
  for (let w = 0; w < width; w++) if ((c >> BigInt(w)) & 1n) put(lit(1, UInt(1)), w);

  const k = counterInputs(fabric);
  for (;;) {
    const tall = [...cols.values()].some((l) => l.length > 2);
    if (!tall) break;
    const next = new Map<number, Expr[]>();
    const add = (b: Expr, w: number) => { if (w < width) next.set(w, [...(next.get(w) ?? []), b]); };
    for (const [w, bits] of [...cols.entries()].sort((a, b) => a[0] - b[0])) {
      let rest = bits;
      while (rest.length > 2) {
        const n = Math.min(k, rest.length);
        const group = rest.slice(0, n);
        rest = rest.slice(n);
        countBits(group).forEach((b, j) => add(b, w + j));
      }
      rest.forEach((b) => add(b, w));
    }
    cols.clear();
    for (const [w, l] of next) cols.set(w, l);
  }
  const row = (r: number) => cat(...Array.from({ length: width }, (_, i) => cols.get(width - 1 - i)?.[r] ?? lit(0, UInt(1))));
  return carryAdd(row(0), row(1)).trunc(width).asSInt();
}

/** The number of set bits of 2 to 6 bits, as gates (each output bit a function of the inputs alone). */
function countBits(bs: readonly Expr[]): Expr[] {
  if (bs.length === 3) return fullAdder(bs[0]!, bs[1]!, bs[2]!);
  if (bs.length === 2) return [bs[0]!.xor(bs[1]!), bs[0]!.and(bs[1]!)];
  // 4 to 6 bits: two full adders (or a full and a half adder), then the carries and the sums added.
  const [s1, c1] = fullAdder(bs[0]!, bs[1]!, bs[2]!);
  const [s2, c2] = bs.length === 6 ? fullAdder(bs[3]!, bs[4]!, bs[5]!) : bs.length === 5 ? [bs[3]!.xor(bs[4]!), bs[3]!.and(bs[4]!)] : [bs[3]!, lit(0, UInt(1))];
  const b0 = s1!.xor(s2!), k0 = s1!.and(s2!);
  const [b1, k1] = fullAdder(c1!, c2!, k0);
  return [b0, b1!, k1!];
}

function fullAdder(a: Expr, b: Expr, c: Expr): Expr[] {
  const x = a.xor(b);
  return [x.xor(c), a.and(b).or(x.and(c))];
}
