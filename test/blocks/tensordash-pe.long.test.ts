// tensordash.pe, the long tier: 2·10^5 cycles of the 16-lane PE, 10^5 of every variant, 2·10^4
// cycles of three variants in Icarus, two Verilog mutations caught, and real int8 weights and ReLU activations in both simulators
// with the golden schedule's steps. The golden model and the cosimulation of every shape are in
// tensordash-pe.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loadInt8Tensors, loadTensors } from '../../src/accuracy/tensors.js';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { tensordashPeBlock } from '../../src/blocks/tensordash/pe/block.js';
import { beatRows, type PeParams } from '../../src/blocks/tensordash/pe/params.js';
import type { PeRow } from '../../src/blocks/tensordash/pe/streams.js';
import { seededRng } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { cosimClean } from '../helpers/cosim.js';
import { exactDot, PE_CONFIGS, runModel, scheduled } from '../helpers/tensordash-pe.js';
import { cycleRuns } from '../helpers/runs/cycles.js';

const block = tensordashPeBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 91);
console.log(`tensordash.pe (long): seed ${SEED}`);
const params = (o: Record<string, unknown>) => tensordashPeBlock.params.parse(o);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('tensordash.pe: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');

describe('tensordash.pe RTL', () => {
  const configs = PE_CONFIGS;
  cycleRuns('long', SEED, tensordashPeBlock, configs, ', 0 mismatches', 300_000);

  it('Icarus agrees on the unsigned, dense and custom-candidate variants', async () => {
    for (const c of [configs[0]!, configs[3]!, configs[5]!]) {
      await cosimClean(block, params(c), 'icarus', { seed: SEED, vectors: 20_000, label: JSON.stringify(c) });
    }
  }, 600_000);

  it('16 lanes, H = 2 (the issue\'s configuration): 2·10^5 cycles in Verilator and 3·10^4 in Icarus, 0 mismatches', async () => {
    const p = params({ lanes: 16, lookahead: 2 });
    expect((await cosimClean(block, p, 'verilator', { seed: SEED, vectors: 200_000 })).passed).toBeGreaterThan(200_000);
    expect((await cosimClean(block, p, 'icarus', { seed: SEED, vectors: 30_000 })).passed).toBeGreaterThan(30_000);
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
  const run = runModel(p, streams, { rng: seededRng(SEED) });
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
