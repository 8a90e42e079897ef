// The parallel MX quantizer: all k inputs at once. Exponent (or amax) max tree → shared exponent,
// subtract and clamp → per element the exponent difference, a short normalize/denormalize shift,
// round and saturate (element.ts). Registers (`stages`): 1 at the outputs, 2 also after the scale,
// 3 also after the max tree.

import { Bool, input, output, pipelineValid, std, UInt, type Expr } from '../../../dsl/index.js';
import { parseFormat } from '../../../numerics/format.js';
import { elementCode, inputFields, scaleOutput } from './element.js';
import { inputWidth, type QuantizeParams } from './params.js';
import { blockExponent, scaleCode } from './scale.js';

/** `random`: the stochastic rounding bits from an on-chip source, given in_valid (instead of rnd<i> ports). */
export function parallelQuantizer(p: QuantizeParams, random?: (inValid: Expr | undefined) => Expr[]): void {
  const elem = parseFormat(p.elem);
  const S = p.stages;
  const inValid = pipelineValid(S);
  const vs = Array.from({ length: p.block }, (_, i) => input(`v${i}`, UInt(inputWidth(p))));
  const rnds = p.round !== 'stochastic' ? [] : random ? random(inValid) : Array.from({ length: p.block }, (_, i) => input(`rnd${i}`, UInt(p.randomBits)));
  const scaleOut = output('scale', UInt(8));
  const codesOut = Array.from({ length: p.block }, (_, i) => output(`p${i}`, UInt(elem.width)));
  const nanOut = output('nan_block', Bool);

  const treeStage = S >= 3, scaleStage = S >= 2 ? 1 : 0, outStage = S >= 1 ? 1 : 0;
  const xs = vs.map(inputFields);
  const blk = blockExponent(xs, elem, p.scaleRule, treeStage);
  const special = std.pipe(xs.map((x) => x.e.andR()).reduce((a, b) => a.or(b)), treeStage ? 1 : 0, 'special_tree');
  const nanBlock = std.pipe(special, scaleStage, 'nan_block_s');
  const zeroBlock = std.pipe(blk.zero, scaleStage, 'zero_block_s');
  const sc = std.pipe(scaleCode(blk, elem), scaleStage, 'scale_s');
  // Inputs wait beside the tree and the scale.
  const late = (x: Expr, name: string) => std.pipe(x, (treeStage ? 1 : 0) + scaleStage, name);

  const codes = vs.map((v, i) => elementCode(late(v, `v${i}_d`), sc, nanBlock, elem, p, rnds.length ? late(rnds[i]!, `rnd${i}_d`) : undefined));
  scaleOut.set(std.pipe(scaleOutput(sc, nanBlock, zeroBlock), outStage, 'scale_q'));
  nanOut.set(std.pipe(nanBlock, outStage, 'nan_q'));
  codes.forEach((c, i) => codesOut[i]!.set(std.pipe(c, outStage, `p${i}_q`)));
}
