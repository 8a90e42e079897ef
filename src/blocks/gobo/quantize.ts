// GOBO's per-layer quantization (docs/training-accelerators.md): Gaussian outliers by log density,
// then 8 centroids for the rest by GOBO's selection (equal-count bins, then nearest-centroid rounds
// until the L1 error stops falling). Software only: the quantizer runs once per layer, offline.

export const GOBO_CENTROIDS = 8;
export const GOBO_LOG_DENSITY = -4;
const MAX_ROUNDS = 64;

export interface GoboLayer {
  readonly mu: number;
  readonly sigma: number;
  /** Ascending, fp32. */
  readonly centroids: Float32Array;
  /** 3-bit index per weight (0 at an outlier). */
  readonly indexes: Uint8Array;
  readonly outlierPositions: Uint32Array;
  readonly outlierValues: Float32Array;
  readonly rounds: number;
}

function nearest(c: Float32Array, w: number): number {
  let best = 0;
  for (let k = 1; k < c.length; k++) if (Math.abs(w - c[k]!) < Math.abs(w - c[best]!)) best = k;
  return best;
}

export function goboQuantize(w: Float32Array): GoboLayer {
  const n = w.length;
  let mu = 0;
  for (const x of w) mu += x;
  mu /= n;
  let v = 0;
  for (const x of w) v += (x - mu) ** 2;
  const sigma = Math.sqrt(v / n);
  const logNorm = -Math.log(sigma * Math.sqrt(2 * Math.PI));
  const outlier = (x: number) => sigma === 0 ? false : logNorm - (x - mu) ** 2 / (2 * sigma * sigma) < GOBO_LOG_DENSITY;
  const positions: number[] = [], bulk: number[] = [];
  w.forEach((x, i) => (outlier(x) ? positions.push(i) : bulk.push(x)));
  const sorted = Float64Array.from(bulk).sort();
  // Equal-count bins, each centroid its bin's mean.
  let c = new Float32Array(GOBO_CENTROIDS);
  for (let k = 0; k < GOBO_CENTROIDS; k++) {
    const lo = Math.floor((k * sorted.length) / GOBO_CENTROIDS), hi = Math.max(lo + 1, Math.floor(((k + 1) * sorted.length) / GOBO_CENTROIDS));
    let s = 0;
    for (let i = lo; i < Math.min(hi, sorted.length); i++) s += sorted[i]!;
    c[k] = sorted.length ? s / (Math.min(hi, sorted.length) - lo) : 0;
  }
  const l1 = (cs: Float32Array) => { let e = 0; for (const x of sorted) e += Math.abs(x - cs[nearest(cs, x)]!); return e; };
  let best = c.slice(), bestErr = l1(c), rounds = 0;
  while (rounds < MAX_ROUNDS) {
    rounds++;
    const sum = new Float64Array(GOBO_CENTROIDS), count = new Uint32Array(GOBO_CENTROIDS);
    for (const x of sorted) { const k = nearest(c, x); sum[k] += x; count[k]++; }
    c = Float32Array.from(c, (old, k) => (count[k] ? sum[k]! / count[k]! : old)).sort();
    const err = l1(c);
    if (!(err < bestErr)) break;
    best = c.slice(); bestErr = err;
  }
  const indexes = new Uint8Array(n);
  const isOutlier = new Uint8Array(n);
  for (const i of positions) isOutlier[i] = 1;
  for (let i = 0; i < n; i++) if (!isOutlier[i]) indexes[i] = nearest(best, w[i]!);
  return { mu, sigma, centroids: best, indexes, outlierPositions: Uint32Array.from(positions), outlierValues: Float32Array.from(positions, (i) => w[i]!), rounds };
}

export function goboDequantize(q: GoboLayer): Float32Array {
  const out = Float32Array.from(q.indexes, (k) => q.centroids[k]!);
  q.outlierPositions.forEach((pos, j) => { out[pos] = q.outlierValues[j]!; });
  return out;
}

/** Bits of the stored layer: 3 per weight, 8 fp32 centroids, 64 per outlier (value and position). */
export const goboBits = (q: GoboLayer) => 3 * q.indexes.length + 32 * GOBO_CENTROIDS + 64 * q.outlierPositions.length;
