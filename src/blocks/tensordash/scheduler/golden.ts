// Golden model of tensordash.scheduler: one greedy step (schedule.ts) on the window's availability.
import type { Vector } from '../../../cosim/model.js';
import { candidatesOf, laneOrderOf } from '../candidates.js';
import { scheduleStep } from '../schedule.js';
import type { SchedulerParams } from './params.js';

export function schedulerGolden(p: SchedulerParams) {
  const N = p.lanes, rows = p.lookahead + 1, cands = candidatesOf(p), order = laneOrderOf(p);
  return (v: Vector): Vector => {
    const a = v.avail!;
    const avail = Array.from({ length: rows }, (_, r) => Array.from({ length: N }, (_, l) => ((a >> BigInt(r * N + l)) & 1n) === 1n));
    const s = scheduleStep(avail, cands, order);
    const out: Vector = { advance: BigInt(s.advance) };
    let left = 0n;
    s.left.forEach((row, r) => row.forEach((x, l) => { if (x) left |= 1n << BigInt(r * N + l); }));
    out.left = left;
    s.sel.forEach((k, l) => { out[`pick${l}`] = k >= 0 ? 1n : 0n; out[`sel${l}`] = BigInt(Math.max(k, 0)); });
    return out;
  };
}
