// From Mokey tensors to mokey.pe beats: a dot product's pairs of codes fill the lanes in order;
// a pair with an outlier on either side goes to the outlier lane instead (one per beat), both sides
// as z-scores in Q7.8 — the outlier's own (x − μ)/σ, the other side its centroid ±c_k.

import type { Vector } from '../../../cosim/model.js';
import { codeValue, OUTLIER, type MokeyTensor } from '../quantize.js';
import { OUTLIER_FRAC, SCALE_FRAC, type PeParams } from './params.js';

const Q_MAX = 32767;

/** The z-score of value k of a Mokey tensor in Q7.8 (saturated), as the PE's outlier lane takes it. */
export function zFixed(q: MokeyTensor, k: number, outlierIndex: Map<number, number>): bigint {
  const code = q.codes[k]!;
  let z: number;
  if (code === OUTLIER) {
    const x = q.outlierValues[outlierIndex.get(k)!]! * q.outlierScale;
    z = q.std > 0 ? (x - q.mean) / q.std : 0;
  } else {
    z = codeValue(q.dictionary, code);
  }
  return BigInt(Math.max(-Q_MAX, Math.min(Q_MAX, Math.round(z * 2 ** OUTLIER_FRAC))));
}

export const outlierIndexOf = (q: MokeyTensor) => new Map(Array.from(q.outlierPositions, (pos, i) => [pos, i] as const));

/** scale and shift with scale / 2^(15 + shift) ≈ σa·σw, scale as large as 16 bits allow. */
export function scaleOf(product: number): { scale: bigint; scale_shift: bigint } {
  let shift = 0;
  while (shift < 63 && product * 2 ** (SCALE_FRAC + shift + 1) < 65535.5) shift++;
  const scale = Math.min(65535, Math.round(product * 2 ** (SCALE_FRAC + shift)));
  return { scale: BigInt(scale), scale_shift: BigInt(shift) };
}

/** Two vectors of one dot product: positions into their quantized tensors (rows, columns, …). */
export interface DotOperands {
  readonly a: MokeyTensor;
  readonly aAt: ArrayLike<number>;
  readonly w: MokeyTensor;
  readonly wAt: ArrayLike<number>;
}

/** One dot product as a packet (at least one beat). */
export function dotPacket(p: PeParams, d: DotOperands, aOut = outlierIndexOf(d.a), wOut = outlierIndexOf(d.w)): Vector[] {
  if (!p.outlierLane) throw new Error('dotPacket: real tensors have outliers; the PE needs its outlier lane');
  const pairs: Array<[number, number]> = [], outliers: Array<[bigint, bigint]> = [];
  if (d.aAt.length !== d.wAt.length) throw new Error(`dotPacket: vectors of ${d.aAt.length} and ${d.wAt.length} values`);
  for (let k = 0; k < d.aAt.length; k++) {
    const ia = d.aAt[k]!, iw = d.wAt[k]!, ca = d.a.codes[ia]!, cw = d.w.codes[iw]!;
    if (ca === OUTLIER || cw === OUTLIER) outliers.push([zFixed(d.a, ia, aOut), zFixed(d.w, iw, wOut)]);
    else pairs.push([ca, cw]);
  }
  const beats = Math.max(1, Math.ceil(pairs.length / p.lanes), outliers.length);
  const { scale, scale_shift } = scaleOf(d.a.std * d.w.std);
  const out: Vector[] = [];
  for (let b = 0; b < beats; b++) {
    const v: Vector = { in_last: b === beats - 1 ? 1n : 0n, in_mask: 0n, scale, scale_shift, o_valid: 0n, o_a: 0n, o_w: 0n };
    for (let l = 0; l < p.lanes; l++) {
      const pair = pairs[b * p.lanes + l];
      v[`a${l}`] = BigInt(pair?.[0] ?? 0);
      v[`w${l}`] = BigInt(pair?.[1] ?? 0);
      if (pair) v.in_mask! |= 1n << BigInt(l);
    }
    const o = outliers[b];
    if (o) { v.o_valid = 1n; v.o_a = o[0]; v.o_w = o[1]; }
    out.push(v);
  }
  return out;
}

/** Positions start, start + stride, … (n of them): a row (stride 1) or a column of a matrix. */
export const strided = (start: number, n: number, stride = 1) => Int32Array.from({ length: n }, (_, k) => start + k * stride);
