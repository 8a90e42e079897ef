// Mokey's golden dictionary (blocks.md §6, our choice of detail): eight magnitude centroids
// c_i = A·B^i + C, fitted once by least squares to the magnitude quantiles of a standard normal,
// q_i = the ((i + ½)/8)-quantile of |Z| = Φ⁻¹((1 + (i + ½)/8) / 2). A tensor uses it scaled by its
// standard deviation and centred on its mean.

export interface Dictionary {
  readonly A: number;
  readonly B: number;
  readonly C: number;
  /** c_0 … c_7, ascending. */
  readonly centroids: readonly number[];
}

export const INDEXES = 8;

/** Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile(${p}): p must lie in (0, 1)`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5, r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** The targets the golden dictionary is fitted to: the magnitude quantiles of N(0, 1). */
export const halfNormalTargets = (): number[] => Array.from({ length: INDEXES }, (_, i) => normalQuantile((1 + (i + 0.5) / INDEXES) / 2));

/** Least-squares A, C for a given B (linear), and the residual. */
function fitLinear(t: readonly number[], B: number): { A: number; C: number; err: number } {
  const n = t.length, u = t.map((_, i) => B ** i);
  const su = u.reduce((s, x) => s + x, 0), suu = u.reduce((s, x) => s + x * x, 0);
  const st = t.reduce((s, x) => s + x, 0), sut = u.reduce((s, x, i) => s + x * t[i]!, 0);
  const A = (n * sut - su * st) / (n * suu - su * su), C = (st - A * su) / n;
  return { A, C, err: t.reduce((s, x, i) => s + (A * u[i]! + C - x) ** 2, 0) };
}

/** c_i = A·B^i + C closest (least squares) to the targets: golden-section search over B in (1, 4]. */
export function fitDictionary(targets: readonly number[]): Dictionary {
  let lo = 1.0001, hi = 4;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 200; k++) {
    const m1 = hi - g * (hi - lo), m2 = lo + g * (hi - lo);
    if (fitLinear(targets, m1).err < fitLinear(targets, m2).err) hi = m2; else lo = m1;
  }
  const B = (lo + hi) / 2, { A, C } = fitLinear(targets, B);
  return { A, B, C, centroids: Array.from({ length: INDEXES }, (_, i) => A * B ** i + C) };
}

/** The golden dictionary every tensor shares. */
export const GOLDEN: Dictionary = fitDictionary(halfNormalTargets());
