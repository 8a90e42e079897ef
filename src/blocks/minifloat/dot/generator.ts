// minifloat.dot: an L-lane dot product, the building block of an array: L exact products
// (minifloat.mul's datapath, `stages` registers), an exact adder tree, and an accumulator:
// acc ← (clear ? 0 : acc) + Σ a_i·b_i per valid input. Kulisch: sized for n such steps, NaN and ±Inf
// products set sticky flags as in minifloat.mac. A float format: the exact step sum is added to the
// accumulator's value and rounded once per step.

import { z } from 'zod';
import { Bool, defineModule, input, output, reg, std, UInt, type Expr } from '../../../dsl/index.js';
import { kulischLsb, kulischWidth } from '../../../numerics/minifloat.js';
import { floatAccumulator } from '../float-acc.js';
import { ROUND_MODES } from '../round.js';
import { sumSpecials } from '../specials.js';
import { fixedOrRoundedParam, floatFormatOf, floatFormatParam } from '../format-param.js';
import { kulischAccumulator } from '../kulisch-acc.js';
import { mulFlags } from '../mul/generator.js';
import { autoArith, pipelinedProduct } from '../product.js';

export const params = z.object({
  a: floatFormatParam('e4m3', 'format of the a operands'),
  b: floatFormatParam('e4m3', 'format of the b operands'),
  lanes: z.number().int().min(1).max(256).default(8).describe('products per step'),
  acc: fixedOrRoundedParam('kulisch', 'accumulator: kulisch (exact fixed point) or a float format (rounded once per step)'),
  round: z.enum(ROUND_MODES).default('rne').describe('rounding mode of a float accumulator'),
  n: z.number().int().min(1).max(1 << 24).default(1024).describe('steps (dot products of `lanes` terms) without overflow'),
  stages: z.number().int().min(0).max(4).default(1).describe('pipeline registers in the product path'),
  treeStages: z.number().int().min(0).max(1).default(0).describe('a register after the adder tree'),
  arith: z.enum(['auto', 'gates', 'carry']).default('auto').describe('product sign and exponent sum as gates or carry chains'),
});
export type DotParams = z.infer<typeof params>;

export const dotWidth = (p: DotParams) => (p.acc === 'kulisch' ? kulischWidth(floatFormatOf(p.a), floatFormatOf(p.b), p.n * p.lanes) : floatFormatOf(p.acc).width);
export const dotLatency = (p: DotParams) => p.stages + p.treeStages + 1;


export const minifloatDot = defineModule('minifloat_dot', (p: DotParams) => {
  const fa = floatFormatOf(p.a), fb = floatFormatOf(p.b);
  const W = dotWidth(p), Wp = kulischWidth(fa, fb, 1);
  const inValid = input('in_valid', Bool);
  const clear = input('clear', Bool);
  const as = Array.from({ length: p.lanes }, (_, i) => input(`a${i}`, UInt(fa.width)));
  const bs = Array.from({ length: p.lanes }, (_, i) => input(`b${i}`, UInt(fb.width)));
  const outValid = output('out_valid', Bool);
  const flags = mulFlags(p);

  const style = p.arith === 'auto' ? autoArith(fa, fb) : p.arith;
  const prods = as.map((a, i) => pipelinedProduct(a, fa, bs[i]!, fb, Wp, p.stages, style));
  const sum = std.pipe(std.adderTree(prods.map((x) => x.word)), p.treeStages, 'tree'); // exact: grows by ⌈log2 L⌉
  const lat = p.stages + p.treeStages;
  const valid = std.pipeValid(inValid, lat, 'valid');
  const clearP = std.pipe(clear, lat, 'clear');
  const done = reg('done', Bool, { init: 0 });
  done.set(valid);
  outValid.set(done);
  const t = (x: Expr | undefined, name: string) => (x ? std.pipe(x, p.treeStages, name) : undefined); // beside the tree register
  const sp = sumSpecials(prods);
  const nan = t(sp.nan, 'nan_t'), pinf = t(sp.pinf, 'pinf_t'), ninf = t(sp.ninf, 'ninf_t');
  if (p.acc !== 'kulisch') {
    floatAccumulator(floatFormatOf(p.acc), p.round, { value: sum, lsb: kulischLsb(fa, fb), nan, pinf, ninf, zeroNeg: t(sp.zeroNeg, 'zero_neg_t') }, valid, clearP);
    return;
  }
  kulischAccumulator(W, { word: sum, nan, pinf, ninf }, flags, valid, clearP);
});
