// --fmax through the real flow: on ice40 every block --fmax takes, pipelined for 100 MHz, reaches it after
// nextpnr's routing (or the bound the model reports, a feedback loop or a single operator, and no less
// than unpipelined), and cosimulates bit-exactly at its new latency; on xc7, --fmax 250 meets 250 MHz by
// the estimate; minifloat.mul for 150 MHz costs no more LUTs than the hand-set stages that get as fast.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { emitBlock } from '../../src/codegen/emit-block.js';
import { simulate } from '../../src/cosim/run.js';
import { synthesize, synthesizeRun } from '../../src/synth/run.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';
import { paramsForTarget } from '../../src/synth/targets.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const find = (name: string) => catalogue.find((b) => b.name === name) as unknown as BlockDef;
// Configurations that fit the HX8K pipelined (bench/results/fmax.md has them at 50/100/150 MHz, the NVFP4 units at block 4).
const DESIGNS: Array<[string, Record<string, unknown>]> = [
  ['minifloat.mul', {}], ['minifloat.add', {}], ['minifloat.mac', {}], ['minifloat.dot', { lanes: 4 }], ['int.mac', {}],
  ['mx.quantize', { block: 8 }], ['mx.dequantize', { block: 8 }], ['mx.dot', { block: 8 }], ['mx.nvfp4-quantize', { block: 1 }],
  ['mx.nvfp4-dot', { block: 1 }], ['examples.adder-tree', {}], ['loom.precision', {}], ['tensordash.scheduler', {}],
];

// On xc7 every design of the ice40 list (and the mux) is checked at 250 MHz by the estimate; where the
// model's first design misses, timing closure pipelines it again by the estimate. The NVFP4 units
// pipelined for 100 MHz fit the HX8K at one element per block only (the quantizer's six, block scale,
// denominator and thresholds are float32 roundings in a row; the dot's scale is a 4 × 4 × 24 × 24-bit
// product): at block 2 the quantizer takes 8,175 logic cells (the dot at block 2 was last tried
// before split adders stopped giving nextpnr's router1 a livelock, and did not finish).
const XC7_DESIGNS: Array<[string, Record<string, unknown>]> = [
  ...DESIGNS, ['tensordash.mux', {}],
];

