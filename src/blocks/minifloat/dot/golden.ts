// Golden model of minifloat.dot (Kulisch): per step the exact products of the L lanes are summed
// with the accumulator modulo 2^W; specials as in minifloat.mac (formats.md §6).
import type { Vector } from '../../../cosim/model.js';
import { add, fromCode, mul, roundTo, ZERO } from '../../../numerics/dyadic.js';
import type { RoundingMode } from '../../../numerics/rounding.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { kulischWidth } from '../../../numerics/minifloat.js';
import { kulischGolden } from '../kulisch-golden.js';

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
  const step = kulischGolden(fa, fb, kulischWidth(fa, fb, p.n * p.lanes));
  const lanes = Array.from({ length: p.lanes }, (_, i) => [`a${i}`, `b${i}`] as const);
  return (v: Vector): Vector => step(v.clear === 1n, lanes.map(([a, b]) => [Number(v[a]), Number(v[b])] as const));
}
