// Stimulus for tensordash.pe, cycle by cycle (streams.ts offers the beats under valid/ready):
// - directed: a reset, then streams back to back with input always valid and the result always
//   taken (so the steps are exactly scheduleStream's): dense, 50 % / 90 % / 100 % sparse, one lane
//   all zeros, all lanes but one zero, alternating zero rows, a diagonal, half the lanes zero, one
//   row, an empty stream, extreme operands; then the same under idle cycles and long out_ready stalls;
// - random: streams of 0 … ~200 rows (now and then ~1000) at sparsity 0 / 50 / 90 / 100 % or a
//   uniform draw, or an adversarial pattern; short beats mid-stream, an empty last beat, junk in the
//   rows past in_rows, in_rows above H + 1, idle cycles, stalls and rare resets.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { randomBits, seededRng } from '../../../cosim/model.js';
import { beatRows, RESULT_LATENCY, type PeParams } from './params.js';
import { BeatDriver, beatsOf, patternRows, type PeRow } from './streams.js';

type Pattern = (r: number, l: number) => boolean;

function patterns(p: PeParams, rng: () => number): Record<string, Pattern> {
  const N = p.lanes, lane = Math.floor(rng() * N);
  return {
    dense: () => true,
    half: () => rng() < 0.5,
    sparse90: () => rng() < 0.1,
    empty: () => false,
    oneLaneZero: (_, l) => l !== lane,
    oneLaneOnly: (_, l) => l === lane,
    alternating: (r) => r % 2 === 0,
    diagonal: (r, l) => l === r % N,
    halfLanes: (_, l) => l < N / 2,
    everyThird: (r) => r % 3 === 2,
  };
}

/** Operands at the extremes: the largest-magnitude products, to check the accumulator's width. */
function extremeRows(p: PeParams, n: number): PeRow[] {
  const most = (bits: number) => (p.signed ? -(1n << BigInt(bits - 1)) : (1n << BigInt(bits)) - 1n);
  return Array.from({ length: n }, () => ({ a: new Array<bigint>(p.lanes).fill(most(p.aBits)), b: new Array<bigint>(p.lanes).fill(most(p.bBits)) }));
}

const filler = (p: PeParams) => (rng: () => number, which: 'a' | 'b') => randomBits(rng, which === 'a' ? p.aBits : p.bBits, p.signed) | 1n;

export function peStimulus(p: PeParams): Stimulus {
  const R = beatRows(p);
  const directed: Vector[] = [];
  {
    const rng = seededRng(7); // fixed: the directed streams do not depend on the run's seed
    const run = (d: BeatDriver, streams: PeRow[][]) => {
      for (const rows of streams) d.push(beatsOf(p, rows));
      while (d.pending > 0) directed.push(d.next(rng));
      for (let c = 0; c < 2 * R + RESULT_LATENCY + 2; c++) directed.push(d.next(rng)); // drain: the last result comes out
    };
    const streams = () => {
      const pats = patterns(p, rng);
      const out = Object.values(pats).map((nz) => patternRows(p, rng, 6 * R + 1, nz));
      out.push(patternRows(p, rng, 1, () => true), [], extremeRows(p, Math.min(p.rows, 3 * R)), patternRows(p, rng, 40, pats.sparse90!));
      return out;
    };
    const eager = new BeatDriver(p, { filler: filler(p) });
    directed.push(eager.reset(), eager.reset());
    run(eager, streams());
    const slow = new BeatDriver(p, { gap: 0.3, stall: 0.3, filler: filler(p) });
    directed.push(slow.reset());
    run(slow, streams());
  }

  let driver: BeatDriver | undefined, owner: (() => number) | undefined;
  const randomStream = (rng: () => number): PeRow[] => {
    const u = rng();
    const n = u < 0.03 ? 0 : u < 0.1 ? 1 + Math.floor(rng() * 1000) : 1 + Math.floor(rng() * 200);
    const pats = patterns(p, rng), names = Object.keys(pats);
    const pick = rng();
    const density = [1, 0.5, 0.1, 0][Math.floor(rng() * 4)]!;
    const nz: Pattern = pick < 0.5 ? () => rng() < density : pick < 0.6 ? (() => { const d = rng(); return () => rng() < d; })() : pats[names[Math.floor(rng() * names.length)]!]!;
    return patternRows(p, rng, n, nz);
  };
  return {
    directed,
    spaceBits: 64, // a sequence: always random
    exhaustive: () => ({}),
    random: (rng) => {
      // The driver follows the DUT's state, so it must have seen the directed cycles first (a new
      // rng is a new run from the start).
      if (!driver || owner !== rng) {
        owner = rng;
        driver = new BeatDriver(p, { gap: 0.15, stall: 0.03, resetRate: 2e-4, filler: filler(p), oversize: 0.05 });
        driver.replay(directed);
      }
      if (driver.pending === 0) driver.push(beatsOf(p, randomStream(rng), { rng, partial: 0.1, emptyLast: 0.1 }));
      return driver.next(rng);
    },
  };
}
