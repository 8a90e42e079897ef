// What every blockfmt unit shares: the block-scaled format (formats.md §8) as parameters, its checks,
// and the numerics' BlockFormat it means. Element names are the user's (`int4`, `e2m1`); the scale
// decides what an integer element is (blockElem).

import { z } from 'zod';
import { blockElem, SCALE_NAMES, type BlockFormat, type IntRange, type ScaleName } from '../../numerics/blockfmt.js';
import { FormatError, type Format } from '../../numerics/format.js';
import { elemMax } from '../../numerics/mx.js';

export const formatParams = {
  elem: z.string().default('e2m1').describe('element format: int3..int8, or a signed eXmY with subnormals (e2m1, e2m3, e3m2, e4m3, e5m2, …)'),
  block: z.number().int().min(1).max(256).default(32).describe('elements per block (k)'),
  scale: z.enum(SCALE_NAMES as [ScaleName, ...ScaleName[]]).default('e8m0').describe('block scale format: e8m0 (MX rules), ue4m3 or ue5m3 (NVFP4 rule)'),
  tensorScale: z.boolean().optional().describe('a float32 tensor scale input (ue scales only; on by default with them)'),
  intRange: z.enum(['symmetric', 'full']).default('symmetric').describe('integer elements: ±(2^(B−1) − 1), or down to −2^(B−1)'),
};

export interface FormatParams { elem: string; block: number; scale: ScaleName; tensorScale?: boolean | undefined; intRange: IntRange }

export const rotateParams = {
  rotate: z.enum(['none', 'hadamard']).default('none').describe('rotate each block by the Hadamard transform (formats.md §8): before quantizing, and back after dequantizing'),
  rotateStages: z.number().int().min(0).max(9).optional().describe('pipeline registers of the rotation (--rotate hadamard; default 1)'),
};

export interface RotateParams { rotate: 'none' | 'hadamard'; rotateStages?: number | undefined; block: number }

/** Why --fmax does not pipeline a rotated unit (pipelining takes one flat module). */
export const ROTATED_FMAX = '--rotate hadamard is two units (the transform and this one): place their registers with --rotate-stages and --stages';

export const rotateStagesOf = (p: RotateParams) => (p.rotate === 'hadamard' ? p.rotateStages ?? 1 : 0);

export function checkRotate(p: RotateParams, ctx: Ctx): void {
  if (p.rotate === 'none') {
    if (p.rotateStages !== undefined) ctx.addIssue({ code: 'custom', path: ['rotateStages'], message: 'rotation stages are for --rotate hadamard' });
    return;
  }
  if (p.block < 2 || (p.block & (p.block - 1)) !== 0) ctx.addIssue({ code: 'custom', path: ['block'], message: `--rotate hadamard needs a power-of-two block (2 … 256), not ${p.block}` });
  const levels = Math.log2(p.block) + 1; // butterflies and the rounding
  if ((p.rotateStages ?? 1) > levels) ctx.addIssue({ code: 'custom', path: ['rotateStages'], message: `at most ${levels} for a block of ${p.block} (one register per butterfly level and one after the rounding)` });
}

export const hasTensorScale = (p: FormatParams) => p.scale !== 'e8m0' && p.tensorScale !== false;

/** The element Format of the parameters (validated first). */
export const elemOf = (p: FormatParams, name = p.elem): Format => blockElem(name, p.scale, p.intRange);

export function blockFormatOf(p: FormatParams): BlockFormat {
  return { elem: elemOf(p), block: p.block, scale: p.scale, tensorScale: hasTensorScale(p) };
}

type Ctx = z.RefinementCtx;

/**
 * The element name is a format this family builds; `ueQuantizer`: the ue quantizer's thresholds need
 * at most 31 positive codes, no NaN or Inf, and emax_val ≥ 2.
 */
export function checkElem(p: FormatParams, ctx: Ctx, key: 'elem' | 'elemB', name: string, o: { ueQuantizer?: boolean; ueDot?: boolean } = {}): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  const int = /^int(\d+)$/.exec(name);
  if (int) {
    const B = Number(int[1]);
    if (B < 3 || B > 8) issue(`'${name}': integer elements are int3 … int8`);
    else if (o.ueQuantizer && p.scale !== 'e8m0' && B > 6) issue(`'${name}': the ${p.scale} quantizer compares against one threshold per element value, so integers up to int6`);
    return;
  }
  let f: Format;
  try { f = elemOf(p, name); } catch (e) {
    if (e instanceof FormatError) { issue(e.message); return; }
    throw e;
  }
  if (f.kind !== 'float' || !f.signed || !f.subnormals || !f.hasZero) { issue(`'${name}': elements are intB or signed minifloats with subnormals (e2m1, e4m3, any eXmY)`); return; }
  if (p.scale === 'e8m0') return;
  if ((o.ueQuantizer || o.ueDot) && f.specials !== 'finite') issue(`'${name}': with ${p.scale} scales the elements have no NaN or Inf (e2m1, e2m3, e3m2, any finite eXmY, intB)`);
  else if (o.ueQuantizer && f.width > 6) issue(`'${name}': the ${p.scale} quantizer compares against one threshold per element value, so elements have at most 6 bits (e2m1, e2m3, e3m2, int3…int6)`);
  else if (o.ueQuantizer && elemMax(f) < 2) issue(`'${name}': its largest value is below 2, so fl(S_b · S_t) could overflow; use an element reaching 2`);
}

/** Checks of the scale against the options that only some scales have. */
export function checkScale(p: FormatParams, ctx: Ctx): void {
  if (p.scale === 'e8m0' && p.tensorScale) ctx.addIssue({ code: 'custom', path: ['tensorScale'], message: 'an e8m0 scale has no tensor scale (formats.md §8: S_t belongs to the ue4m3/ue5m3 rule)' });
}
