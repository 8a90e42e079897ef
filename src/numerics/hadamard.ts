// The Hadamard rotation of formats.md §8 on float32 blocks: y = 2^−⌈log2(N)/2⌉ · H_N · x (the inverse:
// 2^−⌊log2(N)/2⌋), each output's exact sum rounded once to float32 (RNE). H_N[i][j] = (−1)^popcount(i
// AND j) (Sylvester). NaN absorbs, +Inf against −Inf is NaN (the dyadic sums follow IEEE adds).

import { add, fromCode, roundTo, scale, type Dyadic } from './dyadic.js';
import { parseFormat } from './format.js';

const FP32 = parseFormat('fp32');

/** popcount(v) is odd: H_N[i][j] = −1 where oddParity(i AND j). */
export const oddParity = (v: number) => { let c = 0; for (; v; v &= v - 1) c ^= 1; return c === 1; };
/** −d, the sign of zero included. */
export const neg = (d: Dyadic): Dyadic => (d.kind === 'nan' ? d : d.kind === 'inf' ? { kind: 'inf', neg: !d.neg }
  : { kind: 'num', sig: -d.sig, exp: d.exp, negZero: d.sig === 0n && !d.negZero });

/** float32 bit patterns in → float32 bit patterns out; N = bits.length, a power of two. */
export function hadamardRotate(bits: ArrayLike<number>, inverse = false): Uint32Array {
  const n = bits.length, lg = Math.log2(n);
  if (!Number.isInteger(lg)) throw new RangeError(`a Hadamard rotation needs a power-of-two block, not ${n}`);
  const factor = inverse ? -Math.floor(lg / 2) : -Math.ceil(lg / 2);
  const x = Array.from(bits, (b) => fromCode(FP32, b >>> 0));
  return Uint32Array.from({ length: n }, (_, i) => {
    let y: Dyadic = x[0]!;
    for (let j = 1; j < n; j++) y = add(y, oddParity(i & j) ? neg(x[j]!) : x[j]!);
    return roundTo(FP32, scale(y, factor));
  });
}
