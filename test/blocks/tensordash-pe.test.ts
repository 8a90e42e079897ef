// tensordash.pe: the golden cycle model by hand and against the golden schedule (its steps per stream
// are scheduleStream's, its results the exact dot products), then Verilator and Icarus against the
// model every cycle (in_ready, out_valid, result, step, advance, each lane's pick and select): random
// streams at every sparsity, adversarial patterns, real int8 weights and ReLU activations.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loadInt8Tensors, loadTensors } from '../../src/accuracy/tensors.js';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { candidatesOf, laneOrderOf } from '../../src/blocks/tensordash/candidates.js';
import { tensordashPeBlock } from '../../src/blocks/tensordash/pe/block.js';
import { peModel } from '../../src/blocks/tensordash/pe/golden.js';
import { beatRows, RESULT_LATENCY, resultWidth, type PeParams } from '../../src/blocks/tensordash/pe/params.js';
import { peStimulus } from '../../src/blocks/tensordash/pe/stimulus.js';
import { BeatDriver, beatsOf, patternRows, type PeRow } from '../../src/blocks/tensordash/pe/streams.js';
import { scheduleStream } from '../../src/blocks/tensordash/schedule.js';
import { intValue, seededRng, type Vector } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cosimClean } from '../helpers/cosim.js';

const block = tensordashPeBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 91);
console.log(`tensordash.pe: seed ${SEED}`);
const params = (o: Record<string, unknown>) => tensordashPeBlock.params.parse(o);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('tensordash.pe: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');

const exactDot = (p: PeParams, rows: readonly PeRow[]) => {
  let s = 0n;
  for (const r of rows) for (let l = 0; l < p.lanes; l++) s += intValue(r.a[l]!, p.aBits, p.signed) * intValue(r.b[l]!, p.bBits, p.signed);
  return intValue(s, resultWidth(p), p.signed);
};
const scheduled = (p: PeParams, rows: readonly PeRow[]) =>
  scheduleStream(rows.map((r) => r.a.map((x) => x !== 0n)), p.lanes, p.lookahead, candidatesOf(p), laneOrderOf(p)).cycles;

