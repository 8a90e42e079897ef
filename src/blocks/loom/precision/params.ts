import { z } from 'zod';

export const params = z.object({
  group: z.number().int().min(1).max(256).default(16).describe('values per group G'),
  width: z.number().int().min(1).max(32).default(16).describe('bits per value W'),
  signed: z.boolean().default(false).describe('two\'s-complement values: negatives folded with NOT, one sign bit added'),
  trailing: z.boolean().default(false).describe('also trim trailing zeros: P = msb − lsb + 1 and the lsb as an output'),
});
export type PrecisionParams = z.infer<typeof params>;
