// Golden cycle model of tensordash.pe, from blocks.md §4 and the PE's stream interface:
// - Rows enter H + 1 per beat and queue behind the window, the first H + 1 rows not yet advanced
//   past. Rows past `in_rows` (clamped to H + 1) are zero rows, except on the stream's last beat,
//   where they are past its end. A beat is taken while the stream's last beat is not in
//   and at most H + 1 rows remain after this cycle's advance (so a full window never waits).
// - A step (one greedy schedule step, schedule.ts) runs when the window is full, or when the last
//   beat is in and rows remain; it is the stream's final step when it drains them all, which waits
//   for the output register to be free and no earlier result in flight. A stream with no rows
//   finishes without a step.
// - The result is the exact Σ A·B of every row of the stream (computed here from the rows as they
//   enter, not from the schedule), wrapped to the result width, visible RESULT_LATENCY cycles after
//   the final step and held until out_ready.
// Every cycle the model predicts in_ready, out_valid, result, step, advance and each lane's pick and
// select; null before the first reset.

import { intValue, type Vector } from '../../../cosim/model.js';
import { candidatesOf, laneOrderOf } from '../candidates.js';
import { scheduleStep } from '../schedule.js';
import { beatRows, RESULT_LATENCY, resultWidth, type PeParams } from './params.js';

interface Row { readonly a: bigint[]; readonly b: bigint[]; avail: boolean[] }

export function peModel(p: PeParams) {
  const N = p.lanes, R = beatRows(p), W = resultWidth(p);
  const cands = candidatesOf(p), order = laneOrderOf(p);
  const wrap = (x: bigint) => intValue(x, W, p.signed);
  let reset = false, queue: Row[] = [], ending = false, sum = 0n;
  let inFlight: (bigint | null)[] = [], outValid = false, outData = 0n;
  const clear = () => {
    queue = []; ending = false; sum = 0n; outValid = false; outData = 0n;
    inFlight = new Array<bigint | null>(RESULT_LATENCY - 1).fill(null);
  };
  return {
    step(v: Vector): Vector | null {
      const count = queue.length;
      const window = Array.from({ length: R }, (_, r) => queue[r]?.avail ?? new Array<boolean>(N).fill(false));
      const s = scheduleStep(window, cands, order);
      const slotFree = inFlight.every((x) => x === null) && (!outValid || v.out_ready === 1n);
      const canStep = count >= R || (ending && count > 0);
      const final = ending && count <= s.advance;
      const step = canStep && (!final || slotFree);
      const finishEmpty = ending && count === 0 && slotFree;
      const rem = step ? Math.max(count - s.advance, 0) : count;
      const inReady = !ending && rem <= R;
      let out: Vector | null = null;
      if (reset) {
        out = { in_ready: inReady ? 1n : 0n, out_valid: outValid ? 1n : 0n, result: outData, step: step ? 1n : 0n, advance: BigInt(step ? s.advance : 0) };
        for (let l = 0; l < N; l++) {
          const took = step && s.sel[l]! >= 0;
          out[`pick${l}`] = took ? 1n : 0n;
          out[`sel${l}`] = took ? BigInt(s.sel[l]!) : 0n;
        }
      }
      if (v.rst === 1n) { reset = true; clear(); return out; }
      if (!reset) return out;

      // The clock edge.
      if (outValid && v.out_ready === 1n) outValid = false;
      const landing = inFlight[inFlight.length - 1];
      if (landing !== null && landing !== undefined) { outValid = true; outData = landing; }
      const issued = (step && final) || finishEmpty ? wrap(sum) : null;
      inFlight = [issued, ...inFlight.slice(0, -1)];
      if (issued !== null) { ending = false; sum = 0n; }
      if (step) {
        s.left.forEach((avail, r) => { if (queue[r]) queue[r]!.avail = avail; });
        queue = queue.slice(s.advance);
      }
      if (v.in_valid === 1n && inReady) {
        const rows = Math.min(Number(v.in_rows), R), last = v.in_last === 1n;
        for (let r = 0; r < (last ? rows : R); r++) {
          const zero = r >= rows; // a short beat's missing rows: zero rows of the stream
          const a = Array.from({ length: N }, (_, l) => (zero ? 0n : BigInt.asUintN(p.aBits, v[`a${r}_${l}`]!)));
          const b = Array.from({ length: N }, (_, l) => (zero ? 0n : BigInt.asUintN(p.bBits, v[`b${r}_${l}`]!)));
          for (let l = 0; l < N; l++) sum += intValue(a[l]!, p.aBits, p.signed) * intValue(b[l]!, p.bBits, p.signed);
          queue.push({ a, b, avail: a.map((x) => x !== 0n) });
        }
        if (last) ending = true;
      }
      return out;
    },
  };
}
