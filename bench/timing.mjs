// The pre-route timing estimate against nextpnr-ice40 after routing: for designs that place on the
// HX8K, the estimate (src/synth/sta.ts with the ice40 model) beside nextpnr's Fmax, and the routing
// constants fitted to them. The fit uses the even-numbered designs; the odd ones are held out.
import { catalogue } from '../dist/blocks/catalogue.js';
import { synthesizeRun } from '../dist/synth/run.js';
import { criticalPath } from '../dist/synth/sta.js';
import { TIMING_MODELS } from '../dist/synth/timing-model.js';

const CONCURRENCY = 2;
const find = (name) => catalogue.find((b) => b.name === name);

// Catalogue defaults that fit the HX8K, and variants across formats, widths and stages.
export const CALIBRATION_DESIGNS = [
  ['examples.counter', {}], ['examples.counter', { width: 32 }], ['examples.adder-tree', {}], ['examples.adder-tree', { every: 0 }],
  ['examples.adder-tree', { n: 16, width: 8, every: 2 }], ['examples.fifo', {}], ['int.mac', {}], ['int.mac', { stages: 0 }],
  ['int.mac', { 'aBits': 4, 'bBits': 4 }], ['minifloat.mul', {}], ['minifloat.mul', { a: 'e5m2', b: 'e5m2' }], ['minifloat.mul', { a: 'e2m1', b: 'e2m1' }],
  ['minifloat.mul', { a: 'e3m2', b: 'e3m2' }], ['minifloat.mul', { stages: 1 }], ['minifloat.mul', { stages: 2 }], ['minifloat.mul', { stages: 3 }],
  ['minifloat.add', {}], ['minifloat.add', { stages: 1 }], ['minifloat.add', { stages: 2 }], ['minifloat.add', { a: 'e2m1', b: 'e2m1', out: 'e2m1' }],
  ['minifloat.mac', {}], ['loom.precision', {}], ['loom.sip', {}], ['tensordash.mux', {}], ['tensordash.scheduler', {}],
  ['apack.encoder', {}], ['apack.decoder', {}], ['mx.dequantize', {}], ['mx.nvfp4-dot', {}], ['mx.quantize', {}],
];

async function measure([name, raw]) {
  const b = find(name);
  const params = b.params.parse(raw);
  const r = await synthesizeRun(b, params, { target: 'ice40' });
  return { name, params: raw, netlist: r.netlistJson, wrapped: r.report.wrapper !== false, nextpnrMHz: r.report.pnr?.fmaxMHz ?? null, lc: r.report.pnr?.logicCells ?? null };
}

const estimate = (d, route) => criticalPath(d.netlist, { ...TIMING_MODELS.ice40, route }, d.wrapped ? 'dut.' : '');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const worst = (xs) => xs.reduce((w, x) => (Math.abs(Math.log(x)) > Math.abs(Math.log(w)) ? x : w), 1);

export async function runTimingBench() {
  const designs = new Array(CALIBRATION_DESIGNS.length);
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < designs.length) {
      const i = next++;
      designs[i] = await measure(CALIBRATION_DESIGNS[i]);
      console.log(`${designs[i].name} ${JSON.stringify(designs[i].params)}: nextpnr ${designs[i].nextpnrMHz} MHz`);
    }
  }));
  const placed = designs.filter((d) => d.nextpnrMHz !== null);
  const fitSet = placed.filter((_, i) => i % 2 === 0), heldOut = placed.filter((_, i) => i % 2 === 1);
  // Grid search: routing base and fanout term minimising the mean |log(estimate / nextpnr)| on the fit
  // set. Each design's path is taken as fixed (cells + routes · base + Σ log2 fanout · per), which holds
  // near the shipped constants.
  const shippedRoute = TIMING_MODELS.ice40.route;
  const paths = fitSet.map((d) => ({ d, p: estimate(d, shippedRoute) }));
  let best = null;
  for (let base = 0.3; base <= 1.5001; base += 0.01) {
    for (let per = 0; per <= 0.4001; per += 0.01) {
      const route = { base: +base.toFixed(2), perLog2Fanout: +per.toFixed(2) };
      const loss = paths.reduce((s, { d, p }) => {
        const ns = p.criticalPathNs + p.routes * (route.base - shippedRoute.base) + p.fanoutLog2 * (route.perLog2Fanout - shippedRoute.perLog2Fanout);
        return s + Math.abs(Math.log(1000 / ns / d.nextpnrMHz));
      }, 0) / paths.length;
      if (!best || loss < best.loss) best = { route, loss };
    }
  }
  const shipped = TIMING_MODELS.ice40.route;
  const rows = placed.map((d, i) => {
    const p = estimate(d, shipped);
    return { block: d.name, params: d.params, set: i % 2 === 0 ? 'fit' : 'held out', nextpnrMHz: d.nextpnrMHz, estimateMHz: +(1000 / p.criticalPathNs).toFixed(2), ratio: +(1000 / p.criticalPathNs / d.nextpnrMHz).toFixed(3), logicLevels: p.logicLevels, from: p.from, to: p.to, logicCells: d.lc };
  });
  const ratios = (set) => rows.filter((r) => !set || r.set === set).map((r) => r.ratio);
  const summary = {
    designs: rows.length, unplaced: designs.length - placed.length, shippedRoute: shipped, fittedRoute: best.route,
    medianRatio: median(ratios()), worstRatio: worst(ratios()), medianHeldOut: median(ratios('held out')), worstHeldOut: worst(ratios('held out')),
    medianAbsErrorPct: 100 * median(ratios().map((r) => Math.abs(r - 1))),
  };
  return { rows, summary, heldOutCount: heldOut.length };
}

