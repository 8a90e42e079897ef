// Golden model of hadamard.transform, from formats.md §8: y_i = Σ_j H_N[i][j] · x_j, with the Sylvester
// matrix's entries H_N[i][j] = (−1)^popcount(i AND j) (H_2N = [[H_N, H_N], [H_N, −H_N]]), exact.
// The sums are exact in doubles while |y| < 2^53 (int32 at N = 256 reaches 2^39 at most),
// so the N² products are summed as numbers, not BigInts.
import type { Vector } from '../../../cosim/model.js';

const parity = (v: number) => { let c = 0; for (; v; v &= v - 1) c ^= 1; return c; };

export function hadamardGolden(p: { n: number }) {
  const sign = Array.from({ length: p.n * p.n }, (_, k) => (parity(Math.floor(k / p.n) & (k % p.n)) ? -1 : 1));
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
