// tensordash.pe: the TensorDash processing element. Beats of H + 1 rows (`in_rows` of them valid,
// `in_last` on a stream's last beat) enter the staging buffer; each cycle the greedy scheduler picks,
// per multiplier lane, a non-zero pair of the window (rows t … t+H); the candidate muxes route it to
// the lane's multiplier; the window advances by its drained rows. The stream's exact Σ A·B comes out
// with out_valid/out_ready. `step`, `advance` and each lane's `pick`/`sel` show the schedule.
// Timing (golden.ts): a step runs when the window is full or the last beat is in; the result
// appears RESULT_LATENCY cycles after the final step.

import { Bool, defineModule, input, lit, mux, output, reg, SInt, std, UInt, when, wire } from '../../../dsl/index.js';
import { candidatesOf, laneOrderOf, selectWidth } from '../candidates.js';
import { candidateMux } from '../mux/logic.js';
import { greedySchedule } from '../scheduler/logic.js';
import { peDatapath } from './datapath.js';
import { beatRows, resultWidth, type PeParams } from './params.js';
import { stagingBuffer } from './staging.js';

export const tensordashPe = defineModule('tensordash_pe', (p: PeParams) => {
  const N = p.lanes, R = beatRows(p), W = resultWidth(p);
  const cands = candidatesOf(p), sw = selectWidth(cands), aw = std.bitsFor(R);
  const T = (w: number) => (p.signed ? SInt(w) : UInt(w));
  const inValid = input('in_valid', Bool), inLast = input('in_last', Bool), inRows = input('in_rows', UInt(aw));
  const beatA = Array.from({ length: R }, (_, r) => Array.from({ length: N }, (_, l) => input(`a${r}_${l}`, T(p.aBits))));
  const beatB = Array.from({ length: R }, (_, r) => Array.from({ length: N }, (_, l) => input(`b${r}_${l}`, T(p.bBits))));
  const outReady = input('out_ready', Bool);
  const inReady = output('in_ready', Bool), outValid = output('out_valid', Bool), result = output('result', T(W));
  const stepOut = output('step', Bool), advanceOut = output('advance', UInt(aw));
  const pickOut = Array.from({ length: N }, (_, l) => output(`pick${l}`, Bool));
  const selOut = Array.from({ length: N }, (_, l) => output(`sel${l}`, UInt(sw)));

  const buf = stagingBuffer({ N, R, aBits: p.aBits, bBits: p.bBits });
  const ending = reg('ending', Bool, { init: 0 }); // the stream's last beat is in
  // The datapath's inputs are wires, set once the control below has them.
  const routeA = Array.from({ length: N }, (_, l) => wire(`route_a${l}`, T(p.aBits)));
  const routeB = Array.from({ length: N }, (_, l) => wire(`route_b${l}`, T(p.bBits)));
  const finalToken = wire('final_token', Bool);
  const takes = Array.from({ length: N }, (_, l) => wire(`take${l}`, Bool));
  const dp = peDatapath(p, routeA.map((a, l) => ({ a, b: routeB[l]!, take: takes[l]! })), finalToken, outReady, W);

  // The schedule of the window.
  const s = greedySchedule(buf.avail.flat(), N, R, cands, laneOrderOf(p));
  const count = buf.count;
  const canStep = count.ge(R).or(ending.and(count.ne(0)));
  const final = ending.and(count.le(s.advance.zext(count.width)));
  // The final step's result needs the output register: free now or taken this cycle, nothing in flight.
  const slotFree = dp.inFlight.not().and(dp.outValid.not().or(outReady));
  const step = canStep.and(final.not().or(slotFree));
  const finishEmpty = ending.and(count.eq(0)).and(slotFree);
  finalToken.set(step.and(final).or(finishEmpty));
  const shift = mux(step, s.advance, lit(0, UInt(aw)));
  const rem = mux(count.gt(shift.zext(count.width)), count.subWrap(shift.zext(count.width)), lit(0, count.type));
  const ready = ending.not().and(rem.le(R));
  const accept = inValid.and(ready);
  // Rows past in_rows are zero rows of the stream, or past its end on the last beat.
  const rowsIn = 2 ** aw - 1 > R ? mux(inRows.gt(R), lit(R, UInt(aw)), inRows) : inRows; // clamped to R where the port can exceed it
  const added = mux(accept, mux(inLast, rowsIn, lit(R, UInt(aw))), lit(0, UInt(aw)));
  buf.update({
    step, shift, left: s.left, restart: finalToken, write: accept, rowsIn, nextCount: rem.addWrap(added.zext(count.width)),
    beatA: beatA.map((row) => row.map((x) => x.asUInt())), beatB: beatB.map((row) => row.map((x) => x.asUInt())),
  });
  when(accept.and(inLast), () => ending.set(lit(1, Bool))).elseWhen(finalToken, () => ending.set(lit(0, Bool)));

  // Route each lane's pick; a lane without one (or no step) gets A = 0 (datapath.ts holds its B).
  for (let l = 0; l < N; l++) {
    const took = step.and(s.picks[l]!);
    const a = candidateMux(buf.a, l, s.sels[l]!, cands), b = candidateMux(buf.b, l, s.sels[l]!, cands);
    routeA[l]!.set(mux(took, p.signed ? a.asSInt() : a, lit(0, T(p.aBits))));
    routeB[l]!.set(p.signed ? b.asSInt() : b);
    takes[l]!.set(took);
    pickOut[l]!.set(took);
    selOut[l]!.set(mux(took, s.sels[l]!, lit(0, UInt(sw))));
  }
  inReady.set(ready);
  stepOut.set(step);
  advanceOut.set(shift);
  outValid.set(dp.outValid);
  result.set(dp.result);
});
