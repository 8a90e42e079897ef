// Golden model of minifloat.dot (Kulisch): per step the exact products of the L lanes are summed
// with the accumulator modulo 2^W; specials as in minifloat.mac (formats.md §6).
import type { Vector } from '../../../cosim/model.js';
import { add, fromCode, mul, roundTo, ZERO, type Dyadic } from '../../../numerics/dyadic.js';
import type { RoundingMode } from '../../../numerics/rounding.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { kulischLsb, kulischWidth } from '../../../numerics/minifloat.js';

export function minifloatDotGolden(p: { a: string; b: string; lanes: number; n: number; acc?: string; round?: RoundingMode }) {
  const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
  if (p.acc !== undefined && p.acc !== 'kulisch') {
    // Float accumulator: the accumulator's value plus every lane's exact product, rounded once.
    const fo = parseFormat(p.acc), round = p.round ?? 'rne';
    let code = 0;
    return (v: Vector): Vector => {
      let s = v.clear === 1n ? ZERO : fromCode(fo, code);
      for (let i = 0; i < p.lanes; i++) s = add(s, mul(fromCode(fa, Number(v[`a${i}`])), fromCode(fb, Number(v[`b${i}`]))));
      code = roundTo(fo, s, { round });
      return { acc: BigInt(code) };
    };
  }
  const lsb = kulischLsb(fa, fb), W = kulischWidth(fa, fb, p.n * p.lanes);
  const hasNan = fa.specials !== 'finite' || fb.specials !== 'finite';
  const hasInf = fa.specials === 'ieee' || fb.specials === 'ieee';
  let finite = 0n;
  let special: Dyadic = ZERO;
  return (v: Vector): Vector => {
    if (v.clear === 1n) { finite = 0n; special = ZERO; }
    for (let i = 0; i < p.lanes; i++) {
      const prod = mul(fromCode(fa, Number(v[`a${i}`])), fromCode(fb, Number(v[`b${i}`])));
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
