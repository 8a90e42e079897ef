// Golden model of minifloat.mac, from formats.md §6. Kulisch: each product is exact; the word is the
// sum of the finite products since the last clear, wrapped to the accumulator width; the flags say
// what the exact IEEE sum is once NaN or infinities were added (NaN sticks; +Inf + −Inf = NaN).

import type { Vector } from '../../../cosim/model.js';
import { add, fromCode, mul, ZERO, type Dyadic } from '../../../numerics/dyadic.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { kulischLsb, kulischWidth, MacModel } from '../../../numerics/minifloat.js';
import type { RoundingMode } from '../../../numerics/rounding.js';

export function minifloatMacGolden(p: { a: string; b: string; n: number; acc?: string; round?: RoundingMode }) {
  const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
  if (p.acc !== undefined && p.acc !== 'kulisch') {
    // Float accumulator: acc ← round(acc + a·b), one rounding per step (MacModel, formats.md §6).
    const m = new MacModel(fa, fb, { kind: 'float', format: parseFormat(p.acc), round: p.round ?? 'rne' });
    return (v: Vector): Vector => {
      if (v.clear === 1n) m.clear();
      m.step(Number(v.a), Number(v.b));
      return { acc: BigInt(m.value as number) };
    };
  }
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
