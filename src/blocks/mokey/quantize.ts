// Mokey's quantizer (blocks.md §6): a tensor's values, centred on its mean μ and scaled by its
// standard deviation σ, become 4-bit codes — a sign and the index of the nearest golden centroid —
// except the outliers, beyond the largest centroid by `threshold` (in σ), which are kept as 16-bit
// fixed point (per-tensor scale max|x| / 32767) with their position.

import { GOLDEN, INDEXES, type Dictionary } from './dictionary.js';

export interface MokeyOptions {
  /** Outliers: |x − μ| / σ > c_7 + threshold. */
  readonly threshold?: number;
  readonly dictionary?: Dictionary;
}

export const DEFAULT_THRESHOLD = 1; // |z| > 2.82: 0.5 % of N(0, 1), 1.3 % of the data set's weights (bench/results/mokey.md)

export interface MokeyTensor {
  readonly mean: number;
  readonly std: number;
  readonly dictionary: Dictionary;
  /** Per value: bit 3 the sign, bits 2..0 the index; 0xff for an outlier. */
  readonly codes: Uint8Array;
  readonly outlierPositions: Int32Array;
  readonly outlierValues: Int16Array;
  readonly outlierScale: number;
}

export const OUTLIER = 0xff;

export function quantize(x: ArrayLike<number>, o: MokeyOptions = {}): MokeyTensor {
  const d = o.dictionary ?? GOLDEN, n = x.length, c = d.centroids;
  let sum = 0, sq = 0, amax = 0;
  for (let i = 0; i < n; i++) { sum += x[i]!; amax = Math.max(amax, Math.abs(x[i]!)); }
  const mean = n ? sum / n : 0;
  for (let i = 0; i < n; i++) sq += (x[i]! - mean) ** 2;
  const std = n ? Math.sqrt(sq / n) : 0;
  const limit = c[INDEXES - 1]! + (o.threshold ?? DEFAULT_THRESHOLD);
  // Midpoints between neighbouring centroids: the nearest centroid is the count of midpoints below.
  const mids = c.slice(1).map((v, i) => (v + c[i]!) / 2);
  const codes = new Uint8Array(n), positions: number[] = [], values: number[] = [];
  const outlierScale = amax > 0 ? amax / 32767 : 1;
  for (let i = 0; i < n; i++) {
    const z = std > 0 ? (x[i]! - mean) / std : 0, m = Math.abs(z);
    if (m > limit) {
      codes[i] = OUTLIER;
      positions.push(i);
      values.push(Math.max(-32767, Math.min(32767, Math.round(x[i]! / outlierScale))));
      continue;
    }
    let k = 0;
    while (k < mids.length && m > mids[k]!) k++;
    codes[i] = (z < 0 ? 8 : 0) | k;
  }
  return { mean, std, dictionary: d, codes, outlierPositions: Int32Array.from(positions), outlierValues: Int16Array.from(values), outlierScale };
}

/** A code's value in σ units: ±c_index (not for OUTLIER). */
export const codeValue = (d: Dictionary, code: number) => (code & 8 ? -1 : 1) * d.centroids[code & 7]!;

/** The values a Mokey tensor stands for: μ ± σ·c_k, or the outlier's fixed-point value. */
export function dequantize(q: MokeyTensor): Float64Array {
  const out = new Float64Array(q.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = q.codes[i]!;
    if (code !== OUTLIER) out[i] = q.mean + q.std * codeValue(q.dictionary, code);
  }
  q.outlierPositions.forEach((p, k) => { out[p] = q.outlierValues[k]! * q.outlierScale; });
  return out;
}
