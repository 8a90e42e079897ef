// One lane's candidate mux, shared by tensordash.mux and tensordash.pe: the select picks candidate k,
// the entry at row dt_k, lane (l + dl_k) mod N of the window; a select beyond the set gives 0.

import { lit, mux, UInt, type Expr } from '../../../dsl/index.js';
import type { Candidate } from '../candidates.js';

export function candidateMux(xs: readonly (readonly Expr[])[], lane: number, sel: Expr, cands: readonly Candidate[], width: number): Expr {
  const N = xs[0]!.length;
  let out: Expr = lit(0, UInt(width));
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    out = mux(sel.eq(lit(k, sel.type)), xs[c.dt]![(((lane + c.dl) % N) + N) % N]!, out);
  }
  return out;
}
