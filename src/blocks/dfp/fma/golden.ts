// dfp.fma's golden model: a packet's beats → its partial sums, by numerics/dfp.ts (the doc's rule).

import type { Vector } from '../../../cosim/model.js';
import { dfpFmaPartials } from '../../../numerics/dfp.js';
import { EXP_BITS, IN_BITS, type DfpFmaParams } from './params.js';

const s16 = (x: bigint | undefined) => Number(BigInt.asIntN(IN_BITS, x ?? 0n));

export function fmaGolden(p: DfpFmaParams) {
  return (beats: Vector[]): Vector[] => {
    const ea = Number(BigInt.asIntN(EXP_BITS, beats[0]?.ea ?? 0n)), eb = Number(BigInt.asIntN(EXP_BITS, beats[0]?.eb ?? 0n));
    const pairs = beats.map((v) => [s16(v.a0), s16(v.b0), s16(v.a1), s16(v.b1)] as const);
    return dfpFmaPartials(pairs, ea, eb, p.accBits).map((x) => ({ partial: x.partial, exp: BigInt(x.exp), out_last: x.last ? 1n : 0n }));
  };
}
