// The serial units' input register slices (stages 4 and, in the tile, 5): the step offered is held a
// cycle per slice before the sequencer takes it, so that the logic on the way in (the tile's
// precision detector, split over the slices) and the logic from the held step into the unit are
// timed apart. Each slice holds one step; a slice's ready is up while it is empty or the next one
// (the unit, for the last) takes what it holds.

import { Bool, lit, reg, when, type Expr, type Signal } from '../../../dsl/index.js';

type Fields = Record<string, Expr>;

export interface InputSlices {
  readonly valid: Expr; // a step is offered to the sequencer
  readonly fields: Fields; // ... with these operands
  /** Wires the slices to the sequencer's in_ready; returns the unit's in_ready. */
  connect(unitReady: Expr): Expr;
}

/**
 * `count` slices (registers slice<k>_<name>); `between[k]` maps what leaves slice k on its way into
 * slice k + 1 (the fields change there: the tile's folded OR becomes a precision).
 */
export function inputSlices(count: number, inValid: Expr, fields: Fields, between: ReadonlyArray<(f: Fields) => Fields> = []): InputSlices {
  if (count === 0) return { valid: inValid, fields, connect: (unitReady) => unitReady };
  const slices: Array<{ full: Signal; held: Fields; loads: Array<() => void> }> = [];
  let from = fields;
  for (let k = 0; k < count; k++) {
    if (k > 0) from = between[k - 1]?.(from) ?? from;
    const loads: Array<() => void> = [];
    const held = Object.fromEntries(Object.entries(from).map(([name, e]) => {
      const r = reg(count === 1 ? `slice_${name}` : `slice${k + 1}_${name}`, e.type);
      loads.push(() => r.set(e));
      return [name, r as Expr];
    }));
    slices.push({ full: reg(count === 1 ? 'slice_full' : `slice${k + 1}_full`, Bool, { init: 0 }), held, loads });
    from = held;
  }
  const last = slices[count - 1]!;
  return {
    valid: last.full, fields: last.held,
    connect(unitReady) {
      // Ready flows back from the unit: a slice can take a step while it is empty or passes its own on.
      const readyIn: Expr[] = new Array<Expr>(count);
      for (let k = count - 1; k >= 0; k--) readyIn[k] = slices[k]!.full.not().or(k === count - 1 ? unitReady : readyIn[k + 1]!);
      slices.forEach((s, k) => {
        const passes = s.full.and(k === count - 1 ? unitReady : readyIn[k + 1]!);
        const loads = (k === 0 ? inValid : slices[k - 1]!.full).and(readyIn[k]!);
        when(passes, () => s.full.set(lit(0, Bool)));
        when(loads, () => { s.full.set(lit(1, Bool)); s.loads.forEach((l) => l()); });
      });
      return readyIn[0]!;
    },
  };
}
