// A block's ports as lane-stream beats: beat j carries elements j·L … j·L + L − 1 as lanes 0 … L − 1
// (inputs v/rnd, outputs p), and every output beat repeats the scale and the NaN flag; `last` marks
// the final one.
import type { Vector } from '../../../cosim/model.js';

/** Splits a block's input (or output) vector into beats; `shared` ports go to every beat. */
export function toBeats(v: Vector, k: number, lanes: number, prefixes: readonly string[], shared: readonly string[] = []): Vector[] {
  return Array.from({ length: k / lanes }, (_, j) => {
    const beat: Vector = {};
    for (const s of shared) beat[s] = v[s]!;
    for (const pre of prefixes) {
      for (let i = 0; i < lanes; i++) {
        const x = v[`${pre}${j * lanes + i}`];
        if (x !== undefined) beat[`${pre}${i}`] = x;
      }
    }
    return beat;
  });
}

/** The block's input vector from its beats. */
export function fromBeats(beats: readonly Vector[], lanes: number, prefixes: readonly string[]): Vector {
  const v: Vector = {};
  beats.forEach((beat, j) => {
    for (const pre of prefixes) {
      for (let i = 0; i < lanes; i++) {
        const x = beat[`${pre}${i}`];
        if (x !== undefined) v[`${pre}${j * lanes + i}`] = x;
      }
    }
  });
  return v;
}
