// The PE's arithmetic after the scheduler: the routed pairs are registered, multiplied into product
// registers, summed by an adder tree and accumulated. A stream's final-step token travels beside
// them; when it reaches the accumulator the total goes to the result register and the accumulator
// starts over. A lane that took nothing gets A = 0 (B holds), so the accumulator adds every cycle
// without an enable.

import { Bool, lit, mux, reg, SInt, std, UInt, when, type Expr, type Signal } from '../../../dsl/index.js';
import { multiplyOperands } from '../../int/mac/booth.js';
import type { PeParams } from './params.js';

export interface Datapath {
  readonly inFlight: Expr; // a final token is in the pipeline (it will need the result register)
  readonly outValid: Signal;
  readonly result: Signal;
}

export function peDatapath(p: PeParams, pairs: readonly { a: Expr; b: Expr; take: Expr }[], finalToken: Expr, outReady: Expr, W: number): Datapath {
  const T = (w: number) => (p.signed ? SInt(w) : UInt(w));
  const products = pairs.map((x, l) => {
    const ra = reg(`pair_a${l}`, T(p.aBits), { init: 0 }), rb = reg(`pair_b${l}`, T(p.bBits), { init: 0 });
    ra.set(x.a); // zero when the lane took nothing
    when(x.take, () => rb.set(x.b)); // held otherwise: no toggling, and never a stale row's don't-care
    const prod = reg(`prod${l}`, T(p.aBits + p.bBits), { init: 0 });
    prod.set(multiplyOperands(ra, rb, p.signed, p.multiplier));
    return prod as Expr;
  });
  const fin1 = reg('final_s1', Bool, { init: 0 }), fin2 = reg('final_s2', Bool, { init: 0 });
  fin1.set(finalToken);
  fin2.set(fin1);

  const sum = std.adderTree(products).ext(W);
  const acc = reg('acc', T(W), { init: 0 });
  const total = acc.addWrap(sum);
  acc.set(mux(fin2, lit(0, T(W)), total));
  const outValid = reg('out_valid_q', Bool, { init: 0 }), result = reg('result_q', T(W), { init: 0 });
  when(fin2, () => { outValid.set(lit(1, Bool)); result.set(total); })
    .elseWhen(outReady, () => outValid.set(lit(0, Bool)));
  return { inFlight: fin1.or(fin2), outValid, result };
}
