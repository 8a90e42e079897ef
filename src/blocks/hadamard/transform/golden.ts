// Golden model of hadamard.transform, from formats.md §8: y_i = Σ_j H_N[i][j] · x_j, with the Sylvester
// matrix's entries H_N[i][j] = (−1)^popcount(i AND j) (H_2N = [[H_N, H_N], [H_N, −H_N]]).
// Integers: exact. The sums are exact in doubles while |y| < 2^53 (int32 at N = 256 reaches 2^39 at
// most), so the N² terms are summed as numbers, not BigInts.
// Floats: the exact dyadic sum (numerics/dyadic.ts: NaN absorbs, +Inf + −Inf is NaN, a zero sum is −0
// only when every term is −0), times 2^−⌈log2(N)/2⌉ (the inverse: 2^−⌊log2(N)/2⌋), rounded once (RNE)
// into the output format.
import type { Vector } from '../../../cosim/model.js';
import { add, fromCode, roundTo, scale } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { neg, oddParity } from '../../../numerics/hadamard.js';

export function hadamardGolden(p: { n: number; in: string; output?: string; inverse?: boolean }) {
  const minus = (i: number, j: number) => oddParity(i & j);
  if (/^int\d+$/.test(p.in)) {
    const sign = Array.from({ length: p.n * p.n }, (_, k) => (minus(Math.floor(k / p.n), k % p.n) ? -1 : 1));
    return (inputs: Vector): Vector => {
      const x = Array.from({ length: p.n }, (_, j) => Number(inputs[`x${j}`]!));
      const out: Vector = {};
      for (let i = 0; i < p.n; i++) {
        let y = 0;
        for (let j = 0; j < p.n; j++) y += sign[i * p.n + j]! * x[j]!;
        out[`y${i}`] = BigInt(y);
      }
      return out;
    };
  }
  const fi = parseFormat(p.in), fo = parseFormat(p.output || 'fp32');
  const factor = p.inverse ? -Math.floor(Math.log2(p.n) / 2) : -Math.ceil(Math.log2(p.n) / 2); // H·H = N·I: the two factors make N
  return (inputs: Vector): Vector => {
    const x = Array.from({ length: p.n }, (_, j) => fromCode(fi, Number(inputs[`x${j}`]!)));
    const out: Vector = {};
    for (let i = 0; i < p.n; i++) {
      let y = minus(i, 0) ? neg(x[0]!) : x[0]!;
      for (let j = 1; j < p.n; j++) y = add(y, minus(i, j) ? neg(x[j]!) : x[j]!);
      out[`y${i}`] = BigInt(roundTo(fo, scale(y, factor)));
    }
    return out;
  };
}
