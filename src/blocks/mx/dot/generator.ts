// mx.dot: Dot(A, B) of two MX blocks (formats.md §4). k exact element products (minifloat.mul's
// datapath; INT8 elements as sign and magnitude), an exact bit-heap sum, then the block sum times
// 2^(sa + sb − 254) normalized and rounded once to float32 (or bf16) with RNE. Mixed element formats.
// Latency: `stages` in the products, `treeStages` after the tree, one register at the output.

import { z } from 'zod';
import { Bool, defineModule, input, output, std, UInt, type Expr } from '../../../dsl/index.js';
import type { Fabric } from '../../../dsl/stdlib/fabric.js';
import { fabricOf, fabricParam } from '../../fabric-param.js';
import { parseFormat } from '../../../numerics/format.js';
import { orAll, sumSpecials } from '../../minifloat/specials.js';
import { elemParam, elemProduct, INT_MULTIPLIERS } from '../elem.js';
import { roundBlockSum } from '../round-block-sum.js';

export const params = z.object({
  elem: elemParam('e4m3', 'element format of A (and of B unless --elem-b)'),
  elemB: elemParam('', 'element format of B (default: the same as A)', { optional: true }),
  block: z.number().int().min(1).max(256).default(32).describe('elements per block (k)'),
  output: z.enum(['fp32', 'bf16']).default('fp32').describe('result format (RNE)'),
  stages: z.number().int().min(0).max(4).default(1).describe('pipeline registers in the product path'),
  treeStages: z.number().int().min(0).max(1).default(1).describe('a register after the adder tree'),
  arith: z.enum(['auto', 'gates', 'carry', 'legacy']).default('auto').describe('product sign and exponent sum as gates or carry chains; legacy: also the earlier sum (two\'s-complement products, an adder tree Yosys folds into full adders)'),
  intMultiplier: z.enum(INT_MULTIPLIERS).default('booth').describe('int8 × int8 products: Booth rows in LUTs, or * (DSPs on xc7)'),
  fabric: fabricParam(),
});
export type DotParams = z.infer<typeof params>;

export const elemBOf = (p: { elem: string; elemB: string }) => p.elemB || p.elem;
export const dotLatency = (p: DotParams) => p.stages + p.treeStages + 1;

/**
 * The exact sum of the products (each word + carry) in a bit heap of carry chains: with wide shifted
 * words chains are the cheaper compressor on LUT6 too (e4m3, k = 32, on xc7: 4836 LUTs against 5664
 * as a 6:3 counter tree, at the same logic levels: the rounding after the tree sets them).
 */
export function productSum(prods: ReadonlyArray<{ word: Expr; carry?: Expr }>, fabric: Fabric | undefined): Expr {
  const heap = new std.BitHeap();
  for (const x of prods) {
    heap.addWord(x.word);
    if (x.carry) heap.addBit(x.carry);
  }
  return heap.sum(fabric ? { fabric } : {});
}

export const mxDot = defineModule('mx_dot', (p: DotParams) => dotUnit(p));

/** The dot unit's ports and datapath in the module being built (blockfmt.dot's e8m0 case too). */
export function dotUnit(p: Omit<DotParams, 'elem' | 'elemB'> & { elem: string; elemB: string }): void {
  const fa = parseFormat(p.elem), fb = parseFormat(elemBOf(p)), fo = parseFormat(p.output);
  if (fo.kind !== 'float') throw new Error('unreachable: output is a float format');
  const inValid = input('in_valid', Bool);
  const sa = input('sa', UInt(8)), sb = input('sb', UInt(8));
  const as = Array.from({ length: p.block }, (_, i) => input(`a${i}`, UInt(fa.width)));
  const bs = Array.from({ length: p.block }, (_, i) => input(`b${i}`, UInt(fb.width)));
  const outValid = output('out_valid', Bool), c = output('c', UInt(fo.width));

  // Negative products in ones' complement, their +1s carry-ins of the heap's chains (all but the
  // first product: the chains of 32 words have 31 carry-ins), taken after the shift so that the
  // XOR merges into its last level. A NaN or Inf product's word is left as it is: the flags decide
  // the result then (e4m3, k = 32: 6413 → 5946 LUTs on iCE40, 4836 → 4587 on xc7 without DSPs).
  const legacy = p.arith === 'legacy';
  const fabric = fabricOf(p.fabric);
  const prods = as.map((a, i) => elemProduct(a, fa, bs[i]!, fb, p.stages, p.arith === 'legacy' ? 'auto' : p.arith, p.intMultiplier,
    legacy ? {} : { negation: i === 0 ? 'twos' : 'ones-shifted', specialWord: 'any', oneStageAfter: fabric === 'lut4' ? 'aligned' : 'product', subnormalCarryIn: true }));
  const sum = std.pipe(legacy ? std.adderTree(prods.map((x) => x.word), { legacy }) : productSum(prods, fabric), p.treeStages, 'tree'); // exact
  const lat = p.stages + p.treeStages;
  const sp = sumSpecials(prods);
  const t = (x: ReturnType<typeof orAll>, name: string) => (x ? std.pipe(x, p.treeStages, name) : undefined);
  const scaleNan = sa.andR().or(sb.andR()); // e8m0 NaN scale
  const nan = orAll([t(sp.nan, 'nan_t'), std.pipe(scaleNan, lat, 'scale_nan')]);
  const sas = std.pipe(sa, lat, 'sa_d'), sbs = std.pipe(sb, lat, 'sb_d');

  // On LUT4 the rounding's two shifts as one funnel (k = 32, e4m3: its rounding 700 → 479 LUTs on
  // iCE40, 23 → 20 logic levels); on LUT6 that would cost levels (18 → 21 for the rounding alone).
  const code = roundBlockSum(sum, prods[0]!.lsb, sas.add(sbs), { nan, pinf: t(sp.pinf, 'pinf_t'), ninf: t(sp.ninf, 'ninf_t') }, fo, !legacy && fabric === 'lut4');
  c.set(std.pipe(code, 1, 'c_q'));
  outValid.set(std.pipeValid(inValid, lat + 1, 'valid'));
}
