// The timing of the serial units as blocks.md §3 states it, shared by the golden cycle models of
// loom.sip and loom.tile: a step is taken while the unit is idle or in the last cycle of the running
// one; it runs `cycles` cycles; its results reach the output register a fixed pipeline latency after
// its last cycle (one cycle per datapath stage), are visible the cycle after and held until
// out_ready. When results arrive at an output register still holding ones not taken, the whole unit
// waits (with no stages: the last cycle waits). With input slices (stages 4, and 5 in the tile) a
// step offered is held a cycle in each first: a slice is ready while it is empty or passes its step
// on (to the next slice, or the unit), and in_ready is the first one's.
// Outputs are predicted every cycle; before the first reset they are undefined (null).

import type { Vector } from '../../../cosim/model.js';

export interface SerialStep<R> { readonly cycles: number; readonly results: R }

/** `take`: the step the inputs of a taking cycle start; `show`: the output ports for the results register. */
export function serialTimingModel<R>(stagesParam: number, take: (v: Vector) => SerialStep<R>, show: (results: R) => Vector, zero: R) {
  const stages = Math.min(stagesParam, 3), slices = Math.max(0, stagesParam - 3);
  let reset = false, busy = false, left = 0, outValid = false;
  let pending = zero, outData = zero;
  // Results on their way to the output register: inFlight[k] finished its last cycle k + 1 cycles ago.
  let inFlight: Array<R | null> = new Array<R | null>(stages).fill(null);
  let slots: Array<SerialStep<R> | null> = new Array<SerialStep<R> | null>(slices).fill(null); // the input slices, first to last
  return {
    step(v: Vector): Vector | null {
      const last = busy && left === 1;
      const arriving = stages === 0 ? (last ? pending : null) : inFlight[stages - 1]!;
      const go = !(outValid && v.out_ready !== 1n && arriving !== null);
      const unitReady = (!busy || last) && go;
      const readyIn: boolean[] = new Array<boolean>(slices);
      for (let k = slices - 1; k >= 0; k--) readyIn[k] = slots[k] === null || (k === slices - 1 ? unitReady : readyIn[k + 1]!);
      const inReady = slices ? readyIn[0]! : unitReady;
      const out = reset ? { in_ready: inReady ? 1n : 0n, out_valid: outValid ? 1n : 0n, ...show(outData) } : null;
      if (v.rst === 1n) {
        reset = true; busy = false; outValid = false; outData = zero; inFlight = inFlight.map(() => null); slots = slots.map(() => null);
        return out;
      }
      if (!reset) return out;
      if (outValid && v.out_ready === 1n) outValid = false;
      if (go) {
        if (arriving !== null) { outValid = true; outData = arriving; }
        if (stages > 0) inFlight = [last ? pending : null, ...inFlight.slice(0, stages - 1)];
        if (busy && !last) left--;
        else if (last) busy = false;
        const offer = slices ? slots[slices - 1]! : v.in_valid === 1n ? take(v) : null;
        if (offer && unitReady) {
          pending = offer.results;
          left = offer.cycles;
          busy = true;
        }
      }
      if (slices) {
        // From the last slice forwards: each passes its step on when the next is ready, then takes the one before's.
        const next = [...slots];
        for (let k = slices - 1; k >= 0; k--) {
          if (slots[k] !== null && (k === slices - 1 ? unitReady : readyIn[k + 1]!)) next[k] = null;
          const before = k === 0 ? (v.in_valid === 1n ? take(v) : null) : slots[k - 1]!;
          if (before !== null && readyIn[k]!) next[k] = before;
        }
        slots = next;
      }
      return out;
    },
  };
}
