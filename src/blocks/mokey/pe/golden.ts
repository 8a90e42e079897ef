// mokey.pe's golden model, written from blocks.md §6 and the widths in params.ts. A packet is one
// dot product: beats of L code pairs (lanes off in `in_mask` add nothing) and, with the outlier lane,
// at most one outlier pair per beat. Per beat, lane by lane, e = i + j and s = sa ⊕ sw give H[e],
// G[i], G′[j] and Z each ±1; each counter then takes its beat's total, saturating at ±(2^(C−1) − 1).
// The outlier accumulator O adds o_a·o_w (Q7.8 × Q7.8), saturating at its width. After the last beat:
//   T = Σ_e H[e]·kH[e] + Σ_i (G[i] + G′[i])·kG[i] + Z·kZ          (F fraction bits, exact)
//   S = T·2^(FS − F) + O·2^(FS − 16)                               (FS = max(F, 16) fraction bits)
//   result = ⌊(S·scale + 2^(14 + shift)) / 2^(15 + shift)⌋        (round half up; FS fraction bits)
// with scale and shift read on the last beat. The result is Σ a·w in σa·σw units times
// scale / 2^(15 + shift), which the caller sets to σa·σw.

import type { Vector } from '../../../cosim/model.js';
import { INDEXES } from '../dictionary.js';
import { peConstants } from './constants.js';
import { countLimit, EXPONENTS, OUTLIER_FRAC, outlierAccBits, SCALE_FRAC, sumFrac, type PeParams } from './params.js';

const clamp = (x: bigint, m: bigint) => (x > m ? m : x < -m ? -m : x);

export interface PeAccumulators {
  readonly h: bigint[];
  readonly g: bigint[];
  readonly gp: bigint[];
  z: bigint;
  o: bigint;
}

/** The counters and the outlier sum after a packet's beats. */
export function accumulate(p: PeParams, beats: readonly Vector[]): PeAccumulators {
  const M = countLimit(p), MO = (1n << BigInt(outlierAccBits(p) - 1)) - 1n;
  const acc: PeAccumulators = { h: Array(EXPONENTS).fill(0n), g: Array(INDEXES).fill(0n), gp: Array(INDEXES).fill(0n), z: 0n, o: 0n };
  for (const v of beats) {
    const dh = Array(EXPONENTS).fill(0n), dg = Array(INDEXES).fill(0n), dgp = Array(INDEXES).fill(0n);
    let dz = 0n;
    const mask = v.in_mask ?? 0n;
    for (let l = 0; l < p.lanes; l++) {
      if (!((mask >> BigInt(l)) & 1n)) continue;
      const a = Number(v[`a${l}`] ?? 0n), w = Number(v[`w${l}`] ?? 0n);
      const i = a & 7, j = w & 7, s = ((a >> 3) ^ (w >> 3)) & 1 ? -1n : 1n;
      dh[i + j] += s; dg[i] += s; dgp[j] += s; dz += s;
    }
    for (let e = 0; e < EXPONENTS; e++) acc.h[e] = clamp(acc.h[e]! + dh[e]!, M);
    for (let i = 0; i < INDEXES; i++) { acc.g[i] = clamp(acc.g[i]! + dg[i]!, M); acc.gp[i] = clamp(acc.gp[i]! + dgp[i]!, M); }
    acc.z = clamp(acc.z + dz, M);
    if (p.outlierLane && v.o_valid) acc.o = clamp(acc.o + BigInt.asIntN(16, v.o_a ?? 0n) * BigInt.asIntN(16, v.o_w ?? 0n), MO);
  }
  return acc;
}

/** S, the dot product in σa·σw units with sumFrac(p) fraction bits. */
export function codeSum(p: PeParams, acc: PeAccumulators): bigint {
  const k = peConstants(p.fracBits);
  let t = acc.z * k.z;
  for (let e = 0; e < EXPONENTS; e++) t += acc.h[e]! * k.h[e]!;
  for (let i = 0; i < INDEXES; i++) t += (acc.g[i]! + acc.gp[i]!) * k.g[i]!;
  const fs = sumFrac(p);
  return (t << BigInt(fs - p.fracBits)) + (p.outlierLane ? acc.o << BigInt(fs - 2 * OUTLIER_FRAC) : 0n);
}

/** ⌊(S·scale + 2^(k − 1)) / 2^k⌋ with k = 15 + shift: BigInt's >> is floor division for negatives too. */
export function scaleResult(s: bigint, scale: bigint, shift: bigint): bigint {
  const k = BigInt(SCALE_FRAC) + shift;
  return (s * scale + (1n << (k - 1n))) >> k;
}

export function peModel(p: PeParams): (beats: Vector[]) => Vector[] {
  return (beats) => {
    const last = beats[beats.length - 1]!;
    const s = codeSum(p, accumulate(p, beats));
    return [{ result: scaleResult(s, last.scale ?? 0n, last.scale_shift ?? 0n) }];
  };
}
