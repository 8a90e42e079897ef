// The tensordash.pe golden model driven as a testbench would drive the RTL, for the tests of both
// tiers: the exact dot product of a stream, its golden schedule's steps, and a back-to-back run.

import { candidatesOf, laneOrderOf } from '../../src/blocks/tensordash/candidates.js';
import { peModel } from '../../src/blocks/tensordash/pe/golden.js';
import { resultWidth, type PeParams } from '../../src/blocks/tensordash/pe/params.js';
import { BeatDriver, beatsOf, type PeRow } from '../../src/blocks/tensordash/pe/streams.js';
import { scheduleStream } from '../../src/blocks/tensordash/schedule.js';
import { intValue, type Vector } from '../../src/cosim/model.js';

export const exactDot = (p: PeParams, rows: readonly PeRow[]) => {
  let s = 0n;
  for (const r of rows) for (let l = 0; l < p.lanes; l++) s += intValue(r.a[l]!, p.aBits, p.signed) * intValue(r.b[l]!, p.bBits, p.signed);
  return intValue(s, resultWidth(p), p.signed);
};
export const scheduled = (p: PeParams, rows: readonly PeRow[]) =>
  scheduleStream(rows.map((r) => r.a.map((x) => x !== 0n)), p.lanes, p.lookahead, candidatesOf(p), laneOrderOf(p)).cycles;

/** Streams back to back, input always valid and results always taken: cycles, steps and results as the model gives them. */
export function runModel(p: PeParams, streams: readonly PeRow[][], o: { gap?: number; stall?: number; rng: () => number }) {
  const driver = new BeatDriver(p, { gap: o.gap ?? 0, stall: o.stall ?? 0 }), model = peModel(p), rng = o.rng;
  const cycles: Vector[] = [driver.reset()];
  model.step(cycles[0]!);
  for (const s of streams) driver.push(beatsOf(p, s));
  const results: bigint[] = [];
  let stepsNow = 0;
  while (results.length < streams.length && cycles.length < 1e6) {
    const v = driver.next(rng);
    cycles.push(v);
    const out = model.step(v)!;
    if (out.step === 1n) stepsNow++;
    if (out.out_valid === 1n && v.out_ready === 1n) results.push(out.result!);
  }
  return { cycles, results, totalSteps: stepsNow };
}

/** The PE shapes both tiers cosimulate besides the default (16 lanes, H = 2). */
export const PE_CONFIGS: ReadonlyArray<Record<string, unknown>> = [
  { lanes: 16, lookahead: 2, signed: false },
  { lanes: 8, lookahead: 1 },
  { lanes: 4, lookahead: 3, aBits: 4, bBits: 12 },
  { lanes: 16, lookahead: 0, candidates: '0:0' }, // a dense PE: one row per step
  { lanes: 1, lookahead: 2 },
  { lanes: 5, lookahead: 2, candidates: '0:0,2:1,1:0,1:-2', laneOrder: '4,2,0,1,3' },
  { lanes: 4, lookahead: 2, rows: 1, multiplier: 'operator' }, // the accumulator wraps on the extreme streams
  { lanes: 16, lookahead: 2, aBits: 3, bBits: 2, signed: false },
];
