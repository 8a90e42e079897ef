// Parameters of loom.sip and the widths that follow from them.

import { z } from 'zod';
import { std } from '../../../dsl/index.js';

export const params = z.object({
  lanes: z.number().int().min(1).max(256).default(16).describe('lanes L: weight/activation pairs per step'),
  bits: z.number().int().min(1).max(4).default(1).refine((b) => b === 1 || b === 2 || b === 4, { message: 'must be 1, 2 or 4' })
    .describe('activation bits per cycle B (conv mode): 1, 2 or 4'),
  maxPrecision: z.number().int().min(2).max(32).default(16).describe('largest precision P of weights and activations (port width)'),
  signed: z.boolean().default(false).describe('two\'s-complement operands: the MSB planes have negative weight'),
  mode: z.enum(['conv', 'fc']).default('conv').describe('conv: weights and activations bit-serial, ⌈Pa/B⌉·Pw cycles; fc: activations bit-parallel, Pw cycles'),
  stages: z.number().int().min(0).max(4).default(0)
    .describe('pipeline stages (0–4): acc a cycle behind inner, the tree sum, the lane terms, an input slice; each delays the result a cycle'),
});
export type SipParams = z.infer<typeof params>;

/** Width of the exact result: every dot product of L Pa×Pw products fits. */
export function resultWidth(p: SipParams): number {
  const P = BigInt(p.maxPrecision), L = BigInt(p.lanes);
  if (!p.signed) return (L * ((1n << P) - 1n) ** 2n).toString(2).length;
  return (L * (1n << (2n * P - 2n))).toString(2).length + 1; // the largest magnitude: (−2^(P−1))² per lane
}

/** Signed width of the serial accumulators (inner, acc): every Horner prefix of a dot of L lanes fits. */
export const accumulatorWidth = (p: SipParams) => Math.max(resultWidth(p), 2 * p.maxPrecision + std.clog2(p.lanes)) + 3;

/** Cycles of one step (the golden model and the metadata state the same). */
export function stepCycles(p: SipParams, pa: number, pw: number): number {
  return p.mode === 'fc' ? pw : Math.ceil(pa / p.bits) * pw;
}

