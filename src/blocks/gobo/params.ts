import { z } from 'zod';

export const params = z.object({
  lanes: z.number().int().min(1).max(64).default(8).describe('weights per index beat (L)'),
  output: z.enum(['fp32', 'fp16']).default('fp32').describe('value format (the dictionary and outliers are written in it)'),
});
export type GoboParams = z.infer<typeof params>;

export const KIND_INDEX = 0, KIND_PATCH = 1, KIND_CENTROID = 2;
export const valueBits = (p: GoboParams) => (p.output === 'fp32' ? 32 : 16);
/** `sel` names a lane (patch) or a centroid. */
export const selBits = (p: GoboParams) => Math.max(3, Math.ceil(Math.log2(p.lanes)));