describe('--fmax through synthesis', () => {
  for (const [name, raw] of DESIGNS) {
    it(`${name} ${JSON.stringify(raw)}: ice40 --fmax 100 after routing, and sim at the new latency`, async () => {
      const b = find(name);
      const params = paramsForTarget(b.params.parse(raw) as Record<string, unknown>, 'ice40'); // the fabric synthesis builds
      const fabric = TIMING_MODELS.ice40.fabric;
      const piped = await synthesize(b, params, { target: 'ice40', fmaxMHz: 100 });
      expect(piped.pnr?.unplaced, 'fits the HX8K').toBeUndefined();
      // Timing closure may have pipelined again with a larger margin: the design is then --fmax-margin's.
      const margin = piped.pipelined?.margin;
      if (margin !== undefined) console.log(`${name}: timing closure ${JSON.stringify(piped.pipelined?.attempts)}`);
      const meta = emitBlock(b, params, [], { mhz: 100, fabric, ...(margin !== undefined ? { margin } : {}) }).metadata.fmax!;
      expect(piped.pipelined).toMatchObject({ requestedMHz: 100, latency: meta.latency });
      if (meta.floorMHz * (1 - fabric.derate) >= 100) expect(piped.timing.fmaxMHz!, `${name}: nextpnr Fmax at --fmax 100`).toBeGreaterThanOrEqual(100);
      else {
        // A loop or one operator caps it near or below 100 by the model: the bound within the model's
        // margin, and never slower than no pipelining.
        const base = await synthesize(b, b.fmaxBase!(params as never) as Record<string, unknown>, { target: 'ice40' });
        expect(piped.timing.fmaxMHz!).toBeGreaterThanOrEqual(base.timing.fmaxMHz!);
        expect(piped.timing.fmaxMHz!).toBeGreaterThanOrEqual(Math.min(100, meta.floorMHz) * (1 - fabric.derate));
      }
      const dir = mkdtempSync(join(tmpdir(), 'bitforge-fmax-'));
      const sim = await simulate(b, params, 'ts', { seed: 7, vectors: 3000, outDir: dir, fmax: { mhz: 100, fabric, ...(margin !== undefined ? { margin } : {}) } });
      expect(sim.failed, sim.report.join('\n')).toBe(0);
      expect(sim.passed).toBeGreaterThan(0);
    }, 1_200_000);
  }

  // Blocks with stages of their own (fmaxDepths): the stages chosen for 100 MHz reach it after routing
  // where the model says they do; where it says the deepest fall short they are faster than none and
  // reach what the model says they reach, within its margin (mokey.pe: the first product and the
  // scaler's rounding, which no stage of its own cuts; mx.dot-general: the float32 adder's loop). They cosimulate at them (cycle by cycle, every
  // dot product, every pair).
  const own: Array<[string, Record<string, unknown>]> = [['loom.sip', {}], ['loom.tile', { rows: 2, cols: 2, lanes: 8 }], ['mokey.pe', { lanes: 8 }], ['mx.dot-general', { block: 4, acc: 'fp32' }]];
  for (const [name, raw] of own) {
    it(`${name} ${JSON.stringify(raw)}: ice40 --fmax 100 with its own stages after routing, and sim at them`, async () => {
      const b = find(name);
      const params = paramsForTarget(b.params.parse(raw) as Record<string, unknown>, 'ice40'); // the fabric synthesis builds
      const fabric = TIMING_MODELS.ice40.fabric;
      const meta = emitBlock(b, params, [], { mhz: 100, fabric }).metadata.fmax!;
      const [piped, base] = await Promise.all([synthesize(b, params, { target: 'ice40', fmaxMHz: 100 }), synthesize(b, params, { target: 'ice40' })]);
      expect(piped.pnr?.unplaced, 'fits the HX8K').toBeUndefined();
      expect(piped.pipelined?.chose).toEqual(meta.chose);
      if (meta.estimatedMHz >= 100) expect(piped.timing.fmaxMHz!, `${name}: nextpnr Fmax at --fmax 100`).toBeGreaterThanOrEqual(100);
      else {
        expect(piped.timing.fmaxMHz!).toBeGreaterThan(base.timing.fmaxMHz!);
        expect(piped.timing.fmaxMHz!).toBeGreaterThanOrEqual(meta.estimatedMHz * (1 - fabric.derate));
      }
      console.log(`${name} --fmax 100: ${JSON.stringify(meta.chose)}, ${piped.timing.fmaxMHz} MHz (no stages: ${base.timing.fmaxMHz} MHz), LUT/FF ${piped.totals.lut}/${piped.totals.ff} (${base.totals.lut}/${base.totals.ff})`);
      const dir = mkdtempSync(join(tmpdir(), 'bitforge-fmax-'));
      const sim = await simulate(b, params, 'verilator', { seed: 7, vectors: 20_000, outDir: dir, fmax: { mhz: 100, fabric } });
      expect(sim.failed, sim.report.join('\n')).toBe(0);
      expect(sim.passed).toBeGreaterThan(name === 'mokey.pe' ? 100 : 20_000); // mokey.pe compares dot products
    }, 1_200_000);
  }

  // Blocks that keep their registers (a register added anywhere would change their cycle model): at
  // --fmax 100 the same design, which after routing reaches its feedback-loop bound within the
  // model's margin (tensordash.pe's lane loop; apack.encoder's run state), and is said to.
  for (const [name, raw] of [['tensordash.pe', { lanes: 4 }], ['apack.encoder', {}]] as Array<[string, Record<string, unknown>]>) {
    it(`${name} ${JSON.stringify(raw)}: ice40 --fmax 100 keeps its registers and reaches its loop bound after routing`, async () => {
      const b = find(name);
      const params = paramsForTarget(b.params.parse(raw) as Record<string, unknown>, 'ice40'); // the fabric synthesis builds
      const fabric = TIMING_MODELS.ice40.fabric;
      const meta = emitBlock(b, params, [], { mhz: 100, fabric }).metadata.fmax!;
      expect(meta.keptRegisters).toBe(true);
      const [piped, base] = await Promise.all([synthesize(b, params, { target: 'ice40', fmaxMHz: 100 }), synthesize(b, params, { target: 'ice40' })]);
      expect(piped.pnr?.unplaced, 'fits the HX8K').toBeUndefined();
      expect(piped.totals).toEqual(base.totals); // the same design
      expect(meta.loopMHz).not.toBeNull();
      expect(piped.timing.fmaxMHz!).toBeGreaterThanOrEqual(Math.min(100, meta.loopMHz!) * (1 - fabric.derate));
      console.log(`${name} --fmax 100 (kept): ${piped.timing.fmaxMHz} MHz after routing; the model: ${meta.estimatedMHz} MHz, loop bound ${meta.loopMHz} MHz`);
    }, 1_200_000);
  }

  it('xc7: --fmax 250 meets 250 MHz by the estimate, or the model names the bound', async () => {
    const met: string[] = [];
    for (const [name, raw] of XC7_DESIGNS) {
      const b = find(name);
      const params = paramsForTarget(b.params.parse(raw) as Record<string, unknown>, 'xc7');
      const r = await synthesize(b, params, { target: 'xc7', fmaxMHz: 250 });
      const meta = emitBlock(b, params, [], { mhz: 250, fabric: TIMING_MODELS.xc7.fabric }).metadata.fmax!;
      expect(r.timing.source).toBe('estimate');
      if (meta.floorMHz >= 250) expect(r.timing.fmaxMHz!, `${name} on xc7 at --fmax 250`).toBeGreaterThanOrEqual(250);
      else {
        // A feedback loop below 250 MHz by the model: never slower than no pipelining.
        const base = await synthesize(b, b.fmaxBase!(params as never) as Record<string, unknown>, { target: 'xc7' });
        expect(r.timing.fmaxMHz!).toBeGreaterThanOrEqual(base.timing.fmaxMHz!);
      }
      met.push(`${name}: ${r.timing.fmaxMHz} MHz`);
    }
    console.log(`xc7 --fmax 250: ${met.join(', ')}`);
  }, 1_800_000);

  it('xc7: pipeline registers folded into shift-register LUTs feed only flip-flops (logic reads none of them)', async () => {
    const b = find('mx.dot');
    const run = await synthesizeRun(b, b.params.parse({ block: 8 }) as Record<string, unknown>, { target: 'xc7', fmaxMHz: 250 });
    type Cell = { type: string; port_directions?: Record<string, string>; connections: Record<string, Array<number | string>> };
    const mods = Object.values((JSON.parse(run.netlistJson) as { modules: Record<string, { cells: Record<string, Cell> }> }).modules);
    const cells = mods.flatMap((m) => Object.values(m.cells));
    const srls = cells.filter((c) => /^SRL/.test(c.type));
    expect(srls.length, 'long register runs become shift registers').toBeGreaterThan(0);
    const srlOut = new Set(srls.flatMap((c) => c.connections.Q!));
    const readers = cells.flatMap((c) => Object.entries(c.connections).filter(([pin]) => c.port_directions?.[pin] !== 'output')
      .flatMap(([pin, bits]) => bits.filter((x) => srlOut.has(x)).map(() => `${c.type}.${pin}`)));
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((r) => !/^(FDRE\.D|SRL\w*\.D)$/.test(r)), 'what reads a shift register besides a flip-flop or the next shift register').toEqual([]);
  }, 600_000);

  it('minifloat.mul e4m3 × e4m3: --fmax 150 costs no more LUTs than the hand-set stages that reach its Fmax', async () => {
    const b = find('minifloat.mul');
    const p = b.params.parse({}) as Record<string, unknown>;
    const auto = await synthesize(b, p, { target: 'ice40', fmaxMHz: 150 });
    const hand = await Promise.all([1, 2, 3, 4].map((stages) => synthesize(b, { ...p, stages }, { target: 'ice40' })));
    const asFast = hand.filter((h) => h.timing.fmaxMHz! >= auto.timing.fmaxMHz!);
    for (const h of asFast) expect(auto.totals.lut).toBeLessThanOrEqual(h.totals.lut);
    console.log(`minifloat.mul --fmax 150: ${auto.timing.fmaxMHz} MHz, LUT ${auto.totals.lut}; hand-set stages 1–4: ${hand.map((h) => `${h.timing.fmaxMHz} MHz / ${h.totals.lut} LUT`).join(', ')}`);
  }, 1_200_000);

  // minifloat.add at 200 MHz: 199.8 MHz after routing at the model's margin (README). minifloat.mul at
  // 250 MHz was this check's design until split adders changed (it now meets at the first try).
  it('timing closure: minifloat.add at --fmax 200 misses after routing at the model\'s margin, is pipelined again deeper, meets it, and --fmax-margin rebuilds that design', async () => {
    const F = 200;
    const b = find('minifloat.add');
    const params = b.params.parse({}) as Record<string, unknown>;
    const fabric = TIMING_MODELS.ice40.fabric;
    const r = await synthesize(b, params, { target: 'ice40', fmaxMHz: F });
    const tries = r.pipelined?.attempts;
    console.log(`minifloat.add --fmax ${F}: ${JSON.stringify(tries)}`);
    expect(tries, 'the model\'s margin already meets the request after routing: this check needs a design that does not').toBeDefined();
    expect(tries![0]!.margin).toBe(fabric.derate);
    expect(tries![0]!.fmaxMHz!).toBeLessThan(F);
    for (let i = 1; i < tries!.length; i++) {
      expect(tries![i]!.margin).toBeGreaterThan(tries![i - 1]!.margin);
      expect(tries![i]!.latency).toBeGreaterThanOrEqual(tries![i - 1]!.latency);
    }
    // The result is the fastest placed try, named by its margin; here it meets the request.
    const best = tries!.reduce((x, y) => ((y.fmaxMHz ?? 0) > (x.fmaxMHz ?? 0) ? y : x));
    expect(r.pnr!.fmaxMHz).toBe(best.fmaxMHz);
    expect(r.pipelined).toMatchObject({ margin: best.margin, latency: best.latency });
    expect(r.pnr!.fmaxMHz!).toBeGreaterThanOrEqual(F);
    // --fmax-margin gives the same design without closure, to emit and to sim.
    const again = await synthesize(b, params, { target: 'ice40', fmaxMHz: F, fmaxMargin: best.margin });
    expect(again.pipelined?.attempts).toBeUndefined();
    expect(again.totals).toEqual(r.totals);
    expect(emitBlock(b, params, [], { mhz: F, fabric, margin: best.margin }).metadata.fmax!.latency).toBe(best.latency);
    const sim = await simulate(b, params, 'ts', { seed: 7, vectors: 3000, outDir: mkdtempSync(join(tmpdir(), 'bitforge-fmax-')), fmax: { mhz: F, fabric, margin: best.margin } });
    expect(sim.failed, sim.report.join('\n')).toBe(0);
  }, 1_200_000);
});
