// Golden model of examples.adder-tree: the exact sum of n signed inputs.
import type { Vector } from '../../../cosim/model.js';

export function adderTreeGolden(p: { n: number }, inputs: Vector): Vector {
  let sum = 0n;
  for (let i = 0; i < p.n; i++) sum += inputs[`x${i}`]!;
  return { sum };
}
