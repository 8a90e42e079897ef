import { z } from 'zod';

export const params = z.object({
  lanes: z.number().int().min(1).max(16).default(8).describe('bf16 pairs per group (L)'),
  accBits: z.number().int().min(16).max(64).default(32).describe('accumulator window width (W)'),
});
export type FprakerParams = z.infer<typeof params>;

/** Headroom above the largest term: 5 terms per lane and the accumulator, summed. */
export const headroom = (p: FprakerParams) => Math.ceil(Math.log2(5 * p.lanes + 1));
export const E_START = -300;
export const EXP_BITS = 10; // E ∈ [−300, 256]
export const CYCLE_BITS = 24;