/** Streams back to back, input always valid and results always taken: cycles, steps and results as the model gives them. */
function runModel(p: PeParams, streams: readonly PeRow[][], o: { gap?: number; stall?: number; rng?: () => number } = {}) {
  const driver = new BeatDriver(p, { gap: o.gap ?? 0, stall: o.stall ?? 0 }), model = peModel(p), rng = o.rng ?? seededRng(SEED);
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

describe('tensordash.pe golden model', () => {
  it('a stream by hand: 3 rows in 2 steps, the selects of blocks.md §4, the result 3 cycles after the final step', () => {
    // N = 2, H = 1: candidates 0:0, 1:0, 1:−1 (1:+1 and 1:+3 name 1:−1's position with 2 lanes).
    const p = params({ lanes: 2, lookahead: 1 });
    expect(candidatesOf(p)).toEqual([{ dt: 0, dl: 0 }, { dt: 1, dl: 0 }, { dt: 1, dl: -1 }]);
    const m = peModel(p);
    const idle: Vector = { rst: 0n, in_valid: 0n, in_last: 0n, in_rows: 0n, out_ready: 1n, a0_0: 0n, a0_1: 0n, a1_0: 0n, a1_1: 0n, b0_0: 0n, b0_1: 0n, b1_0: 0n, b1_1: 0n };
    // Rows (A | B): [1 0 | 2 3], [0 4 | 5 6], [7 0 | 1 1]: Σ = 2 + 24 + 7 = 33.
    const beat0: Vector = { ...idle, in_valid: 1n, in_rows: 2n, a0_0: 1n, a0_1: 0n, b0_0: 2n, b0_1: 3n, a1_0: 0n, a1_1: 4n, b1_0: 5n, b1_1: 6n };
    const beat1: Vector = { ...idle, in_valid: 1n, in_last: 1n, in_rows: 1n, a0_0: 7n, b0_0: 1n, b0_1: 1n, a1_0: 9n, b1_0: 9n }; // row 1 past in_rows: ignored
    const outs = [{ ...idle, rst: 1n }, beat0, beat1, idle, idle, idle, idle, idle].map((v) => m.step(v));
    expect(outs[0]).toBeNull();
    const show = (o: Vector | null) => [o!.in_ready, o!.step, o!.advance, o!.pick0, o!.sel0, o!.pick1, o!.sel1, o!.out_valid, o!.result].map(Number);
    expect(outs.slice(1).map(show)).toEqual([
      [1, 0, 0, 0, 0, 0, 0, 0, 0], // beat 0 taken; the window is empty
      // Window [1 0], [0 4]: lane 0 its own pair, lane 1 row 1's (1:0); both rows drained: advance 2.
      [1, 1, 2, 1, 0, 1, 1, 0, 0], // beat 1 taken in the same cycle (0 rows remain)
      [0, 1, 2, 1, 0, 0, 0, 0, 0], // the final step: row [7 0] drains the stream
      [1, 0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 0, 0, 1, 33], // RESULT_LATENCY = 3 cycles after the final step
      [1, 0, 0, 0, 0, 0, 0, 0, 33],
    ]);
    expect(RESULT_LATENCY).toBe(3);
  });

  it('a final step waits while the previous result is not taken; an empty stream finishes without a step', () => {
    const p = params({ lanes: 2, lookahead: 1 });
    const m = peModel(p);
    const idle: Vector = { rst: 0n, in_valid: 0n, in_last: 0n, in_rows: 0n, out_ready: 1n, a0_0: 0n, a0_1: 0n, a1_0: 0n, a1_1: 0n, b0_0: 0n, b0_1: 0n, b1_0: 0n, b1_1: 0n };
    const one: Vector = { ...idle, in_valid: 1n, in_last: 1n, in_rows: 1n, a0_0: 3n, b0_0: 5n };
    const empty: Vector = { ...idle, in_valid: 1n, in_last: 1n, in_rows: 0n };
    const stalled = { ...idle, out_ready: 0n };
    const seq = [{ ...idle, rst: 1n }, one, idle, idle, idle, { ...one, out_ready: 0n }, stalled, stalled, idle, idle, idle, idle, empty, idle, idle, idle, idle];
    const outs = seq.map((v) => m.step(v)).slice(1).map((o) => [o!.in_ready, o!.step, o!.out_valid, o!.result].map(Number));
    expect(outs).toEqual([
      [1, 0, 0, 0], // taken
      [0, 1, 0, 0], // final step
      [1, 0, 0, 0], [1, 0, 0, 0],
      [1, 0, 1, 15], // the result; the second stream is taken, out_ready low
      [0, 0, 1, 15], [0, 0, 1, 15], // its final step waits for the output register
      [0, 1, 1, 15], // taken now: the step runs in the same cycle
      [1, 0, 0, 15], [1, 0, 0, 15], [1, 0, 1, 15],
      [1, 0, 0, 15], // the empty stream is taken
      [0, 0, 0, 15], // ... and finishes without a step
      [1, 0, 0, 15], [1, 0, 0, 15], [1, 0, 1, 0],
    ]);
  });

  it('input always valid: the steps of every stream are scheduleStream\'s, and every result is the exact dot product', () => {
    const rng = seededRng(SEED);
    for (const c of [{ lanes: 16, lookahead: 2 }, { lanes: 4, lookahead: 1, signed: false }, { lanes: 8, lookahead: 3 }, { lanes: 3, lookahead: 0 }, { lanes: 5, lookahead: 2, candidates: '0:0,2:1,1:0', laneOrder: '4,2,0,1,3' }]) {
      const p = params(c);
      let streams: PeRow[][] = [], expectSteps = 0;
      for (const density of [1, 0.5, 0.1, 0, 0.3]) {
        for (const n of [0, 1, 2, 5, 17, 64]) streams.push(patternRows(p, rng, n, () => rng() < density));
      }
      streams.push(patternRows(p, rng, 30, (_, l) => l !== 0), patternRows(p, rng, 30, (r) => r % 2 === 0));
      for (const s of streams) expectSteps += scheduled(p, s);
      const run = runModel(p, streams);
      expect(run.results, JSON.stringify(c)).toEqual(streams.map((s) => exactDot(p, s)));
      expect(run.totalSteps, JSON.stringify(c)).toBe(expectSteps);
      // Under idle cycles and stalls the results are the same; the steps too (a step never runs on a partial window before the last beat).
      const slow = runModel(p, streams, { gap: 0.4, stall: 0.2 });
      expect(slow.results).toEqual(run.results);
      expect(slow.totalSteps).toBe(expectSteps);
      expect(slow.cycles.length).toBeGreaterThan(run.cycles.length);
      streams = [];
    }
  });

  it('back to back, a stream costs its scheduleStream steps plus one cycle (its first beat loads while nothing can step)', () => {
    const p = params({ lanes: 16, lookahead: 2 }), rng = seededRng(SEED);
    const s = patternRows(p, rng, 300, () => rng() < 0.5);
    const steps = scheduled(p, s);
    const one = runModel(p, [s]), two = runModel(p, [s, s]);
    expect(two.cycles.length - one.cycles.length).toBe(steps + 1);
    expect(steps).toBeLessThan(300); // 50 % sparse: faster than one row per cycle
  });

  // Row 0 of the window always drains (only its own lane may take an entry of it, and does), so every step advances.
  it('the stimulus reaches empty beats, clamped in_rows, stalls on a waiting result, resets, moved pairs and every advance', () => {
    const p = params({ lanes: 4, lookahead: 1 }); // in_rows is 2 bits: 3 is above H + 1
    const s = peStimulus(p), m = peModel(p), rng = seededRng(SEED);
    const seen = new Set<string>();
    for (let c = 0; c < 100_000; c++) {
      const v = c < s.directed.length ? s.directed[c]! : s.random(rng);
      const o = m.step(v);
      if (!o) continue;
      if (v.in_valid === 1n && o.in_ready === 1n && v.in_rows > 2n) seen.add('oversize');
      if (v.in_valid === 1n && o.in_ready === 1n && v.in_rows === 0n && v.in_last === 1n) seen.add('empty-beat');
      if (o.out_valid === 1n && v.out_ready === 0n) seen.add('held');
      if (o.step === 1n) seen.add(`advance-${o.advance}`);
      if (v.rst === 1n && c > s.directed.length) seen.add('reset');
      for (let l = 0; l < 4; l++) if (o[`pick${l}`] === 1n && o[`sel${l}`]! > 0n) seen.add('moved');
    }
    expect([...seen].sort()).toEqual(['advance-1', 'advance-2', 'empty-beat', 'held', 'moved', 'oversize', 'reset']);
  });
});

describe('tensordash.pe RTL', () => {
  it('16 lanes, H = 2 (the issue\'s configuration): 2·10^5 cycles in Verilator and 3·10^4 in Icarus, 0 mismatches', async () => {
    const p = params({ lanes: 16, lookahead: 2 });
    expect((await cosimClean(block, p, 'verilator', { seed: SEED, vectors: 200_000 })).passed).toBeGreaterThan(200_000);
    expect((await cosimClean(block, p, 'icarus', { seed: SEED, vectors: 30_000 })).passed).toBeGreaterThan(30_000);
  }, 600_000);

  const configs: Array<Record<string, unknown>> = [
    { lanes: 16, lookahead: 2, signed: false },
    { lanes: 8, lookahead: 1 },
    { lanes: 4, lookahead: 3, aBits: 4, bBits: 12 },
    { lanes: 16, lookahead: 0, candidates: '0:0' }, // a dense PE: one row per step
    { lanes: 1, lookahead: 2 },
    { lanes: 5, lookahead: 2, candidates: '0:0,2:1,1:0,1:-2', laneOrder: '4,2,0,1,3' },
    { lanes: 4, lookahead: 2, rows: 1, multiplier: 'operator' }, // the accumulator wraps on the extreme streams
    { lanes: 16, lookahead: 2, aBits: 3, bBits: 2, signed: false },
  ];
  for (const c of configs) {
    it(`${JSON.stringify(c)}: 10^5 cycles in Verilator, 0 mismatches`, async () => {
      expect((await cosimClean(block, params(c), 'verilator', { seed: SEED, vectors: 100_000 })).passed).toBeGreaterThan(100_000);
    }, 300_000);
  }

  it('Icarus agrees on the unsigned, dense and custom-candidate variants', async () => {
    for (const c of [configs[0]!, configs[3]!, configs[5]!]) {
      await cosimClean(block, params(c), 'icarus', { seed: SEED, vectors: 20_000, label: JSON.stringify(c) });
    }
  }, 600_000);

  it('mutations are caught: a window that waits for a full refill, and a final step that ignores a result in flight', async () => {
    const p = params({ lanes: 4, lookahead: 2 });
    const outDir = () => mkdtempSync(join(tmpdir(), 'bitforge-pe-'));
    const slack = (_: string, v: string) => v.replace(/\(~ending\) & \((\w+) <= 3'd3\)/, '(~ending) & ($1 < 3\'d3)');
    const inFlight = (_: string, v: string) => v.replace('(~(final_s1 | final_s2))', '(~final_s1)');
    for (const [name, mutate] of [['slack', slack], ['in-flight', inFlight]] as const) {
      let changed = false;
      const r = await simulate(block, p, 'verilator', { seed: SEED, vectors: 50_000, outDir: outDir(), transformVerilog: (f, v) => { const m = mutate(f, v); changed ||= m !== v; return m; } });
      expect(changed, name).toBe(true);
      expect(r.failed, name).toBe(1);
    }
  }, 300_000);
});

describe('tensordash.pe on real tensors', () => {
  // Per model, the largest int8 tensor is A (its zeros skipped) and the next supplies B.
  it.skipIf(!DATA)('int8 weights of three models: 0 mismatches in both simulators, steps = scheduleStream\'s', async () => {
    const all = loadInt8Tensors(DATA!);
    const models = [...new Set(all.map((t) => t.model))].slice(0, 3);
    expect(models.length).toBe(3);
    const p = params({ lanes: 16, lookahead: 2 });
    const streams: PeRow[][] = [];
    for (const model of models) {
      const [a, b] = all.filter((t) => t.model === model).sort((x, y) => y.data.length - x.data.length);
      const n = Math.min(a!.data.length, b!.data.length, 16 * 2000);
      const rows = Array.from({ length: Math.floor(n / 16) }, (_, r) => ({ a: Array.from(a!.data.subarray(16 * r, 16 * r + 16), BigInt), b: Array.from(b!.data.subarray(16 * r, 16 * r + 16), BigInt) }));
      for (let i = 0; i < rows.length; i += 250) streams.push(rows.slice(i, i + 250)); // dot products of 4000 values
    }
    await realTensorRun(p, streams, 'int8 weights');
  }, 600_000);

  // The transformer pairs: A = activations after ReLU, B = the weight row they multiply, both int8
  // (per-tensor scale to ±127); each stream is one output's dot product over the input dimension.
  it.skipIf(!DATA)('ReLU activations × weights of the transformer layers: 0 mismatches in both simulators, steps = scheduleStream\'s', async () => {
    const set = loadTensors(DATA!);
    const p = params({ lanes: 16, lookahead: 2 });
    const q = (xs: Float32Array) => { let m = 0; for (const x of xs) m = Math.max(m, Math.abs(x)); return (x: number) => BigInt(Math.round((x / (m || 1)) * 127)); };
    const streams: PeRow[][] = [];
    const byAct = new Map(set.pairs.map((pr) => [pr.act.name, pr] as const)); // one weight per activation tensor
    for (const pr of [...byAct.values()].slice(0, 6)) {
      const inDim = pr.weight.shape[1]!, qa = q(pr.act.data), qw = q(pr.weight.data);
      for (let k = 0; k < 32; k++) {
        const i = (k * 7) % pr.act.shape[0]!, j = (k * 13) % pr.weight.shape[0]!;
        const rows: PeRow[] = [];
        for (let r = 0; r * 16 < inDim; r++) {
          const lane = (l: number) => 16 * r + l;
          rows.push({
            a: Array.from({ length: 16 }, (_, l) => (lane(l) < inDim ? qa(Math.max(0, pr.act.data[i * inDim + lane(l)]!)) : 0n)),
            b: Array.from({ length: 16 }, (_, l) => (lane(l) < inDim ? qw(pr.weight.data[j * inDim + lane(l)]!) : 0n)),
          });
        }
        streams.push(rows);
      }
    }
    expect(streams.length).toBeGreaterThanOrEqual(3 * 32);
    await realTensorRun(p, streams, 'ReLU activations');
  }, 600_000);
});

async function realTensorRun(p: PeParams, streams: PeRow[][], label: string) {
  const run = runModel(p, streams);
  expect(run.results).toEqual(streams.map((s) => exactDot(p, s)));
  const steps = streams.reduce((n, s) => n + scheduled(p, s), 0), rows = streams.reduce((n, s) => n + s.length, 0);
  expect(run.totalSteps).toBe(steps);
  const cycles = [...run.cycles, ...Array.from({ length: 4 }, () => run.cycles[run.cycles.length - 1]!)];
  const model0 = tensordashPeBlock.cosim!;
  const replay = { ...tensordashPeBlock, cosim: { ...model0, stimulus: () => ({ ...model0.stimulus(p), directed: cycles }) } } as unknown as BlockDef;
  for (const sim of ['verilator', 'icarus'] as const) {
    const r = await cosimClean(replay, p, sim, { seed: SEED, vectors: 0, label: `${label} ${sim}` });
    expect(r.passed).toBe(cycles.length - 1);
  }
  const nnz = streams.reduce((n, s) => n + s.reduce((m, r) => m + r.a.filter((x) => x !== 0n).length, 0), 0);
  console.log(`tensordash.pe on ${label}: ${streams.length} streams, ${rows} rows, sparsity ${(100 * (1 - nnz / (16 * rows))).toFixed(1)} %, ${steps} steps (speedup ${(rows / steps).toFixed(2)}×), beats of ${beatRows(p)} rows`);
}
