// Parameters shared by gecko.encoder and gecko.decoder (docs/training-accelerators.md, Gecko codec).

import { z } from 'zod';

export const WORD_BITS = 64;
export const BASE_BITS = 8;
export const WIDTH_BITS = 4;

export const params = z.object({
  input: z.enum(['fp32', 'bf16']).default('fp32').describe('value format'),
  mantissa: z.number().int().min(1).max(23).default(7).describe('mantissa bits kept (m), at most 7 for bf16'),
  group: z.number().int().min(2).max(64).default(16).describe('values per exponent group (G, a power of two)'),
}).superRefine((p, ctx) => {
  if (p.input === 'bf16' && p.mantissa > 7) ctx.addIssue({ code: 'custom', path: ['mantissa'], message: `${p.mantissa} bits: bf16 has 7` });
  if ((p.group & (p.group - 1)) !== 0) ctx.addIssue({ code: 'custom', path: ['group'], message: `${p.group} is not a power of two` });
});
export type GeckoParams = z.infer<typeof params>;

export interface GeckoFormat { readonly input: 'fp32' | 'bf16'; readonly mantissa: number; readonly group: number }

/** Mantissa bits of the value format. */
export const manBits = (f: GeckoFormat) => (f.input === 'fp32' ? 23 : 7);
export const valueBits = (f: GeckoFormat) => (f.input === 'fp32' ? 32 : 16);
/** log2 G: the last group's size − 1 field. */
export const sizeBits = (f: GeckoFormat) => Math.log2(f.group);
export const headerBits = (f: GeckoFormat, last: boolean) => BASE_BITS + WIDTH_BITS + 1 + (last ? sizeBits(f) : 0);
