// Golden model of minifloat.mac (Kulisch), from formats.md §6: each product is exact; the word is the
// sum of the finite products since the last clear, wrapped to the accumulator width; the flags say
// what the exact IEEE sum is once NaN or infinities were added (NaN sticks; +Inf + −Inf = NaN).

import type { Vector } from '../../../cosim/model.js';
import { add, fromCode, mul, ZERO, type Dyadic } from '../../../numerics/dyadic.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { kulischLsb, kulischWidth } from '../../../numerics/minifloat.js';

export function minifloatMacGolden(p: { a: string; b: string; n: number }) {
  const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
  const lsb = kulischLsb(fa, fb), W = kulischWidth(fa, fb, p.n);
  const hasNan = fa.specials !== 'finite' || fb.specials !== 'finite';
  const hasInf = fa.specials === 'ieee' || fb.specials === 'ieee';
  let finite = 0n;
  let special: Dyadic = ZERO; // the IEEE sum of the special products alone (0, ±Inf or NaN)
  return (v: Vector): Vector => {
    if (v.clear === 1n) { finite = 0n; special = ZERO; }
    const prod = mul(fromCode(fa, Number(v.a)), fromCode(fb, Number(v.b)));
    if (prod.kind === 'num') finite = BigInt.asIntN(W, finite + (prod.sig << BigInt(prod.exp - lsb)));
    else special = add(special, prod);
    const out: Vector = { acc: finite };
    if (hasNan) out.nan = special.kind === 'nan' ? 1n : 0n;
    if (hasInf) {
      out.pinf = special.kind === 'inf' && !special.neg ? 1n : 0n;
      out.ninf = special.kind === 'inf' && special.neg ? 1n : 0n;
    }
    return out;
  };
}