// ---- --fmax: what each MHz costs. Every block --fmax takes, on a configuration that fits the HX8K:
// no pipelining (its combinational form), the old hand-set stages (its defaults), and --fmax 50/100/150
// on ice40 (nextpnr after routing); and --fmax 250 on xc7 (the estimate).
export const FMAX_DESIGNS = [
  ['minifloat.mul', {}], ['minifloat.add', {}], ['minifloat.mac', {}], ['minifloat.dot', { lanes: 4 }], ['int.mac', {}],
  ['mx.quantize', { block: 8 }], ['mx.dequantize', { block: 8 }], ['mx.dot', { block: 8 }],
  ['examples.adder-tree', {}], ['loom.precision', {}], ['tensordash.scheduler', {}], ['tensordash.mux', {}],
  // Stages of their own (--fmax chooses among them), then registers kept (--fmax times them).
  ['loom.sip', {}], ['loom.tile', { rows: 2, cols: 2, lanes: 8 }], ['mokey.pe', { lanes: 8 }], ['mx.dot-general', { block: 4, acc: 'fp32' }],
  ['tensordash.pe', { lanes: 4 }], ['apack.encoder', {}],
  // Last, at one element per block: pipelined for 100 MHz, a larger block does not fit the HX8K
  // (test/synth/fmax.long.test.ts says why).
  ['mx.nvfp4-quantize', { block: 1 }], ['mx.nvfp4-dot', { block: 1 }],
];

/** The form without pipelining: the pass's base, or a block's shallowest own stages. */
const unpipelined = (b, params) => (b.fmaxBase ? b.fmaxBase(params) : b.fmaxDepths ? b.fmaxDepths(params)[0] : params);
const latencyOf = (h) => (h.kind === 'pipeline' || h.kind === 'sequential' ? h.latency ?? 0 : 0);

/** only: block names to measure (the others keep the rows of an earlier run; run.mjs merges them). */
export async function runFmaxBench(onRow = () => {}, only = null) {
  const { synthesize } = await import('../dist/synth/run.js');
  const jobs = [];
  for (const [name, raw] of FMAX_DESIGNS.filter(([n]) => !only || only.includes(n))) {
    const b = find(name);
    const params = b.params.parse(raw);
    const base = unpipelined(b, params);
    const hand = b.handshake(params);
    jobs.push({ name, raw, how: 'none', run: () => synthesize(b, base, { target: 'ice40' }), latency: latencyOf(b.handshake(base)) });
    if (JSON.stringify(base) !== JSON.stringify(params)) jobs.push({ name, raw, how: 'hand-set (defaults)', run: () => synthesize(b, params, { target: 'ice40' }), latency: latencyOf(hand) });
    for (const mhz of [50, 100, 150]) jobs.push({ name, raw, how: `--fmax ${mhz}`, mhz, run: () => synthesize(b, params, { target: 'ice40', fmaxMHz: mhz }) });
    jobs.push({ name, raw, how: '--fmax 250', mhz: 250, target: 'xc7', run: () => synthesize(b, params, { target: 'xc7', fmaxMHz: 250 }) });
  }
  const rows = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const i = next++, j = jobs[i];
      let r;
      try {
        r = await j.run();
      } catch (e) {
        // A run that fails or times out (nextpnr on a design at the edge of the device) is a row, not the end.
        rows[i] = { block: j.name, params: j.raw, how: j.how, target: j.target ?? 'ice40', latency: '', lut: '', ff: '', bram: '', fmaxMHz: null, source: `failed: ${e.message.split('\n')[0]}`, modelMHz: null, met: j.mhz ? false : null, unplaced: null };
        onRow(rows);
        continue;
      }
      const latency = r.pipelined ? r.pipelined.latency + (j.mhz ? latencyOfBase(j.name, j.raw) : 0) : j.latency;
      rows[i] = {
        block: j.name, params: j.raw, how: j.how, target: r.target, latency, lut: r.totals.lut, ff: r.totals.ff, bram: r.totals.bram,
        fmaxMHz: r.timing.fmaxMHz, source: r.timing.source, modelMHz: r.pipelined?.estimatedMHz ?? null,
        loopMHz: r.pipelined?.loopMHz ?? null, chose: r.pipelined?.chose ?? null,
        // Timing closure's tries (margin → MHz), where the model's first design missed.
        closure: r.pipelined?.attempts?.map((a) => `${a.margin}: ${a.fmaxMHz ?? a.failed ?? 'no fit'}`).join(' → ') ?? null,
        // A design that does not fit has only the estimate: it meets nothing.
        met: j.mhz ? !r.pnr?.unplaced && (r.timing.fmaxMHz ?? 0) >= j.mhz : null, asked: j.mhz ?? null, unplaced: r.pnr?.unplaced ?? null,
      };
      console.log(`${j.name} ${JSON.stringify(j.raw)} ${j.how} on ${r.target}: ${r.timing.source} ${r.timing.fmaxMHz} MHz, latency ${latency}, LUT ${r.totals.lut}, FF ${r.totals.ff}`);
      onRow(rows);
    }
  }));
  return rows;
}

/** The base design's own latency (accumulator and valid registers), which --fmax adds to. */
function latencyOfBase(name, raw) {
  const b = find(name);
  return latencyOf(b.handshake(unpipelined(b, b.params.parse(raw))));
}
