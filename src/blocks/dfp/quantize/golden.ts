// dfp.quantize's golden model: numerics/dfp.ts (the doc's rule, from the float32 bit patterns).

import type { Vector } from '../../../cosim/model.js';
import { dfpQuantize as quantize } from '../../../numerics/dfp.js';
import type { DfpQuantizeParams } from './params.js';

export function quantizeGolden(p: DfpQuantizeParams) {
  return (v: Vector): Vector => {
    const bits = Array.from({ length: p.block }, (_, i) => Number(v[`x${i}`] ?? 0n));
    const r = quantize(bits);
    return { exp: BigInt(r.exp), special: r.special ? 1n : 0n, ...Object.fromEntries(Array.from(r.values, (q, i) => [`q${i}`, BigInt(q)])) };
  };
}
