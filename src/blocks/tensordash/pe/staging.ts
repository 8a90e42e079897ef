// The PE's staging buffer: 2(H+1) row slots, the first H+1 of them the scheduler's window. Rows never
// wait in a FIFO with pointers: after a step that advances by `shift`, slot i takes slot i + shift,
// and the beat's rows fill in behind the rows that remain. Each slot holds a row of A, of B and one
// `avail` bit per lane (non-zero in A, not yet consumed); slots past the rows held have avail 0.

import { lit, mux, reg, std, UInt, type Expr, type Signal } from '../../../dsl/index.js';

export interface StagingShape {
  readonly N: number;
  readonly R: number; // rows per beat = window rows = H + 1
  readonly aBits: number;
  readonly bBits: number;
}

export interface Staging {
  readonly a: Signal[][]; // [slot][lane]
  readonly b: Signal[][];
  readonly avail: Signal[][];
  readonly count: Signal; // rows held, 0 … 2R
  /**
   * Wire the update: `shift` rows leave (0 when no step), `left` is the window's avail after this
   * cycle's takes (unchanged without a step), and the beat's first `rowsIn` rows enter behind the `rem` rows that remain.
   */
  update(o: { shift: Expr; left: readonly Expr[]; rem: Expr; rowsIn: Expr; beatA: readonly Expr[][]; beatB: readonly Expr[][] }): void;
}

/** options[k] when idx = k (null: never selected); 0 otherwise. */
function byIndex(idx: Expr, options: readonly (Expr | null)[], width: number): Expr {
  let out: Expr = lit(0, UInt(width));
  options.forEach((x, k) => { if (x) out = mux(idx.eq(k), x, out); });
  return out;
}

export function stagingBuffer(s: StagingShape): Staging {
  const C = 2 * s.R, N = s.N;
  const slots = (name: string, w: number, init?: number) =>
    Array.from({ length: C }, (_, i) => Array.from({ length: N }, (_, l) => reg(`${name}${i}_${l}`, UInt(w), init === undefined ? {} : { init })));
  const a = slots('buf_a', s.aBits), b = slots('buf_b', s.bBits), avail = slots('buf_avail', 1, 0);
  const count = reg('buf_count', UInt(std.bitsFor(C)), { init: 0 });

  const update: Staging['update'] = ({ shift, left, rem, rowsIn, beatA, beatB }) => {
    // What each slot holds after the step's takes, before the shift.
    const held = avail.map((row, i) => row.map((x, l) => (i < s.R ? left[i * N + l]! : x)));
    for (let i = 0; i < C; i++) {
      const fromOld = rem.gt(i);
      const shifts = Array.from({ length: s.R + 1 }, (_, k) => k);
      // The beat row that lands in slot i is i − rem, for rem in 0 … R.
      const beatRow = (k: number) => i - k;
      const beatHas = (k: number) => beatRow(k) >= 0 && beatRow(k) < s.R;
      for (let l = 0; l < N; l++) {
        const oldOf = (xs: readonly (readonly Expr[])[], w: number) => byIndex(shift, shifts.map((k) => (i + k < C ? xs[i + k]![l]! : null)), w);
        const newOf = (xs: readonly (readonly Expr[])[], w: number) => byIndex(rem, shifts.map((k) => (beatHas(k) ? xs[beatRow(k)]![l]! : null)), w);
        a[i]![l]!.set(mux(fromOld, oldOf(a, s.aBits), newOf(beatA, s.aBits)));
        b[i]![l]!.set(mux(fromOld, oldOf(b, s.bBits), newOf(beatB, s.bBits)));
        // A beat row enters available where A is non-zero; slots past the rows held are empty.
        const enters = byIndex(rem, shifts.map((k) => (beatHas(k) ? rowsIn.gt(beatRow(k)).and(beatA[beatRow(k)]![l]!.orR()) : null)), 1);
        avail[i]![l]!.set(mux(fromOld, oldOf(held, 1), enters));
      }
    }
    count.set(rem.ext(count.width).addWrap(rowsIn.ext(count.width)));
  };
  return { a, b, avail, count, update };
}
