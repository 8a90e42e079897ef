// One lane's candidate mux, shared by tensordash.mux and tensordash.pe: the select picks candidate k,
// the entry at row dt_k, lane (l + dl_k) mod N of the window; a select beyond the set gives 0.

import { std, type Expr } from '../../../dsl/index.js';
import type { Candidate } from '../candidates.js';

export function candidateMux(xs: readonly (readonly Expr[])[], lane: number, sel: Expr, cands: readonly Candidate[]): Expr {
  const N = xs[0]!.length;
  return std.select(sel, cands.map((c) => xs[c.dt]![(((lane + c.dl) % N) + N) % N]!));
}
