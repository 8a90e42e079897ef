// The timing of the serial units as blocks.md §3 states it, shared by the golden cycle models of
// loom.sip and loom.tile: a step is taken while the unit is idle or in the last cycle of the running
// one; it runs `cycles` cycles; its results are visible the cycle after the last one and held until
// out_ready (the last cycle waits while an earlier result is not taken). Outputs are predicted every
// cycle; before the first reset they are undefined (null).

import type { Vector } from '../../../cosim/model.js';

export interface SerialStep<R> { readonly cycles: number; readonly results: R }

/** `take`: the step the inputs of a taking cycle start; `show`: the output ports for the results register. */
export function serialTimingModel<R>(take: (v: Vector) => SerialStep<R>, show: (results: R) => Vector, zero: R) {
  let reset = false, busy = false, left = 0, outValid = false;
  let pending = zero, outData = zero;
  return {
    step(v: Vector): Vector | null {
      const last = busy && left === 1, canFinish = !outValid || v.out_ready === 1n;
      const inReady = !busy || (last && canFinish);
      const out = reset ? { in_ready: inReady ? 1n : 0n, out_valid: outValid ? 1n : 0n, ...show(outData) } : null;
      if (v.rst === 1n) {
        reset = true; busy = false; outValid = false; outData = zero;
        return out;
      }
      if (!reset) return out;
      if (outValid && v.out_ready === 1n) outValid = false;
      if (busy && !last) left--;
      else if (last && canFinish) { outValid = true; outData = pending; busy = false; }
      if (v.in_valid === 1n && inReady) {
        const s = take(v);
        pending = s.results;
        left = s.cycles;
        busy = true;
      }
      return out;
    },
  };
}
