// blockfmt.dot: two blocks of one block-scaled format → one float32, S_A · S_B (· S_tA · S_tB) ·
// Σ P_A,i · P_B,i exact, then one RNE rounding (formats.md §4 for any format of §8). e8m0: mx.dot's
// datapath; ue scales: mx.nvfp4-dot's, with the scale format and elements of the parameters.

import { z } from 'zod';
import { defineModule } from '../../../dsl/index.js';
import { scaleFormat } from '../../../numerics/blockfmt.js';
import { dotUnit } from '../../mx/dot/generator.js';
import { INT_MULTIPLIERS } from '../../mx/elem.js';
import { ueDot } from '../../mx/nvfp4-dot/generator.js';
import { checkElem, checkScale, elemOf, formatParams, hasTensorScale } from '../params.js';

export const params = z.object({
  ...formatParams,
  elemB: z.string().default('').describe('element format of B (default: the same as A)'),
  stages: z.number().int().min(0).max(4).default(1).describe('pipeline registers in the product path'),
  treeStages: z.number().int().min(0).max(1).default(1).describe('a register after the adder tree'),
  mulStages: z.number().int().min(0).max(1).optional().describe('ue scales: a register after the scaling multiply (default 1)'),
  intMultiplier: z.enum(INT_MULTIPLIERS).default('booth').describe('e8m0 int × int products: Booth rows in LUTs, or * (DSPs on xc7)'),
}).superRefine((p, ctx) => {
  checkElem(p, ctx, 'elem', p.elem, { ueDot: true });
  if (p.elemB) checkElem(p, ctx, 'elemB', p.elemB, { ueDot: true });
  checkScale(p, ctx);
  if (p.scale === 'e8m0' && p.mulStages !== undefined) ctx.addIssue({ code: 'custom', path: ['mulStages'], message: 'e8m0 scales add exponents: there is no scaling multiply to register' });
});
export type BlockDotParams = z.infer<typeof params>;

export const elemBName = (p: BlockDotParams) => p.elemB || p.elem;
export const mulStagesOf = (p: BlockDotParams) => (p.scale === 'e8m0' ? 0 : p.mulStages ?? 1);
export const blockDotLatency = (p: BlockDotParams) => p.stages + p.treeStages + mulStagesOf(p) + 1;

export const blockfmtDot = defineModule('blockfmt_dot', (p: BlockDotParams) => {
  const ea = elemOf(p), eb = elemOf(p, elemBName(p));
  if (p.scale === 'e8m0') {
    dotUnit({ elem: ea.name, elemB: eb.name, block: p.block, output: 'fp32', stages: p.stages, treeStages: p.treeStages, arith: 'auto', intMultiplier: p.intMultiplier, fabric: 'auto' });
    return;
  }
  ueDot({ elemA: ea, elemB: eb, scale: scaleFormat(p.scale), tensorScale: hasTensorScale(p), block: p.block, stages: p.stages, treeStages: p.treeStages, mulStages: mulStagesOf(p) });
});
