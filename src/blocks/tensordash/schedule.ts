// The greedy schedule of blocks.md §4, in TypeScript: the golden model of the scheduler (and later
// of the PE). Lanes in priority order each take the first candidate, in candidate order, that is
// available (non-zero in A, not consumed, not taken this cycle); the window then advances by the
// number of leading rows left with nothing available, at most H + 1.

import type { Candidate } from './candidates.js';

export interface Step {
  /** Per lane: the index of the candidate it took, or −1. */
  readonly sel: number[];
  /** What is still available after the takes, [row][lane]. */
  readonly left: boolean[][];
  readonly advance: number;
}

export function scheduleStep(avail: readonly (readonly boolean[])[], cands: readonly Candidate[], order: readonly number[]): Step {
  const N = avail[0]!.length;
  const left = avail.map((row) => row.slice());
  const sel = new Array<number>(N).fill(-1);
  for (const lane of order) {
    for (let k = 0; k < cands.length; k++) {
      const r = cands[k]!.dt, col = (((lane + cands[k]!.dl) % N) + N) % N;
      if (left[r]![col]) { sel[lane] = k; left[r]![col] = false; break; }
    }
  }
  let advance = 0;
  while (advance < left.length && left[advance]!.every((x) => !x)) advance++;
  return { sel, left, advance };
}

/**
 * A whole stream through the window: rows of A's non-zero mask (nonZero[row][lane]) enter the
 * window (rows t … t+H), one greedy step per cycle, the window advancing after each. Returns the
 * cycle count and, when asked, every step (for the PE's cycle model).
 */
export function scheduleStream(nonZero: readonly (readonly boolean[])[], N: number, H: number, cands: readonly Candidate[], order: readonly number[], keepSteps = false): { cycles: number; steps: Step[] } {
  const rows = nonZero.length, steps: Step[] = [];
  const row = (t: number) => (t < rows ? nonZero[t]!.slice() : new Array<boolean>(N).fill(false));
  let t = 0, cycles = 0;
  let window = Array.from({ length: H + 1 }, (_, r) => row(r));
  while (t < rows) {
    const s = scheduleStep(window, cands, order);
    if (keepSteps) steps.push(s);
    cycles++;
    t += s.advance;
    window = [...s.left.slice(s.advance), ...Array.from({ length: s.advance }, (_, k) => row(t + H + 1 - s.advance + k))];
  }
  return { cycles, steps };
}
