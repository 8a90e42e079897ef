// hadamard.transform's parameters: the block size, the input element (intB, or a float format whose
// outputs are rounded once into `output`), and the registers.

import { z } from 'zod';
import { FormatError, parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { floatFormatParam } from '../../minifloat/format-param.js';

const INT = /^int(\d+)$/;
const rounded = floatFormatParam('fp32', '', { rounded: true });

export const params = z.object({
  n: z.number().int().min(2).max(256).refine((n) => (n & (n - 1)) === 0, 'must be a power of two (2, 4, …, 256)').default(16).describe('block size N, a power of two'),
  in: z.string().default('int8').describe('element format of the inputs: intB (two\'s complement, exact integer outputs) or a float format (e4m3, e2m1, fp32, …)').superRefine((name, ctx) => {
    const int = INT.exec(name);
    if (int) {
      if (Number(int[1]) < 2 || Number(int[1]) > 32) ctx.addIssue({ code: 'custom', message: `'${name}': integer inputs are int2 … int32` });
      return;
    }
    try {
      const f = parseFormat(name);
      if (f.kind !== 'float' || !f.hasZero) ctx.addIssue({ code: 'custom', message: `'${name}': expected intB or a float format with a zero (e4m3, e2m1, bf16, fp32, …)` });
    } catch (e) {
      if (e instanceof FormatError) ctx.addIssue({ code: 'custom', message: e.message });
      else throw e;
    }
  }),
  output: z.string().default('').describe('format the outputs of float inputs are rounded into, once, RNE (default fp32); integer inputs give exact integers and take none'),
  inverse: z.boolean().default(false).describe('float inputs: the inverse rotation, factor 2^-floor(log2(N)/2) instead of 2^-ceil (formats.md §8: H·H = N·I)'),
  stages: z.number().int().min(0).max(9).default(1).describe('pipeline registers, spread over the butterfly levels (and the rounding, for float inputs); 0: combinational, no valid ports'),
}).superRefine((p, ctx) => {
  const isInt = INT.test(p.in);
  if (isInt && p.inverse) ctx.addIssue({ code: 'custom', path: ['inverse'], message: 'integer inputs give exact integer outputs without a factor: no inverse to take' });
  if (isInt && p.output !== '') ctx.addIssue({ code: 'custom', path: ['output'], message: `integer inputs give exact integer outputs (B + log2 N bits): no --output (got '${p.output}')` });
  if (!isInt && p.output !== '') {
    const r = rounded.safeParse(p.output);
    if (!r.success) ctx.addIssue({ code: 'custom', path: ['output'], message: r.error.issues[0]!.message });
  }
  if (p.stages > levels(p)) ctx.addIssue({ code: 'custom', path: ['stages'], message: `at most ${levels(p)} (one register per butterfly level${isInt ? '' : ', and one after the rounding'})` });
});
export type HadamardParams = z.infer<typeof params>;

export const isFloat = (p: Pick<HadamardParams, 'in'>) => !INT.test(p.in);
export const inputBits = (p: Pick<HadamardParams, 'in'>) => (isFloat(p) ? (parseFormat(p.in) as FloatFormat).width : Number(p.in.slice(3)));
export const outFormat = (p: Pick<HadamardParams, 'output'>) => (parseFormat(p.output || 'fp32') as FloatFormat);
/** Butterfly levels, and the rounding as one more for float inputs. */
export const levels = (p: Pick<HadamardParams, 'n' | 'in'>) => Math.log2(p.n) + (isFloat(p) ? 1 : 0);
/** Integer outputs: one bit per butterfly level. */
export const intOutputBits = (p: Pick<HadamardParams, 'n' | 'in'>) => inputBits(p) + Math.log2(p.n);
/** The transform's factor 2^−⌈log2(N)/2⌉ (formats.md §8), applied to float outputs only. */
export const factorLog2 = (p: Pick<HadamardParams, 'n' | 'inverse'>) => (p.inverse ? -Math.floor(Math.log2(p.n) / 2) : -Math.ceil(Math.log2(p.n) / 2));

/** The levels after which a register sits: `stages` of them, evenly spread, the last at the output. */
export function registerLevels(p: HadamardParams): Set<number> {
  const L = levels(p);
  return new Set(Array.from({ length: p.stages }, (_, k) => Math.ceil(((k + 1) * L) / p.stages)));
}
