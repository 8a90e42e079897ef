import { z } from 'zod';

export const params = z.object({
  accBits: z.number().int().min(32).max(64).default(32).describe('accumulator width (the paper\'s INT32: 32)'),
});
export type DfpFmaParams = z.infer<typeof params>;

export const IN_BITS = 16;
export const EXP_BITS = 9; // a DFP16 tensor's shared exponent (dfp.quantize's exp)
