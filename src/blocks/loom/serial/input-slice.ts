// The serial units' input register slice (stages 4): the step offered is held a cycle before the
// sequencer takes it, so that the logic on the way in (the tile's precision detector) and the logic
// from the held step into the unit (activation extension, the group count) are timed apart. One
// entry: in_ready is up while it is empty or while the unit takes the held step.

import { Bool, lit, reg, when, type Expr } from '../../../dsl/index.js';

export interface InputSlice<T> {
  readonly valid: Expr; // a step is offered to the sequencer
  readonly fields: T; // ... with these operands
  /** Wires the slice to the sequencer's in_ready; returns the unit's in_ready. */
  connect(unitReady: Expr): Expr;
}

/** `fields`: the step's operands by name (registers slice_<name> hold them). */
export function inputSlice(on: boolean, inValid: Expr, fields: Record<string, Expr>): InputSlice<Record<string, Expr>> {
  if (!on) return { valid: inValid, fields, connect: (unitReady) => unitReady };
  const full = reg('slice_full', Bool, { init: 0 });
  const loads: Array<() => void> = [];
  const hold = (name: string, e: Expr) => { const r = reg(name, e.type); loads.push(() => r.set(e)); return r as Expr; };
  const held = Object.fromEntries(Object.entries(fields).map(([k, e]) => [k, hold(`slice_${k}`, e)]));
  return {
    valid: full, fields: held,
    connect(unitReady) {
      const ready = full.not().or(unitReady);
      when(full.and(unitReady), () => full.set(lit(0, Bool)));
      when(inValid.and(ready), () => { full.set(lit(1, Bool)); loads.forEach((l) => l()); });
      return ready;
    },
  };
}
