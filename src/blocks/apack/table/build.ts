// The table builder (blocks.md §5): from a histogram of B-bit codes choose up to S contiguous ranges
// and their P-bit counts minimising the coded size Σ_v n_v · (−log2(c_s / 2^P) + ol_s).
// - Ranges: a dynamic program over range boundaries. With ideal probabilities N_s / N the size is
//   Σ_s N_s · (ol_s − log2 N_s) + N log2 N, a sum over ranges, so the program is exact for it. Every
//   boundary is a candidate for B ≤ 10 (2^B positions, S · 4^B / 2 steps); above, a candidate set: the
//   powers of two from either end (where two's complement values near zero gather), a uniform grid
//   and the histogram's quantiles.
// - Counts: for fixed ranges, maximising Σ N_s log2 c_s over integers with Σ c = 2^P is separable
//   and concave, so the greedy marginal allocation (one count at a time, from 1 each) is optimal.

import type { ApackTable } from './table.js';
import { offsetLength } from './table.js';

export interface BuildOptions {
  readonly bits: number; // B
  readonly symbols: number; // S
  readonly precision: number; // P
}

/** The counts of each code 0 … 2^B − 1. */
export function histogram(codes: ArrayLike<number>, bits: number): Float64Array {
  const h = new Float64Array(2 ** bits);
  for (let i = 0; i < codes.length; i++) h[codes[i]!]!++;
  return h;
}

/** Shannon entropy of the value histogram, in bits for the whole tensor: the bound for any per-value code. */
export function entropyBits(values: ArrayLike<number>): number {
  const h = new Map<number, number>();
  for (let i = 0; i < values.length; i++) h.set(values[i]!, (h.get(values[i]!) ?? 0) + 1);
  let bits = 0;
  for (const n of h.values()) bits -= n * Math.log2(n / values.length);
  return bits;
}

export const EXACT_MAX_BITS = 10;

export function buildTable(hist: ArrayLike<number>, o: BuildOptions): ApackTable {
  const V = 2 ** o.bits;
  const bounds = o.bits <= EXACT_MAX_BITS ? Array.from({ length: V + 1 }, (_, i) => i) : candidateBounds(hist, o.bits);
  const vmin = bestRanges(hist, bounds, Math.min(o.symbols, 2 ** o.precision)); // more ranges than counts could not all be coded
  const totals = vmin.map((v, s) => {
    let n = 0;
    for (let x = v; x < (vmin[s + 1] ?? V); x++) n += hist[x]!;
    return n;
  });
  return { bits: o.bits, precision: o.precision, vmin, counts: allocateCounts(totals, o.precision) };
}

/** Range starts (ascending, the first 0) with the least ideal coded size, at most `maxRanges` of them. */
function bestRanges(hist: ArrayLike<number>, bounds: readonly number[], maxRanges: number): number[] {
  const M = bounds.length - 1;
  const prefix = new Float64Array(M + 1);
  { let acc = 0, b = 0; for (let x = 0; x < bounds[M]!; x++) { if (x === bounds[b]) prefix[b++] = acc; acc += hist[x]!; } prefix[M] = acc; }
  // Every range's cost once (the program visits each S times).
  const costs = new Float64Array((M + 1) * (M + 1));
  for (let i = 0; i < M; i++) {
    for (let j = i + 1; j <= M; j++) {
      const n = prefix[j]! - prefix[i]!;
      costs[i * (M + 1) + j] = n === 0 ? 0 : n * (offsetLength(bounds[j]! - bounds[i]!) - Math.log2(n));
    }
  }
  const cost = (i: number, j: number) => costs[i * (M + 1) + j]!;
  // f[k][j]: the best cost of bounds[0 … j) in k ranges; from[k][j]: where its last range starts.
  let prev = new Float64Array(M + 1).fill(Infinity);
  prev[0] = 0;
  const from: Int32Array[] = [];
  let best = Infinity, bestK = 0;
  for (let k = 1; k <= maxRanges; k++) {
    const cur = new Float64Array(M + 1).fill(Infinity), arg = new Int32Array(M + 1).fill(-1);
    for (let j = 1; j <= M; j++) {
      for (let i = k - 1; i < j; i++) {
        if (prev[i] === Infinity) continue;
        const c = prev[i]! + cost(i, j);
        if (c < cur[j]! - 1e-9) { cur[j] = c; arg[j] = i; }
      }
    }
    from.push(arg);
    if (cur[M]! < best - 1e-9) { best = cur[M]!; bestK = k; }
    prev = cur;
  }
  const starts: number[] = [];
  for (let k = bestK, j = M; k >= 1; k--) {
    const i = from[k - 1]![j]!;
    starts.push(bounds[i]!);
    j = i;
  }
  return starts.reverse();
}

/** Candidate boundaries for wide codes: 0, 2^B, 2^j and 2^B − 2^j, a 256-step grid, and quantiles. */
function candidateBounds(hist: ArrayLike<number>, bits: number): number[] {
  const V = 2 ** bits, set = new Set<number>([0, V]);
  for (let j = 0; j < bits; j++) { set.add(2 ** j); set.add(V - 2 ** j); }
  for (let k = 1; k < 256; k++) set.add(Math.round((k * V) / 256));
  let total = 0;
  for (let x = 0; x < V; x++) total += hist[x]!;
  if (total > 0) {
    let acc = 0, q = 1;
    for (let x = 0; x < V && q < 256; x++) {
      acc += hist[x]!;
      while (q < 256 && acc >= (q * total) / 256) { set.add(x); set.add(x + 1); q++; }
    }
  }
  return [...set].filter((x) => x >= 0 && x <= V).sort((a, b) => a - b);
}

/** P-bit counts for range totals: Σ = 2^P, ≥ 1 where the total is non-zero, 0 elsewhere. */
export function allocateCounts(totals: readonly number[], precision: number): number[] {
  const T = 2 ** precision, N = totals.reduce((a, b) => a + b, 0);
  if (N === 0) return totals.map((_, s) => (s === 0 ? T : 0)); // an empty tensor: any table codes it
  const used = totals.map((n) => n > 0);
  if (used.filter(Boolean).length > T) throw new Error(`${used.filter(Boolean).length} used symbols do not fit 2^${precision} counts`);
  // From 1 per used symbol, each further count to the best marginal gain: with gains decreasing in
  // c (log is concave) this greedy is optimal. At most 2^P · S steps.
  const c: number[] = totals.map((n) => (n > 0 ? 1 : 0));
  const gain = (s: number) => totals[s]! * Math.log2((c[s]! + 1) / c[s]!);
  for (let sum = c.reduce((a, b) => a + b, 0); sum < T; sum++) {
    let b = -1;
    for (let s = 0; s < c.length; s++) if (used[s] && (b < 0 || gain(s) > gain(b))) b = s;
    c[b]!++;
  }
  return c;
}
