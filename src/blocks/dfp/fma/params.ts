import { z } from 'zod';

export const params = z.object({
  accBits: z.number().int().min(32).max(64).default(32).describe('accumulator width (the paper\'s INT32: 32)'),
  multiplier: z.enum(['booth', 'operator']).default('booth').describe('radix-4 Booth rows written out (LUT fabrics), or `*` (left to synthesis, e.g. for DSP inference)'),
});
export type DfpFmaParams = z.infer<typeof params>;

export const IN_BITS = 16;
export const EXP_BITS = 9; // a DFP16 tensor's shared exponent (dfp.quantize's exp)
