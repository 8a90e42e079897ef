import { z } from 'zod';

export const params = z.object({
  block: z.number().int().min(1).max(64).default(16).describe('float32 values sharing one exponent (B)'),
  stages: z.number().int().min(0).max(2).default(1).describe('pipeline registers: after the block maximum, then after the conversion'),
});
export type DfpQuantizeParams = z.infer<typeof params>;
