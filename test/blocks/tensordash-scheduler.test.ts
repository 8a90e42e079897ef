// tensordash.scheduler: the greedy schedule on a hand-worked window and its invariants on random
// ones; the RTL against it, exhaustive on windows of up to 16 bits (18 bits in the long tier) and
// 2·10^4 random windows at several sparsities on larger ones (10^5 in the long tier), in Verilator
// and Icarus; bad candidate sets refused.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { candidatesOf, laneOrderOf } from '../../src/blocks/tensordash/candidates.js';
import { scheduleStep, scheduleStream } from '../../src/blocks/tensordash/schedule.js';
import { tensordashSchedulerBlock } from '../../src/blocks/tensordash/scheduler/block.js';
import { seededRng } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { schedulerRuns } from '../helpers/runs/tensordash.js';

const block = tensordashSchedulerBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 73);
console.log(`tensordash.scheduler: seed ${SEED}`);
const params = (o: Record<string, unknown>) => tensordashSchedulerBlock.params.parse(o);

describe('tensordash schedule', () => {
  it('a hand-worked window: 4 lanes, lookahead 1', () => {
    const p = params({ lanes: 4, lookahead: 1 });
    const cands = candidatesOf(p);
    // The default set cut at H = 1; (1,+3) is (1,−1) with 4 lanes.
    expect(cands).toEqual([{ dt: 0, dl: 0 }, { dt: 1, dl: 0 }, { dt: 1, dl: -1 }, { dt: 1, dl: 1 }]);
    const T = true, F = false;
    // Lane 0 takes its own pair; lane 1 takes (1, 1); lane 2 finds nothing; lane 3 takes (1, 0) by +1.
    const s = scheduleStep([[T, F, F, F], [T, T, F, F]], cands, laneOrderOf(p));
    expect(s.sel).toEqual([0, 1, -1, 3]);
    expect(s.advance).toBe(2);
    // Lanes 3, 2, 1, 0 in turn: lane 3 takes (1, 0) by +1, lane 2 takes (1, 1) by −1, and lanes 1
    // and 0 find their candidates taken.
    const r = scheduleStep([[F, F, F, F], [T, T, F, F]], cands, [3, 2, 1, 0]);
    expect(r.sel).toEqual([-1, -1, 2, 3]);
    expect(r.advance).toBe(2);
  });

  it('a stream: dense rows take a cycle each, empty rows H + 1 per cycle, one lane\'s column three rows per cycle', () => {
    const p = params({}), cands = candidatesOf(p), order = laneOrderOf(p);
    const rows = (f: (r: number, l: number) => boolean, n: number) => Array.from({ length: n }, (_, r) => Array.from({ length: 16 }, (_, l) => f(r, l)));
    expect(scheduleStream(rows(() => true, 10), 16, 2, cands, order).cycles).toBe(10);
    expect(scheduleStream(rows(() => false, 10), 16, 2, cands, order).cycles).toBe(4);
    // Only lane 0 non-zero: lane 0 takes (0, 0); lane 1, earlier in the order than lane 15, takes
    // row 1's by (1, −1) and lane 2 row 2's by (2, −2): three rows drain per cycle.
    const one = scheduleStream(rows((_, l) => l === 0, 12), 16, 2, cands, order, true);
    expect(one.cycles).toBe(4);
    expect([one.steps[0]!.sel[0], one.steps[0]!.sel[1], one.steps[0]!.sel[2], one.steps[0]!.sel[15]]).toEqual([0, 3, 5, -1]);
  });

  it('invariants on random windows: takes were available and taken once, row 0 drains, no lane idles past an available candidate', () => {
    const rng = seededRng(SEED);
    for (const o of [{}, { lanes: 8, lookahead: 1 }, { lanes: 16, lookahead: 3, candidates: '0:0,1:0,2:0,3:0,1:-1,1:1,2:-2,2:2' }]) {
      const p = params(o), cands = candidatesOf(p), order = laneOrderOf(p), N = p.lanes, rows = p.lookahead + 1;
      for (let n = 0; n < 5000; n++) {
        const d = rng();
        const avail = Array.from({ length: rows }, () => Array.from({ length: N }, () => rng() < d));
        const s = scheduleStep(avail, cands, order);
        const takenAt = new Set<string>();
        s.sel.forEach((k, lane) => {
          if (k < 0) {
            for (const c of cands) expect(s.left[c.dt]![(((lane + c.dl) % N) + N) % N]).toBe(false);
            return;
          }
          const pos = `${cands[k]!.dt}:${(((lane + cands[k]!.dl) % N) + N) % N}`;
          expect(takenAt.has(pos)).toBe(false);
          takenAt.add(pos);
          const [r, l] = pos.split(':').map(Number) as [number, number];
          expect(avail[r]![l]).toBe(true);
          expect(s.left[r]![l]).toBe(false);
        });
        const remaining = s.left.flat().filter(Boolean).length, before = avail.flat().filter(Boolean).length;
        expect(before - remaining).toBe(takenAt.size);
        expect(s.left[0]!.some(Boolean)).toBe(false);
        expect(s.advance).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('tensordash.scheduler RTL', () => {
  const exhaustive: Array<Record<string, unknown>> = [
    { lanes: 4, lookahead: 2 }, { lanes: 16, lookahead: 0 }, { lanes: 8, lookahead: 1, laneOrder: '7,6,5,4,3,2,1,0' },
  ];
  for (const c of exhaustive) {
    it(`${JSON.stringify(c)}: exhaustive in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED });
      expect(r.source).toMatch(/^exhaustive/);
    }, 240_000);
  }
  // 6 lanes with H = 2 is a 2^18 space: exhaustive in tensordash-scheduler.long.test.ts, random here;
  // 10^5 random windows per shape there too.
  schedulerRuns('fast', SEED);

  it('Icarus agrees: exhaustive 4 lanes H = 2 and random default windows', async () => {
    for (const [c, vectors] of [[{ lanes: 4, lookahead: 2 }, undefined], [{}, 5000]] as const) {
      await cosimClean(block, params(c), 'icarus', { seed: SEED, ...(vectors ? { vectors } : {}), label: JSON.stringify(c) });
    }
  }, 600_000);

  it('refuses candidate sets and lane orders that do not make sense, naming the flag', () => {
    expect(() => params({ candidates: '1:0,0:0' })).toThrow(/first candidate must be 0:0/);
    expect(() => params({ candidates: '0:0,0:1' })).toThrow(/only 0:0 may look at the current row/);
    expect(() => params({ lookahead: 1, candidates: '0:0,2:0' })).toThrow(/beyond the lookahead 1/);
    expect(() => params({ lanes: 4, candidates: '0:0,1:1,1:-3' })).toThrow(/same position with 4 lanes/);
    expect(() => params({ candidates: '0:0,x' })).toThrow(/'x' is not dt:dl/);
    expect(() => params({ lanes: 4, laneOrder: '0,1,1,3' })).toThrow(/each lane 0…3 once/);
  });
});
