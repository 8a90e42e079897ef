import { z } from 'zod';

export const params = z.object({
  lanes: z.number().int().min(1).max(32).default(8).describe('(index, activation) lanes per beat (L)'),
  n: z.number().int().min(1).max(1 << 20).default(4096).describe('activations per dot product the bins hold exactly'),
});
export type GoboPeParams = z.infer<typeof params>;

/** fp16 fixed point: LSB 2^−24, 10 + 2^5 bits with the sign. */
export const X_BITS = 42;
export const binBits = (p: GoboPeParams) => X_BITS + Math.ceil(Math.log2(p.n + 1));
/** The accumulator at LSB 2^−48: a bin times an 11-bit significand shifted by up to 29, 8 of them, and the outliers. */
export const accBits = (p: GoboPeParams) => binBits(p) + 11 + 29 + 4 + 1;
export const ACC_LSB = -48;
export const POST_CYCLES = 9;
