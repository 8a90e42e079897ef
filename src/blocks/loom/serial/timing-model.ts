// The timing of the serial units as blocks.md §3 states it, shared by the golden cycle models of
// loom.sip and loom.tile: a step is taken while the unit is idle or in the last cycle of the running
// one; it runs `cycles` cycles; its results reach the output register a fixed pipeline latency after
// its last cycle (one cycle per datapath stage), are visible the cycle after and held until
// out_ready. When results arrive at an output register still holding ones not taken, the whole unit
// waits (with no stages: the last cycle waits). With the input slice (stages 4) a step offered is
// held one cycle first: in_ready is up while the slice is empty or the unit takes what it holds.
// Outputs are predicted every cycle; before the first reset they are undefined (null).

import type { Vector } from '../../../cosim/model.js';

export interface SerialStep<R> { readonly cycles: number; readonly results: R }

/** `take`: the step the inputs of a taking cycle start; `show`: the output ports for the results register. */
export function serialTimingModel<R>(stagesParam: number, take: (v: Vector) => SerialStep<R>, show: (results: R) => Vector, zero: R) {
  const stages = Math.min(stagesParam, 3), sliced = stagesParam >= 4;
  let reset = false, busy = false, left = 0, outValid = false;
  let pending = zero, outData = zero;
  // Results on their way to the output register: inFlight[k] finished its last cycle k + 1 cycles ago.
  let inFlight: Array<R | null> = new Array<R | null>(stages).fill(null);
  let slot: SerialStep<R> | null = null; // the input slice
  return {
    step(v: Vector): Vector | null {
      const last = busy && left === 1;
      const arriving = stages === 0 ? (last ? pending : null) : inFlight[stages - 1]!;
      const go = !(outValid && v.out_ready !== 1n && arriving !== null);
      const unitReady = (!busy || last) && go;
      const inReady = sliced ? slot === null || unitReady : unitReady;
      const out = reset ? { in_ready: inReady ? 1n : 0n, out_valid: outValid ? 1n : 0n, ...show(outData) } : null;
      if (v.rst === 1n) {
        reset = true; busy = false; outValid = false; outData = zero; inFlight = inFlight.map(() => null); slot = null;
        return out;
      }
      if (!reset) return out;
      if (outValid && v.out_ready === 1n) outValid = false;
      if (go) {
        if (arriving !== null) { outValid = true; outData = arriving; }
        if (stages > 0) inFlight = [last ? pending : null, ...inFlight.slice(0, stages - 1)];
        if (busy && !last) left--;
        else if (last) busy = false;
        const offer = sliced ? slot : v.in_valid === 1n ? take(v) : null;
        if (offer && unitReady) {
          pending = offer.results;
          left = offer.cycles;
          busy = true;
          if (sliced) slot = null;
        }
      }
      if (sliced && v.in_valid === 1n && inReady) slot = take(v);
      return out;
    },
  };
}
