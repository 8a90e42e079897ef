// Golden model of minifloat.mul, from formats.md §6 through the numerics library's exact dyadic
// arithmetic: the product's value in units of 2^(2·emin − Ma − Mb); NaN and ±Inf as flags, word 0.

import type { Vector } from '../../../cosim/model.js';
import { fromCode, mul } from '../../../numerics/dyadic.js';
import { kulischLsb, mfMul } from '../../../numerics/minifloat.js';
import type { RoundingMode } from '../../../numerics/rounding.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';

export function minifloatMulGolden(p: { a: string; b: string; out?: string; round?: RoundingMode }) {
  const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
  if (p.out !== undefined && p.out !== 'fixed') {
    const fo = parseFormat(p.out), round = p.round ?? 'rne';
    return (v: Vector): Vector => ({ p: BigInt(mfMul(fa, Number(v.a), fb, Number(v.b), fo, round)) });
  }
  const lsb = kulischLsb(fa, fb);
  const hasNan = fa.specials !== 'finite' || fb.specials !== 'finite';
  const hasInf = fa.specials === 'ieee' || fb.specials === 'ieee';
  return (v: Vector): Vector => {
    const prod = mul(fromCode(fa, Number(v.a)), fromCode(fb, Number(v.b)));
    const out: Vector = { p: prod.kind === 'num' ? prod.sig << BigInt(prod.exp - lsb) : 0n };
    if (hasNan) out.nan = prod.kind === 'nan' ? 1n : 0n;
    if (hasInf) {
      out.pinf = prod.kind === 'inf' && !prod.neg ? 1n : 0n;
      out.ninf = prod.kind === 'inf' && prod.neg ? 1n : 0n;
    }
    return out;
  };
}
