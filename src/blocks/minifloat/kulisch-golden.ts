// Golden model of a Kulisch accumulator (formats.md §6), shared by minifloat.mac and minifloat.dot:
// the exact products of each step are summed with the accumulator modulo 2^W; the flags say what
// the exact IEEE sum is once NaN or infinities were added (NaN sticks; +Inf + −Inf = NaN).

import type { Vector } from '../../cosim/model.js';
import { add, fromCode, mul, ZERO, type Dyadic } from '../../numerics/dyadic.js';
import type { FloatFormat } from '../../numerics/format.js';
import { kulischLsb } from '../../numerics/minifloat.js';

/** step(clear, pairs of codes) → { acc, nan?, pinf?, ninf? } after the step. */
export function kulischGolden(fa: FloatFormat, fb: FloatFormat, W: number) {
  const lsb = kulischLsb(fa, fb);
  const hasNan = fa.specials !== 'finite' || fb.specials !== 'finite';
  const hasInf = fa.specials === 'ieee' || fb.specials === 'ieee';
  let finite = 0n;
  let special: Dyadic = ZERO; // the IEEE sum of the special products alone (0, ±Inf or NaN)
  return (clear: boolean, pairs: ReadonlyArray<readonly [number, number]>): Vector => {
    if (clear) { finite = 0n; special = ZERO; }
    for (const [a, b] of pairs) {
      const prod = mul(fromCode(fa, a), fromCode(fb, b));
      if (prod.kind === 'num') finite += prod.sig << BigInt(prod.exp - lsb);
      else special = add(special, prod);
    }
    finite = BigInt.asIntN(W, finite);
    const out: Vector = { acc: finite };
    if (hasNan) out.nan = special.kind === 'nan' ? 1n : 0n;
    if (hasInf) {
      out.pinf = special.kind === 'inf' && !special.neg ? 1n : 0n;
      out.ninf = special.kind === 'inf' && special.neg ? 1n : 0n;
    }
    return out;
  };
}
