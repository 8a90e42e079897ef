// int.mac: acc ← (clear ? 0 : acc) + a·b on every valid input; the accumulator after the update
// comes out with out_valid. The product goes through `stages` pipeline registers (DSP-friendly), then
// the single-cycle accumulator loop. Accumulator width r_a + r_b + ⌈log2 N⌉ + 1 (formats.md §6):
// N accumulations never overflow; beyond that it wraps (two's complement).

import { z } from 'zod';
import { Bool, defineModule, input, lit, mux, output, reg, SInt, std, UInt, when } from '../../../dsl/index.js';
import { fabricOf, fabricParam } from '../../fabric-param.js';
import { multiplyOperands } from './booth.js';

export const params = z.object({
  aBits: z.number().int().min(1).max(32).default(8).describe('width of operand a'),
  bBits: z.number().int().min(1).max(32).default(8).describe('width of operand b'),
  signed: z.boolean().default(true).describe('two\'s-complement operands (else unsigned)'),
  n: z.number().int().min(1).max(1 << 20).default(1024).describe('accumulations without overflow'),
  stages: z.number().int().min(0).max(4).default(1).describe('pipeline registers after the multiplier'),
  multiplier: z.enum(['booth', 'operator']).default('booth').describe('radix-4 Booth rows written out (for LUT fabrics), or `*` (left to synthesis, e.g. for DSP inference)'),
  arith: z.enum(['heap', 'legacy']).default('heap').describe('Booth rows summed in a bit heap (carry chains on lut4, a counter tree on lut6; their negation bits as carry-ins), or the earlier adder tree with a correction row'),
  fabric: fabricParam(),
});
export type IntMacParams = z.infer<typeof params>;

export function accWidth(p: IntMacParams): number {
  return p.aBits + p.bBits + std.clog2(p.n) + 1;
}

export const intMacLatency = (p: IntMacParams) => p.stages + 1;

export const intMac = defineModule('int_mac', (p: IntMacParams) => {
  const T = (w: number) => (p.signed ? SInt(w) : UInt(w));
  const inValid = input('in_valid', Bool);
  const clear = input('clear', Bool);
  const a = input('a', T(p.aBits));
  const b = input('b', T(p.bBits));
  const outValid = output('out_valid', Bool);
  const accOut = output('acc', T(accWidth(p)));

  const fabric = fabricOf(p.fabric);
  const product = std.pipe(multiplyOperands(a, b, p.signed, p.multiplier, p.arith, fabric), p.stages, 'product');
  const valid = std.pipeValid(inValid, p.stages, 'valid');
  const clearP = std.pipe(clear, p.stages, 'clear');
  const acc = reg('acc', T(accWidth(p)), { init: 0 });
  const term = product.ext(accWidth(p));
  // clear: on LUT4 + carry the choice after the add shares the sum bit's LUT (its one free input);
  // on LUT6 + CARRY4 the sum is formed in the carry cell, and the zeroed operand fits the LUT before it.
  if (p.arith === 'heap' && fabric === 'lut4') when(valid, () => acc.set(mux(clearP, term, acc.addWrap(term))));
  else when(valid, () => acc.set(mux(clearP, lit(0, T(accWidth(p))), acc).addWrap(term)));
  const done = reg('done', Bool, { init: 0 });
  done.set(valid);
  outValid.set(done);
  accOut.set(acc);
});
