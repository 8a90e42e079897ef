// Random cycles for the serial units' stimulus: operands offered for 1–4 cycles at a time (or nothing
// offered), whether or not the unit takes them; bursts of back-pressure; rare resets. Precisions
// mostly in 1…P, sometimes 0 or above P (the units clamp them).

import type { Vector } from '../../../cosim/model.js';
import { precisionWidth } from '../precision-range.js';

export type CycleOf<S> = (offer: S | null, o: { rst?: boolean; ready?: boolean }) => Vector;

export function randomCycles<S>(draw: (rng: () => number) => S, cycle: CycleOf<S>): (rng: () => number) => Vector {
  let offer: S | null = null, offerLeft = 0, stall = 0;
  return (rng) => {
    if (offerLeft-- <= 0) {
      offerLeft = Math.floor(rng() * 4);
      offer = rng() < 0.25 ? null : draw(rng);
    }
    if (stall > 0) stall--;
    else if (rng() < 0.02) stall = 1 + Math.floor(rng() * 40);
    return cycle(offer, { rst: rng() < 2e-4, ready: stall === 0 });
  };
}

/** A runtime precision for a P-bit unit: 1…P, and 3% of the time any value of the port. */
export function randomPrecision(rng: () => number, maxPrecision: number): number {
  const pmax = 2 ** precisionWidth(maxPrecision) - 1;
  return rng() < 0.03 ? Math.floor(rng() * (pmax + 1)) : 1 + Math.floor(rng() * maxPrecision);
}
