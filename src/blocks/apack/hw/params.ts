import { z } from 'zod';

const fields = {
  bits: z.number().int().min(2).max(16).default(8).describe('B: bits per value code'),
  symbols: z.number().int().min(1).max(256).default(16).describe('S: table entries the hardware holds (a table may use fewer)'),
  precision: z.number().int().min(1).max(15).default(10).describe('P: frequency count bits (the counts sum to 2^P)'),
};

function checkSymbols(p: { bits: number; symbols: number }, ctx: z.RefinementCtx) {
  if (p.symbols > 2 ** p.bits) ctx.addIssue({ code: 'custom', path: ['symbols'], message: `${p.symbols} symbols for ${2 ** p.bits} values: at most 2^bits` });
}

/** Parameters shared by apack.encoder and apack.decoder (blocks.md §5). W, the coder's register width, is the format's 32. */
export const coderParams = z.object(fields).superRefine(checkSymbols);

/** The decoder's: how the symbol is found. */
export const decoderParams = z.object({
  ...fields,
  search: z.enum(['multiply', 'divide']).default('multiply').describe('S parallel products r·cum_s compared with the code (DSPs on xc7), or one division code / r with P+1 quotient bits (far fewer LUTs, a longer path)'),
}).superRefine(checkSymbols);
export type DecoderParams = z.infer<typeof decoderParams>;

export type CoderParams = z.infer<typeof coderParams>;

/** Offset-stream bytes one value can complete: up to 7 bits wait in the packer, plus ol ≤ B. */
export const offsetBytesPerValue = (B: number) => Math.floor((7 + B) / 8);
