// Parameters of mx.quantize. `lanes` below `block` turns the parallel quantizer into a lane stream.

import { z } from 'zod';
import { SCALE_RULES } from '../../../numerics/mx.js';
import { elemParam } from '../elem.js';

export const MX_ROUND_MODES = ['rne', 'rna', 'rtz', 'stochastic'] as const;

export const params = z.object({
  elem: elemParam('e4m3', 'element format: e5m2 e4m3 e3m2 e2m3 e2m1 int8 or any signed eXmY'),
  block: z.number().int().min(1).max(256).default(32).describe('elements per block (k)'),
  scaleRule: z.enum(SCALE_RULES).default('floor').describe('shared exponent rule (formats.md §3)'),
  round: z.enum(MX_ROUND_MODES).default('rne').describe('element rounding'),
  randomBits: z.number().int().min(1).max(16).default(8).describe('random bits per element for stochastic rounding (inputs rnd<i>)'),
  input: z.enum(['fp32', 'bf16']).default('fp32').describe('input format'),
  lanes: z.number().int().min(1).max(256).optional()
    .describe('elements per cycle L (a divisor of k): a valid/ready stream of k/L beats per block, one beat per cycle (default: all k at once)'),
  stages: z.number().int().min(0).max(3).default(2).describe('pipeline registers of the parallel quantizer (the lane stream has its own fixed pipeline)'),
}).superRefine((p, ctx) => {
  if (p.lanes === undefined) return;
  if (p.block % p.lanes !== 0) ctx.addIssue({ code: 'custom', path: ['lanes'], message: `${p.lanes} does not divide the block size ${p.block}` });
  else if (p.lanes < p.block && p.stages !== 2) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'the lane stream (--lanes below --block) has a fixed pipeline; leave --stages out' });
});
export type QuantizeParams = z.infer<typeof params>;

/** Beats per block: 1 for the parallel quantizer. */
export const beatsPerBlock = (p: QuantizeParams) => p.block / (p.lanes ?? p.block);

export const inputWidth = (p: QuantizeParams) => (p.input === 'fp32' ? 32 : 16);
