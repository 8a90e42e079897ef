// mx.dot-general's parameters: the interface shared by the generator, the golden model and the CLI.
// No hardware here, and nothing the golden model checks.

import { z } from 'zod';
import { elemParam, INT_MULTIPLIERS } from '../elem.js';

export const params = z.object({
  elem: elemParam('e4m3', 'element format of A (and of B unless --elem-b)'),
  elemB: elemParam('', 'element format of B (default: the same as A)', { optional: true }),
  block: z.number().int().min(1).max(256).default(32).describe('elements per block (k)'),
  acc: z.enum(['exact', 'fp32']).default('exact').describe('accumulation: exact (Kulisch, one rounding) or fp32 (round per block, float32 adds)'),
  n: z.number().int().min(1).max(1 << 20).default(1024).describe('block pairs per dot product the exact accumulator holds without overflow'),
  output: z.enum(['fp32', 'bf16']).default('fp32').describe('result format (RNE)'),
  intMultiplier: z.enum(INT_MULTIPLIERS).default('booth').describe('int8 × int8 products: Booth rows in LUTs, or * (DSPs on xc7)'),
  stages: z.number().int().min(0).max(3).default(0)
    .describe('more register stages (0–3); exact: the rounding cut after the magnitude, then after the normalizing shift, then the aligned term before the accumulator; fp32: the rounded Dot before the float add'),
});
export type DotGeneralParams = z.infer<typeof params>;
