// examples.adder-tree: n signed inputs summed exactly by a balanced tree, registered every `every`
// levels and at the output; in_valid travels beside the data.

import { z } from 'zod';
import { defineModule, input, output, pipelineValid, SInt, std } from '../../../dsl/index.js';

export const params = z.object({
  n: z.number().int().min(2).max(1024).default(8).describe('number of inputs'),
  width: z.number().int().min(1).max(64).default(16).describe('input width in bits (signed)'),
  every: z.number().int().min(0).max(16).default(1).describe('adder levels between pipeline registers (0: combinational, no valid ports)'),
});
type Params = z.infer<typeof params>;

/** Register stages: one per `every` levels, plus an output register if the last level is not one. */
export function adderTreeLatency(p: Params): number {
  if (p.every === 0) return 0;
  const levels = std.clog2(p.n);
  return Math.ceil(levels / p.every);
}

export const adderTree = defineModule('adder_tree', (p: Params) => {
  pipelineValid(adderTreeLatency(p));
  const xs = Array.from({ length: p.n }, (_, i) => input(`x${i}`, SInt(p.width)));
  const sum = output('sum', SInt(p.width + std.clog2(p.n)));

  const { sum: tree, stages } = std.adderTreeLevels(xs, { every: p.every, name: 'level' });
  const result = std.pipe(tree, adderTreeLatency(p) - stages, 'sum_reg');
  sum.set(result);
});
