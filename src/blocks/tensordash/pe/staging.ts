// The PE's staging buffer: a ring of two banks of H + 1 row slots. A beat is written whole into the
// bank at the tail (a clock enable, no data mux); the window is the H + 1 rows from the head,
// read through one rotation mux per row; a step moves the head by its advance. Each slot holds a row
// of A, of B and one `avail` bit per lane (non-zero in A, not yet consumed); window rows past the
// rows held read as unavailable.

import { lit, mux, reg, std, UInt, when, type Expr, type Signal } from '../../../dsl/index.js';

export interface StagingShape {
  readonly N: number;
  readonly R: number; // rows per beat = window rows = H + 1
  readonly aBits: number;
  readonly bBits: number;
}

export interface Staging {
  /** The window, [row][lane]: rows head … head + R − 1 of the ring. */
  readonly a: Expr[][];
  readonly b: Expr[][];
  readonly avail: Expr[][]; // 0 past the rows held
  readonly count: Signal; // rows held from the head, 0 … 2R
  /**
   * Wire the update. `step`: the head moves by `shift` and the window's avail becomes `left`;
   * `restart`: the stream is over, the head goes back to slot 0; `write`: the beat goes into the bank
   * at the tail, its first `rowsIn` rows available where A is non-zero (the rest not); `count` becomes `nextCount`.
   */
  update(o: { step: Expr; shift: Expr; left: readonly Expr[]; restart: Expr; write: Expr; rowsIn: Expr; beatA: readonly Expr[][]; beatB: readonly Expr[][]; nextCount: Expr }): void;
}

export function stagingBuffer(s: StagingShape): Staging {
  const C = 2 * s.R, N = s.N, hw = std.clog2(C);
  const slots = (name: string, w: number, init?: number) =>
    Array.from({ length: C }, (_, i) => Array.from({ length: N }, (_, l) => reg(`${name}${i}_${l}`, UInt(w), init === undefined ? {} : { init })));
  const A = slots('buf_a', s.aBits), B = slots('buf_b', s.bBits), av = slots('buf_avail', 1, 0);
  const count = reg('buf_count', UInt(std.bitsFor(C)), { init: 0 });
  const head = reg('buf_head', UInt(hw), { init: 0 });

  const window = (xs: Signal[][]) =>
    Array.from({ length: s.R }, (_, r) => Array.from({ length: N }, (_, l) => std.select(head, Array.from({ length: C }, (_, h) => xs[(h + r) % C]![l]!))));
  const avail = window(av).map((row, r) => row.map((x) => x.and(count.gt(r))));

  const update: Staging['update'] = ({ step, shift, left, restart, write, rowsIn, beatA, beatB, nextCount }) => {
    // The tail is always a bank boundary while a stream is entering (every beat but the last adds R rows).
    const sum = head.zext(hw + 1).addWrap(count.zext(hw + 1));
    const tail = mux(sum.ge(C), sum.subWrap(C), sum).trunc(hw);
    for (let bank = 0; bank < 2; bank++) {
      const here = write.and(tail.eq(bank * s.R));
      for (let j = 0; j < s.R; j++) {
        const slot = bank * s.R + j;
        for (let l = 0; l < N; l++) {
          when(here, () => { A[slot]![l]!.set(beatA[j]![l]!); B[slot]![l]!.set(beatB[j]![l]!); });
          // The window row this slot is, if any: its avail after the step's takes.
          const asRow = Array.from({ length: s.R }, (_, r) => ({ r, at: head.eq((slot - r + C) % C) }));
          let next: Expr = av[slot]![l]!;
          for (const { r, at } of asRow) next = mux(step.and(at), left[r * N + l]!, next);
          av[slot]![l]!.set(mux(here, rowsIn.gt(j).and(beatA[j]![l]!.orR()), next));
        }
      }
    }
    const moved = head.zext(hw + 1).addWrap(shift.zext(hw + 1));
    when(restart, () => head.set(lit(0, UInt(hw))))
      .elseWhen(step, () => head.set(mux(moved.ge(C), moved.subWrap(C), moved).trunc(hw)));
    count.set(nextCount);
  };
  return { a: window(A), b: window(B), avail, count, update };
}
