// tensordash.scheduler: the greedy rule as logic. `avail` bit r·N + l is row t+r, lane l of the
// window (non-zero in A and not yet consumed). Lanes in priority order, each a priority pick over its
// candidates among what the lanes before it left; then the leading drained rows give the advance.
// The lane chain is combinational, as in the paper's scheduler (N lanes of 8-way picks).

import { Bool, cat, defineModule, input, lit, mux, output, std, UInt, type Expr } from '../../../dsl/index.js';
import { candidatesOf, laneOrderOf, selectWidth } from '../candidates.js';
import type { SchedulerParams } from './params.js';

export const tensordashScheduler = defineModule('tensordash_scheduler', (p: SchedulerParams) => {
  const N = p.lanes, rows = p.lookahead + 1, cands = candidatesOf(p), order = laneOrderOf(p);
  const sw = selectWidth(cands), aw = std.bitsFor(rows);
  const avail = input('avail', UInt(rows * N));
  const picks = Array.from({ length: N }, (_, l) => output(`pick${l}`, Bool));
  const sels = Array.from({ length: N }, (_, l) => output(`sel${l}`, UInt(sw)));
  const leftOut = output('left', UInt(rows * N)), advance = output('advance', UInt(aw));

  const left: Expr[] = Array.from({ length: rows * N }, (_, i) => avail.bit(i));
  for (const lane of order) {
    let sel: Expr = lit(0, UInt(sw));
    // Last candidate first, so the earliest available one ends up selected.
    const positions = cands.map((c) => c.dt * N + ((((lane + c.dl) % N) + N) % N));
    const takes = positions.map((pos, k) => {
      const earlier = positions.slice(0, k).map((q) => left[q]!).reduce((a, b) => a.or(b), lit(0, Bool));
      return left[pos]!.and(earlier.not());
    });
    for (let k = cands.length - 1; k >= 0; k--) sel = mux(takes[k]!, lit(k, UInt(sw)), sel);
    const found = takes.reduce((a, b) => a.or(b));
    positions.forEach((pos, k) => { left[pos] = left[pos]!.and(takes[k]!.not()); });
    picks[lane]!.set(found);
    sels[lane]!.set(sel);
  }
  leftOut.set(cat(...left.slice().reverse())); // bit 0 last: the LSB
  // Leading drained rows, at most all of them.
  const drained = Array.from({ length: rows }, (_, r) => left.slice(r * N, (r + 1) * N).reduce((a, b) => a.or(b)).not());
  let adv: Expr = lit(rows, UInt(aw));
  for (let r = rows - 1; r >= 0; r--) adv = mux(drained[r]!, adv, lit(r, UInt(aw)));
  advance.set(adv);
});

