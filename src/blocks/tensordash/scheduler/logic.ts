// The greedy rule as logic, shared by tensordash.scheduler and tensordash.pe. `avail[r·N + l]` is
// row t+r, lane l of the window (non-zero in A and not yet consumed). Lanes in priority order, each a
// priority pick over its candidates among what the lanes before it left; then the leading drained
// rows give the advance. The lane chain is combinational, as in the paper's scheduler.

import { Bool, lit, mux, std, UInt, type Expr } from '../../../dsl/index.js';
import { selectWidth, type Candidate } from '../candidates.js';

export interface SchedulerLogic {
  readonly picks: Expr[]; // per lane: it took a pair
  readonly sels: Expr[]; // per lane: the index of the candidate it took (0 when none)
  readonly left: Expr[]; // what is still available after the takes, as avail
  readonly advance: Expr; // leading drained rows, 0 … rows
}

export function greedySchedule(avail: readonly Expr[], N: number, rows: number, cands: readonly Candidate[], order: readonly number[]): SchedulerLogic {
  const sw = selectWidth(cands), aw = std.bitsFor(rows);
  const left = avail.slice();
  const picks: Expr[] = new Array(N), sels: Expr[] = new Array(N);
  for (const lane of order) {
    const positions = cands.map((c) => c.dt * N + ((((lane + c.dl) % N) + N) % N));
    const takes = positions.map((pos, k) => {
      const earlier = positions.slice(0, k).map((q) => left[q]!).reduce((a, b) => a.or(b), lit(0, Bool));
      return left[pos]!.and(earlier.not());
    });
    // Last candidate first, so the earliest available one ends up selected.
    let sel: Expr = lit(0, UInt(sw));
    for (let k = cands.length - 1; k >= 0; k--) sel = mux(takes[k]!, lit(k, UInt(sw)), sel);
    positions.forEach((pos, k) => { left[pos] = left[pos]!.and(takes[k]!.not()); });
    picks[lane] = takes.reduce((a, b) => a.or(b));
    sels[lane] = sel;
  }
  const drained = Array.from({ length: rows }, (_, r) => left.slice(r * N, (r + 1) * N).reduce((a, b) => a.or(b)).not());
  let advance: Expr = lit(rows, UInt(aw));
  for (let r = rows - 1; r >= 0; r--) advance = mux(drained[r]!, advance, lit(r, UInt(aw)));
  return { picks, sels, left, advance };
}
