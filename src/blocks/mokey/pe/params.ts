// mokey.pe's parameters and the widths that follow from them (the golden model and the generator
// both read these; the arithmetic itself is written separately in each).

import { z } from 'zod';
import { std } from '../../../dsl/index.js';
import { INDEXES } from '../dictionary.js';
import { peConstants } from './constants.js';

export const params = z.object({
  lanes: z.number().int().min(1).max(64).default(16).describe('code pairs per beat (per cycle)'),
  countBits: z.number().int().min(2).max(32).default(16).describe('width of the H, G, G′ and Z counters; they saturate at ±(2^(C−1) − 1)'),
  fracBits: z.number().int().min(2).max(24).default(16).describe('fraction bits of the post-processing constants A²·B^e, A·C·B^i and C² (round to nearest)'),
  outlierLane: z.boolean().default(true).describe('a 16 × 16 fixed-point MAC lane for pairs with an outlier (one pair per beat)'),
  postMacs: z.number().int().min(1).max(24).default(1).describe('post-processing terms per cycle (multipliers): more shortens the time a dot product holds the bank'),
  stages: z.number().int().min(0).max(4).default(0).describe('pipeline stages (0–4): in the term loop the products registered, then the multipliers\' operands, then each multiply split in two, each holding the bank a cycle longer; 4 splits each term multiply in four, the outlier lane\'s product in four a stage apart, and the scaler\'s rounding in two cycles (one cycle more per result)'),
});
export type PeParams = z.infer<typeof params>;

export const EXPONENTS = 2 * INDEXES - 1; // e = i + j: 0 … 14
/** Post-processing terms, in order: H[0…14], G[i] + G′[i] for i = 0…7, Z. */
export const TERMS = EXPONENTS + INDEXES + 1;
export const OUTLIER_BITS = 16;
export const OUTLIER_FRAC = 8; // outlier-lane operands are z-scores in Q7.8
export const SCALE_BITS = 16; // the result is S · scale / 2^(SCALE_FRAC + shift)
export const SCALE_FRAC = 15;
export const SHIFT_BITS = 6;

/** Bits of a two's-complement number holding every value in [−m, m]. */
const signedBits = (m: bigint) => m.toString(2).length + 1;

export const countLimit = (p: PeParams) => (1n << BigInt(p.countBits - 1)) - 1n;
/** The outlier accumulator: 2^(C−1) − 1 products of ±2^30 fit; it saturates beyond. */
export const outlierAccBits = (p: PeParams) => 30 + p.countBits;
/** Fraction bits of S, the codes' sum and the outlier sum aligned. */
export const sumFrac = (p: PeParams) => (p.outlierLane ? Math.max(p.fracBits, 2 * OUTLIER_FRAC) : p.fracBits);

export interface PeWidths {
  readonly delta: number; // a beat's signed count for one counter, in [−L, L]
  readonly constant: number; // the widest post-processing constant
  readonly term: number; // G[i] + G′[i]
  readonly codes: number; // T = Σ counter · constant, exact
  readonly sum: number; // S
  readonly result: number; // round(S · scale / 2^(15 + shift))
}

export function peWidths(p: PeParams): PeWidths {
  const k = peConstants(p.fracBits), M = countLimit(p);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const weight = k.h.reduce((s, x) => s + abs(x), 0n) + 2n * k.g.reduce((s, x) => s + abs(x), 0n) + abs(k.z);
  const maxT = M * weight;
  const maxO = p.outlierLane ? (1n << BigInt(outlierAccBits(p) - 1)) - 1n : 0n;
  const fs = sumFrac(p);
  const maxS = (maxT << BigInt(fs - p.fracBits)) + (maxO << BigInt(fs - 2 * OUTLIER_FRAC));
  const maxK = [...k.h, ...k.g, k.z].reduce((m, x) => (abs(x) > m ? abs(x) : m), 0n);
  return {
    delta: std.bitsFor(p.lanes) + 1, constant: signedBits(maxK), term: p.countBits + 1,
    codes: signedBits(maxT), sum: signedBits(maxS),
    // |S · scale| < 2^(sum − 1) · 2^16, so the quotient by 2^15 (plus rounding) fits one bit more.
    result: signedBits(maxS) + 1,
  };
}

/**
 * Cycles from one dot product's last beat to the next one's, at the least: the bank's (stage 1, the
 * snapshot, the term loop, the hand-off to the scaler) or the scaler's (its multiply steps, the
 * rounding, the load), whichever is longer. A dot product of at least this many beats streams at
 * one beat per cycle; shorter ones wait.
 */
export const bankCycles = (p: Pick<PeParams, 'postMacs' | 'stages'>) => Math.max(postSteps(p) + 3 + termStages(p), scaleSteps(p) + 2 + roundingStages(p));

/** The term loop's register stages: 1–3; stage 4 splits its multiplies finer in the same stages. */
export const termStages = (p: Pick<PeParams, 'stages'>) => Math.min(p.stages, 3);
/** Stage 4 also gives the scaler's rounding a cycle of its own (the shift, then the +1). */
export const roundingStages = (p: Pick<PeParams, 'stages'>) => (p.stages >= 4 ? 1 : 0);

/** The scaler's multiply: min(postMacs, 16) scale bits per cycle. */
export const scaleBitsPerCycle = (p: Pick<PeParams, 'postMacs'>) => Math.min(p.postMacs, SCALE_BITS);
export const scaleSteps = (p: Pick<PeParams, 'postMacs'>) => Math.ceil(SCALE_BITS / scaleBitsPerCycle(p));

/** Cycles of the term loop: TERMS terms, postMacs a cycle. */
export const postSteps = (p: Pick<PeParams, 'postMacs'>) => Math.ceil(TERMS / p.postMacs);

/** Cycles from a dot product's last beat to its result: stage 1, the snapshot, the term loop and its stages, the hand-off, the scaler. */
export const resultLatency = (p: Pick<PeParams, 'postMacs' | 'stages'>) => postSteps(p) + termStages(p) + scaleSteps(p) + roundingStages(p) + 5;
