// Indexed selection as a binary tree of 2:1 muxes on the index bits, LSB first: what a LUT fabric
// maps best (a 4:1 per LUT6, MUXF7/F8 above). A chain of `idx == k` compares instead becomes a
// priority chain of one LUT per option and bit.

import { lit, mux, type Expr } from '../expr.js';

/** options[idx] (all of one type); indices past the list give `fill` (0 by default). */
export function select(idx: Expr, options: readonly Expr[], fill?: Expr): Expr {
  const zero = fill ?? lit(0, options[0]!.type);
  let level: Expr[] = Array.from({ length: 2 ** idx.width }, (_, k) => options[k] ?? zero);
  for (let b = 0; b < idx.width; b++) {
    const next: Expr[] = [];
    for (let k = 0; k < level.length; k += 2) {
      // Both halves the same (e.g. padding): no mux.
      next.push(level[k] === level[k + 1] ? level[k]! : mux(idx.bit(b), level[k + 1]!, level[k]!));
    }
    level = next;
  }
  return level[0]!;
}
