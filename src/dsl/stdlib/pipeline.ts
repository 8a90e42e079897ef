// Pipeline registers: delay a value by n cycles (no reset: datapath), and a valid bit (reset to 0).

import type { Expr } from '../expr.js';
import { reg } from '../module.js';

/** x delayed by `stages` registers, each loaded when `en` (if given) is 1. */
export function pipe(x: Expr, stages: number, name = 'pipe', en?: Expr): Expr {
  let v = x;
  for (let i = 0; i < stages; i++) {
    const r = reg(`${name}_s${i + 1}`, x.type, en ? { en } : {});
    r.set(v);
    v = r;
  }
  return v;
}

/** A valid bit delayed by `stages` registers that reset to 0. */
export function pipeValid(valid: Expr, stages: number, name = 'valid'): Expr {
  let v = valid;
  for (let i = 0; i < stages; i++) {
    const r = reg(`${name}_s${i + 1}`, valid.type, { init: 0 });
    r.set(v);
    v = r;
  }
  return v;
}
