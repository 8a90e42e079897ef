// minifloat.mac: acc ← (clear ? 0 : acc) + a·b on every valid input (formats.md §6). The product word
// comes from minifloat.mul's datapath (`stages` registers). Kulisch: it is added into a two's-complement
// accumulator wide enough for n products of the largest magnitude; NaN and ±Inf products set sticky
// flags (+Inf and −Inf together make NaN) until the next clear, the word keeps the sum of the finite
// products. A float format: the accumulator is a code; the exact sum of its value and the product is
// rounded once per step (fused), specials by IEEE rules.

import { z } from 'zod';
import { Bool, defineModule, input, output, reg, std, UInt } from '../../../dsl/index.js';
import { kulischLsb, kulischWidth } from '../../../numerics/minifloat.js';
import { floatAccumulator } from '../float-acc.js';
import { ROUND_MODES } from '../round.js';
import { fixedOrRoundedParam, floatFormatOf, floatFormatParam } from '../format-param.js';
import { kulischAccumulator } from '../kulisch-acc.js';
import { mulFlags } from '../mul/generator.js';
import { autoArith, pipelinedProduct } from '../product.js';

export const params = z.object({
  a: floatFormatParam('e4m3', 'format of operand a (any eXmY)'),
  b: floatFormatParam('e4m3', 'format of operand b'),
  acc: fixedOrRoundedParam('kulisch', 'accumulator: kulisch (exact fixed point) or a float format (fused, rounded every step)'),
  round: z.enum(ROUND_MODES).default('rne').describe('rounding mode of a float accumulator'),
  n: z.number().int().min(1).max(1 << 24).default(1024).describe('accumulations without overflow'),
  stages: z.number().int().min(0).max(4).default(1).describe('pipeline registers in the product path'),
  arith: z.enum(['auto', 'gates', 'carry']).default('auto').describe('product sign and exponent sum as gates or carry chains'),
});
export type MacParams = z.infer<typeof params>;

export const macWidth = (p: MacParams) => (p.acc === 'kulisch' ? kulischWidth(floatFormatOf(p.a), floatFormatOf(p.b), p.n) : floatFormatOf(p.acc).width);
export const macLatency = (p: MacParams) => p.stages + 1;

export const minifloatMac = defineModule('minifloat_mac', (p: MacParams) => {
  const fa = floatFormatOf(p.a), fb = floatFormatOf(p.b);
  const W = macWidth(p), Wp = kulischWidth(fa, fb, 1);
  const inValid = input('in_valid', Bool);
  const clear = input('clear', Bool);
  const a = input('a', UInt(fa.width));
  const b = input('b', UInt(fb.width));
  const outValid = output('out_valid', Bool);
  const prod = pipelinedProduct(a, fa, b, fb, Wp, p.stages, p.arith === 'auto' ? autoArith(fa, fb) : p.arith);
  const valid = std.pipeValid(inValid, p.stages, 'valid');
  const clearP = std.pipe(clear, p.stages, 'clear');
  const done = reg('done', Bool, { init: 0 });
  done.set(valid);
  outValid.set(done);
  if (p.acc !== 'kulisch') {
    floatAccumulator(floatFormatOf(p.acc), p.round, { ...prod, value: prod.word, lsb: kulischLsb(fa, fb) }, valid, clearP);
    return;
  }
  kulischAccumulator(W, prod, mulFlags(p), valid, clearP);
});
