// loom.sip, the long tier: 2·10^5 cycles per shape in Verilator, 3·10^4 in Icarus for every B, signed
// and unsigned, both modes, a wrong negative plane caught, and int8 tensors of three models back to
// back. The golden model and the 2·10^4-cycle runs of every shape
// are in loom-sip.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loadInt8Tensors } from '../../src/accuracy/tensors.js';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { groupPrecision } from '../../src/blocks/loom/precision/golden.js';
import { loomSipBlock } from '../../src/blocks/loom/sip/block.js';
import { stepCycles } from '../../src/blocks/loom/sip/params.js';
import type { Vector } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { cosimClean } from '../helpers/cosim.js';
import { SIP_CONFIGS as configs, SIP_STAGED_FULL } from '../helpers/loom.js';

const block = loomSipBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-sip-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 61);
console.log(`loom.sip (long): seed ${SEED}`);
const params = (o: Record<string, unknown>) => loomSipBlock.params.parse(o);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('loom.sip: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');

describe('loom.sip RTL', () => {
  for (const c of configs) {
    it(`${JSON.stringify(c)}: 2·10^5 cycles in Verilator, every output every cycle, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED, vectors: 200_000 });
      expect(r.passed).toBeGreaterThan(200_000);
    }, 240_000);
  }

  for (const c of SIP_STAGED_FULL) {
    it(`${JSON.stringify(c)}: 2·10^5 cycles in Verilator, pipelined, every output every cycle, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED, vectors: 200_000 });
      expect(r.passed).toBeGreaterThan(200_000);
    }, 240_000);
  }

  it('Icarus agrees: every B, signed and unsigned, both modes, and pipelined', async () => {
    for (const c of [{ bits: 1 }, { bits: 2, signed: true }, { bits: 4, signed: true }, { mode: 'fc' }, { mode: 'fc', signed: true }, { bits: 2, signed: true, stages: 4 }]) {
      const r = await cosimClean(block, params(c), 'icarus', { seed: SEED, vectors: 30_000, label: JSON.stringify(c) });
      expect(r.passed).toBeGreaterThan(30_000);
    }
  }, 600_000);

  it('a wrong negative plane is caught: the MSB weight plane added instead of subtracted', async () => {
    const mutate = (_: string, v: string) => v.replace('first_pass ? (-$signed(', 'first_pass ? ($signed(');
    const p = params({ bits: 2, signed: true });
    const r = await simulate(block, p, 'verilator', { seed: SEED, vectors: 2000, outDir: tmp(), transformVerilog: mutate });
    expect(r.failed).toBe(1);
  }, 240_000);

  // The data set's int8 tensors are all weights: per model, the largest tensor is the weight side
  // (Pw profiled over the whole layer, as Loom does) and the second largest supplies int8
  // activations, 16 at a time, each group at the precision loom.precision finds for it.
  it.skipIf(!DATA)('int8 tensors of three models, back to back at the profiled Pw and the detector\'s per-group Pa: 0 mismatches, Σ ⌈Pa/B⌉·Pw cycles', async () => {
    const all = loadInt8Tensors(DATA!);
    const models = [...new Set(all.map((t) => t.model))].filter((m) => /resnet8|vww|torchvision/.test(m));
    expect(models.length).toBeGreaterThanOrEqual(3);
    for (const model of models) {
      const [w, a] = all.filter((t) => t.model === model).sort((x, y) => y.data.length - x.data.length);
      const wVals = Array.from(w!.data, BigInt), aVals = Array.from(a!.data, BigInt);
      const pw = groupPrecision(wVals, { group: wVals.length, width: 8, signed: true, trailing: false }).p;
      for (const bits of [1, 2, 4]) {
        const p = params({ bits, signed: true });
        const steps = Math.min(400, Math.floor(Math.min(wVals.length, aVals.length) / 16));
        const mask = (1n << 16n) - 1n;
        const cycles: Vector[] = [];
        const vec = (k: number | null, pa = 1): Vector => {
          const v: Vector = { rst: 0n, in_valid: k === null ? 0n : 1n, out_ready: 1n, pa: BigInt(pa), pw: BigInt(pw) };
          for (let l = 0; l < 16; l++) { v[`w${l}`] = k === null ? 0n : wVals[16 * k + l]! & mask; v[`a${l}`] = k === null ? 0n : aVals[16 * k + l]! & mask; }
          return v;
        };
        cycles.push({ ...vec(null), rst: 1n }, { ...vec(null), rst: 1n });
        let busyCycles = 1, total = 0;
        for (let k = 0; k < steps; k++) {
          const pa = groupPrecision(aVals.slice(16 * k, 16 * k + 16), { group: 16, width: 8, signed: true, trailing: false }).p;
          for (let c = 0; c < busyCycles; c++) cycles.push(vec(k, pa)); // offered until taken in the previous step's last cycle
          busyCycles = stepCycles(p, pa, pw);
          total += busyCycles;
        }
        for (let c = 0; c < busyCycles + 2; c++) cycles.push(vec(null));
        const model0 = loomSipBlock.cosim!;
        const replay = { ...loomSipBlock, cosim: { ...model0, stimulus: () => ({ ...model0.stimulus(p), directed: cycles }) } } as unknown as BlockDef;
        const sims = model === models[0] && bits === 2 ? (['verilator', 'icarus'] as const) : (['verilator'] as const);
        for (const sim of sims) {
          const r = await cosimClean(replay, p, sim, { seed: SEED, vectors: 0, label: `${model} B=${bits} ${sim}` });
          expect(r.passed).toBe(cycles.length - 1);
        }
        // Steps back to back: the run is the Σ of the step cycles plus reset, first offer and drain.
        expect(cycles.length, model).toBe(2 + 1 + total + 2);
        console.log(`loom.sip on ${model}: ${w!.name} (Pw ${pw}) × ${a!.name}, B = ${bits}: ${steps} steps in ${total} cycles (${(total / steps).toFixed(2)} per step)`);
      }
    }
  }, 600_000);
});
