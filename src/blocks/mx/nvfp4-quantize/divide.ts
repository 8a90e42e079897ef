// A restoring divider for the one float32 division per NVFP4 block (amax / (6 · S_t)): both
// significands normalized to [2^(W−1), 2^W), so the quotient is in (1/2, 2); `bits` quotient bits
// from weight 2^0 down, then the remainder's OR as a sticky bit below them.

import { cat, lit, mux, UInt, type Expr } from '../../../dsl/index.js';

export function divideSignificands(a: Expr, d: Expr, bits: number): Expr {
  const W = d.width;
  let r = a.zext(W + 1); // r < 2·d throughout
  const dd = d.zext(W + 1);
  const q: Expr[] = [];
  for (let j = 0; j < bits; j++) {
    const diff = r.zext(W + 2).subWrap(dd.zext(W + 2));
    const ge = diff.bit(W + 1).not();
    q.push(ge);
    const kept = mux(ge, diff.bits(W, 0), r);
    r = j + 1 < bits ? cat(kept.bits(W - 1, 0), lit(0, UInt(1))) : kept; // r < d after the step: W bits, then ×2
  }
  return cat(...q, r.orR());
}
