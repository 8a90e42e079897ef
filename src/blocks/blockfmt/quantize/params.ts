// Parameters of blockfmt.quantize: the format, then the options of the e8m0 (MX) quantizer and the
// on-chip random source of stochastic rounding.

import { z } from 'zod';
import { SCALE_RULES } from '../../../numerics/mx.js';
import { MX_ROUND_MODES } from '../../mx/quantize/params.js';
import { checkElem, checkRotate, checkScale, formatParams, rotateParams } from '../params.js';

export const params = z.object({
  ...formatParams,
  scaleRule: z.enum(SCALE_RULES).optional().describe('e8m0 shared exponent rule (formats.md §3; default floor)'),
  round: z.enum(MX_ROUND_MODES).default('rne').describe('element rounding (ue scales: rne)'),
  randomBits: z.number().int().min(1).max(16).default(8).describe('random bits per element for stochastic rounding'),
  rng: z.enum(['ports', 'lfsr']).default('ports').describe('stochastic rounding bits: inputs rnd<i>, or per-lane LFSRs on chip (formats.md §8)'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('LFSR seed (--rng lfsr; default 1)'),
  lfsrLanes: z.number().int().min(1).max(256).optional().describe('LFSR lanes L (--rng lfsr; a lane serves elements l, l + L, …; default k)'),
  input: z.enum(['fp32', 'bf16']).default('fp32').describe('input format (bf16: e8m0 scales)'),
  stages: z.number().int().min(0).max(3).default(2).describe('pipeline registers'),
  ...rotateParams,
}).superRefine((p, ctx) => {
  const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  checkElem(p, ctx, 'elem', p.elem, { ueQuantizer: true });
  checkScale(p, ctx);
  checkRotate(p, ctx);
  if (p.rotate === 'hadamard' && p.input !== 'fp32') issue('input', 'the Hadamard rotation takes fp32 inputs');
  if (p.scale !== 'e8m0') {
    if (p.scaleRule !== undefined) issue('scaleRule', `${p.scale} scales follow the NVFP4 rule (formats.md §8); scale rules are for e8m0`);
    if (p.round !== 'rne') issue('round', `${p.scale} scales round elements RNE (formats.md §8); other roundings are for e8m0 scales`);
    if (p.input !== 'fp32') issue('input', `the ${p.scale} quantizer takes fp32 inputs (the float32 order of formats.md §8)`);
  }
  if (p.rng === 'lfsr') {
    if (p.round !== 'stochastic') issue('rng', 'the LFSR feeds stochastic rounding: add --round stochastic');
    if (p.stages === 0) issue('rng', 'the LFSR steps once per block on in_valid: give --stages 1 or more');
    if (p.lfsrLanes !== undefined && p.lfsrLanes > p.block) issue('lfsrLanes', `${p.lfsrLanes} lanes for a block of ${p.block}: at most one lane per element`);
  } else {
    if (p.seed !== undefined) issue('seed', 'a seed is for the LFSR: add --rng lfsr');
    if (p.lfsrLanes !== undefined) issue('lfsrLanes', 'LFSR lanes are for --rng lfsr');
  }
});
export type BlockQuantizeParams = z.infer<typeof params>;

export const lfsrLanesOf = (p: BlockQuantizeParams) => p.lfsrLanes ?? p.block;
export const seedOf = (p: BlockQuantizeParams) => p.seed ?? 1;
