// tensordash.scheduler: the greedy rule (logic.ts) on an availability mask from outside. `avail` bit
// r·N + l is row t+r, lane l of the window (non-zero in A and not yet consumed).

import { Bool, cat, defineModule, input, output, std, UInt } from '../../../dsl/index.js';
import { candidatesOf, laneOrderOf, selectWidth } from '../candidates.js';
import { greedySchedule } from './logic.js';
import type { SchedulerParams } from './params.js';

export const tensordashScheduler = defineModule('tensordash_scheduler', (p: SchedulerParams) => {
  const N = p.lanes, rows = p.lookahead + 1, cands = candidatesOf(p);
  const avail = input('avail', UInt(rows * N));
  const picks = Array.from({ length: N }, (_, l) => output(`pick${l}`, Bool));
  const sels = Array.from({ length: N }, (_, l) => output(`sel${l}`, UInt(selectWidth(cands))));
  const leftOut = output('left', UInt(rows * N)), advance = output('advance', UInt(std.bitsFor(rows)));

  const s = greedySchedule(Array.from({ length: rows * N }, (_, i) => avail.bit(i)), N, rows, cands, laneOrderOf(p));
  s.picks.forEach((x, l) => picks[l]!.set(x));
  s.sels.forEach((x, l) => sels[l]!.set(x));
  leftOut.set(cat(...s.left.slice().reverse())); // bit 0 last: the LSB
  advance.set(s.advance);
});
