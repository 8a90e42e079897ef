import { z } from 'zod';
import { std } from '../../../dsl/index.js';
import { checkCandidates, checkLaneOrder, laneOrderField, windowFields } from '../candidates.js';

export const params = z.object({
  ...windowFields,
  laneOrder: laneOrderField,
  aBits: z.number().int().min(1).max(32).default(8).describe('width of operand A (the sparse one: its zeros are skipped)'),
  bBits: z.number().int().min(1).max(32).default(8).describe('width of operand B'),
  signed: z.boolean().default(true).describe('two\'s-complement operands (else unsigned)'),
  rows: z.number().int().min(1).max(1 << 24).default(4096).describe('rows per dot product without overflow (the accumulator wraps beyond)'),
  multiplier: z.enum(['booth', 'operator']).default('booth').describe('radix-4 Booth rows written out (for LUT fabrics), or `*` (left to synthesis, e.g. for DSP inference)'),
}).superRefine((p, ctx) => {
  checkCandidates(p, ctx);
  checkLaneOrder(p, ctx);
});
export type PeParams = z.infer<typeof params>;

/** Rows a beat carries: H + 1, the most a step can drain, so the window can advance at full speed. */
export const beatRows = (p: { lookahead: number }) => p.lookahead + 1;

/** The exact sum of N · rows products (formats.md §6's r_a + r_b + ⌈log2 n⌉ + 1); it wraps beyond. */
export const resultWidth = (p: PeParams) => p.aBits + p.bBits + std.clog2(p.lanes * p.rows) + 1;

/** Cycles from a stream's final step to its result at the output: pairs, products, accumulate. */
export const RESULT_LATENCY = 3;
