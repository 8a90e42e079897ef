// Golden model of minifloat.mac, from formats.md §6. Kulisch: each product is exact; the word is the
// sum of the finite products since the last clear, wrapped to the accumulator width; the flags say
// what the exact IEEE sum is once NaN or infinities were added (NaN sticks; +Inf + −Inf = NaN).

import type { Vector } from '../../../cosim/model.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { kulischWidth, MacModel } from '../../../numerics/minifloat.js';
import { kulischGolden } from '../kulisch-golden.js';
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
  const step = kulischGolden(fa, fb, kulischWidth(fa, fb, p.n));
  return (v: Vector): Vector => step(v.clear === 1n, [[Number(v.a), Number(v.b)]]);
}
