// Golden model of examples.adder-tree: the exact sum of n signed inputs.
import type { RowGolden, Vector } from '../../../cosim/model.js';
import type { RowLayout } from '../../../cosim/rows.js';

export function adderTreeGolden(p: { n: number }) {
  return (inputs: Vector): Vector => {
    let sum = 0n;
    for (let i = 0; i < p.n; i++) sum += inputs[`x${i}`]!;
    return { sum };
  };
}

/** The same on rows, for sums that fit in 32 bits: one word per input, one word out. */
export function adderTreeGoldenRows(p: { n: number; width: number }, ins: RowLayout, outs: RowLayout): RowGolden | undefined {
  const sumWidth = outs.ports[0]!.width;
  if (sumWidth > 32 || ins.words !== p.n) return undefined;
  const sh = 32 - p.width, wrap = 2 ** sumWidth;
  return (inRows, count, outRows) => {
    for (let i = 0, k = 0; i < count; i++) {
      let sum = 0;
      for (let j = 0; j < p.n; j++, k++) sum += (inRows[k]! << sh) >> sh; // sign-extend
      outRows[i] = sum < 0 ? sum + wrap : sum;
    }
  };
}
