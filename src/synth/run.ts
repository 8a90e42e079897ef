// `bitforge synth`: a block instance → Yosys for the target (→ nextpnr-ice40 for ice40) → a report.

import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitBlock, type EmittableBlock, type FmaxRequest } from '../codegen/emit-block.js';
import type { DesignFile, PortInfo } from '../codegen/index.js';
import { ToolError } from '../util/tool-error.js';
import { synthReportSchema, type SynthReport } from '../report/schema.js';
import { cachedReport, storeReport, synthKey } from './cache.js';
import { searchMargins } from './closure.js';
import { parseNextpnrLog, parseStat } from './parse.js';
import { pinsNeeded, pinWrapper, WRAPPER_MODULE, type PinWrapper, type WrapperMode } from './pin-wrapper.js';
import { criticalPath, STA_VERSION, type DesignNames } from './sta.js';
import { paramsForTarget, TARGET_DEFS, utilizationOf, type Target } from './targets.js';
import { TIMING_MODELS } from './timing-model.js';
import { relevantLines, runTool, type ToolSource } from './tools.js';

const SYNTH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../synth');

export interface SynthOptions {
  readonly target: Target;
  readonly yosys?: ToolSource;
  readonly nextpnr?: ToolSource;
  readonly timeoutMs?: number;
  /** Use and fill the result cache (default true). */
  readonly cache?: boolean;
  /**
   * The registered wrapper for place and route: always (the default: Fmax covers every path through
   * the block, from registered inputs to registered outputs), auto (only when the ports exceed the
   * device's pins or the block has no clock), never.
   */
  readonly wrapper?: WrapperMode;
  /** Pipeline the block to a frequency first (--fmax), by the target's fabric delays. */
  readonly fmaxMHz?: number;
  /**
   * The margin the pipelining keeps (--fmax-margin). Without it, a pipelined design that place and
   * route (or the estimate, without place and route) times below fmaxMHz is pipelined again with a
   * margin grown by the shortfall (timing closure).
   */
  readonly fmaxMargin?: number;
}

/** One try of timing closure: the margin, what it gave. */
export interface ClosureAttempt { readonly margin: number; readonly latency: number; readonly fmaxMHz: number | null; readonly logicCells: number | null; readonly failed?: string }

// 206 user I/Os on the HX8K in the ct256 package.
const ICE40_DEVICE = { flag: '--hx8k', package: 'ct256', name: 'iCE40 HX8K ct256', ios: 206, logicCells: 7680 } as const;

export function yosysScript(target: Target, top: string, files: readonly string[], wrapped = false): string {
  const def = TARGET_DEFS[target];
  const file = wrapped ? def.script.replace('.ys.hbs', '-wrapped.ys.hbs') : def.script;
  const template = Handlebars.compile(readFileSync(join(SYNTH_DIR, file), 'utf8'), { noEscape: true, strict: true });
  return template({ top, files, wrapper: WRAPPER_MODULE, ...def.options });
}

export interface SynthRun {
  readonly report: SynthReport;
  /** Raw tool output, for tests and for failure reports. */
  readonly yosysLog: string;
  readonly statJson: string;
  readonly netlistJson: string;
  readonly nextpnrLog?: string;
}

/** What goes through a flow: a generated block instance, or any Verilog with a known top and ports (bench baselines). */
export interface SynthSource {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly top: string;
  readonly ports: readonly PortInfo[];
  readonly verilog: readonly DesignFile[];
  /** Every signal name the design declares: the timing report names its path by them. */
  readonly signalNames?: DesignNames;
  /** With --fmax: what was asked and the latency the pipelining gave. */
  readonly pipelined?: { readonly requestedMHz: number; readonly latency: number; readonly estimatedMHz: number; readonly loopMHz: number | null; readonly keptRegisters?: true; readonly chose?: Record<string, unknown>; readonly margin?: number };
}

export function blockSource(block: EmittableBlock, given: Record<string, unknown>, fmax?: FmaxRequest, target?: Target): SynthSource {
  const params = paramsForTarget(given, target);
  const { files, design, metadata, params: emitted } = emitBlock(block, params, [], fmax);
  const signalNames = { signals: new Set(design.modules.flatMap((m) => m.signals.map((s) => s.name))), ports: new Set(metadata.ports.map((p) => p.name)) };
  // Pipelined, the frequency is one of the configuration's parameters (sweeps chart against it).
  return { name: block.name, params: fmax ? { ...emitted, fmax: fmax.mhz, ...(fmax.margin !== undefined ? { fmaxMargin: fmax.margin } : {}) } : params, top: design.top.name, ports: metadata.ports, verilog: files.filter((f) => f.path.endsWith('.v')), signalNames,
    ...(metadata.fmax ? {
      pipelined: {
        requestedMHz: metadata.fmax.requestedMHz, latency: metadata.fmax.latency, estimatedMHz: metadata.fmax.estimatedMHz, loopMHz: metadata.fmax.loopMHz,
        ...(metadata.fmax.keptRegisters ? { keptRegisters: true as const } : {}),
        ...(metadata.fmax.chose ? { chose: metadata.fmax.chose } : {}),
        ...(metadata.fmax.margin !== undefined ? { margin: metadata.fmax.margin } : {}),
      },
    } : {}) };
}

/** The Verilog (with the wrapper when used) and the Yosys script for a target: computed once per run. */
function prepare(src: SynthSource, target: Target, mode: WrapperMode = 'always') {
  const verilog = [...src.verilog];
  let wrapper: PinWrapper | undefined;
  const placed = TARGET_DEFS[target].placeAndRoute;
  // nextpnr times register-to-register paths only: without registered I/O, paths from input pins
  // (all of a combinational block) would be missing from Fmax.
  const clocked = src.ports.some((p) => p.name === 'clk');
  if (placed && (mode === 'always' || (mode === 'auto' && (pinsNeeded(src.ports) > ICE40_DEVICE.ios || !clocked)))) {
    wrapper = pinWrapper(SYNTH_DIR, src.top, src.ports, ICE40_DEVICE);
    verilog.push({ path: `${WRAPPER_MODULE}.v`, content: wrapper.verilog });
  }
  return { src, clocked, verilog, wrapper, script: yosysScript(target, src.top, verilog.map((f) => f.path), wrapper !== undefined) };
}

/**
 * The report, from the result cache when the same Verilog went through the same flow before. With
 * --fmax on a placed target and no margin given, timing is closed: see closeTiming.
 */
export async function synthesize(block: EmittableBlock, params: Record<string, unknown>, o: SynthOptions): Promise<SynthReport & { cached?: boolean }> {
  const first = await synthesizeSource(blockSource(block, params, fmaxOf(o), o.target), o);
  return o.fmaxMargin === undefined ? closeTiming(block, params, o, first) : first;
}

export const fmaxOf = (o: SynthOptions, margin = o.fmaxMargin): FmaxRequest | undefined =>
  (o.fmaxMHz === undefined ? undefined : { mhz: o.fmaxMHz, fabric: TIMING_MODELS[o.target].fabric, ...(margin !== undefined ? { margin } : {}) });

/**
 * A retry may take this many times the first try's place and route (at least 5 minutes): a deeper
 * design that routes that much slower is congested, and is treated as one that does not fit.
 */
const RETRY_TIME_FACTOR = 5;

/**
 * Timing closure for a design the IR pass pipelined (not a block's own stages, not kept registers):
 * while its Fmax (nextpnr's on ice40, the netlist estimate on targets without place and route) is
 * below the request, pipeline again with a larger margin (closure.ts `nextMargin`). A try that no
 * longer fits the device (or that place and route cannot finish in its time) bounds the margin from
 * above, and the next try bisects between it and the largest margin that fitted. The first design
 * that meets the request is the result, else the fastest placed; `attempts` lists every try, so
 * `--fmax-margin` rebuilds the same design for emit, sim and tb.
 */
async function closeTiming(block: EmittableBlock, params: Record<string, unknown>, o: SynthOptions, first: SynthReport & { cached?: boolean }): Promise<SynthReport & { cached?: boolean }> {
  const asked = o.fmaxMHz, p = first.pipelined;
  // A feedback loop the model puts below the request bounds every pipeline: deeper ones only cost.
  if (asked === undefined || !p || p.keptRegisters || p.chose || (p.loopMHz != null && p.loopMHz < asked)) return first;
  // Placed and routed, a design that no longer fits has no Fmax: it is too deep.
  const fmaxOfRun = (r: SynthReport) => (TARGET_DEFS[o.target].placeAndRoute ? r.pnr?.fmaxMHz ?? null : r.timing.fmaxMHz);
  const summary = (r: SynthReport, margin: number): ClosureAttempt => ({ margin, latency: r.pipelined!.latency, fmaxMHz: fmaxOfRun(r), logicCells: r.pnr?.logicCells ?? null });
  const fabric = TIMING_MODELS[o.target].fabric, firstMargin = fabric.derate;
  const attempts = [summary(first, firstMargin)];
  const firstGot = fmaxOfRun(first);
  if (firstGot === null || firstGot >= asked) return first; // not placed (nothing to time), or met
  const retryMs = Math.max(5 * 60_000, RETRY_TIME_FACTOR * 1000 * ((first.toolSeconds?.nextpnr ?? 60) + (first.toolSeconds?.yosys ?? 60)));
  const tries = await searchMargins<SynthReport & { cached?: boolean }>(asked, { margin: firstMargin, got: firstGot }, async (margin) => {
    const src = blockSource(block, params, fmaxOf(o, margin), o.target);
    try {
      const r = await synthesizeSource(src, { ...o, timeoutMs: Math.min(o.timeoutMs ?? Infinity, retryMs) });
      attempts.push(summary(r, margin));
      return { got: fmaxOfRun(r), result: r };
    } catch (e) {
      if (!(e instanceof ToolError)) throw e;
      attempts.push({ margin, latency: src.pipelined!.latency, fmaxMHz: null, logicCells: null, failed: e.message });
      return { failed: e.message };
    }
  }, 1 - (fabric.registerNs + 1.5 * fabric.levelNs) / (1000 / asked));
  // The first that met is the last; otherwise the fastest timed.
  let best = first, bestGot = firstGot;
  for (const t of tries) if ('result' in t && t.got !== null && t.got > bestGot) { best = t.result; bestGot = t.got; }
  return { ...best, pipelined: { ...best.pipelined!, attempts } };
}

/** The result cache's key of a run: the Verilog, script, target, tool sources (and, in synthKey, versions). */
const keyOf = (src: SynthSource, o: SynthOptions, prep: ReturnType<typeof prepare>) => synthKey([o.target, o.yosys ?? 'wasm', o.nextpnr ?? 'wasm', src.name, JSON.stringify(src.params), prep.script, timingKey(o.target),
  ...prep.verilog.flatMap((f) => [f.path, f.content])]);

/** The key under which `synthesizeSource(src, o)` caches its report (the queue keys its jobs by it too). */
export const synthJobKey = (src: SynthSource, o: SynthOptions) => keyOf(src, o, prepare(src, o.target, o.wrapper));

export async function synthesizeSource(src: SynthSource, o: SynthOptions): Promise<SynthReport & { cached?: boolean }> {
  const prep = prepare(src, o.target, o.wrapper);
  const key = keyOf(src, o, prep);
  if (o.cache !== false) {
    const hit = cachedReport(key);
    if (hit) return { ...hit, cached: true };
  }
  const r = (await runFlow(o, prep)).report;
  if (o.cache !== false) storeReport(key, r);
  return r;
}

/** One uncached run, with the raw tool output. */
export function synthesizeRun(block: EmittableBlock, params: Record<string, unknown>, o: SynthOptions): Promise<SynthRun> {
  return synthesizeSourceRun(blockSource(block, params, fmaxOf(o), o.target), o);
}

export function synthesizeSourceRun(src: SynthSource, o: SynthOptions): Promise<SynthRun> {
  return runFlow(o, prepare(src, o.target, o.wrapper));
}

async function runFlow(o: SynthOptions, { src, clocked, verilog, script, wrapper }: ReturnType<typeof prepare>): Promise<SynthRun> {
  const t0 = performance.now();
  const yosysSource = o.yosys ?? 'wasm', nextpnrSource = o.nextpnr ?? 'wasm';
  const timeoutMs = o.timeoutMs ?? 30 * 60_000;
  const inputs = Object.fromEntries([...verilog.map((f) => [f.path, f.content] as const), ['synth.ys', script] as const]);
  const y = await runTool({ tool: 'yosys', args: ['-s', 'synth.ys'], files: inputs }, yosysSource, timeoutMs);
  const toolSeconds: { yosys: number; nextpnr?: number } = { yosys: (performance.now() - t0) / 1000 };
  if (!y.ok || !y.files['stat.json']) throw new ToolError(`Yosys (${o.target}) failed (exit ${y.code}): ${relevantLines(y.log)}`);
  // Wrapped, the block's own cells are its module's; the wrapper's are listed apart, never subtracted.
  const { cells, totals } = parseStat(o.target, y.files['stat.json'], wrapper ? src.top : undefined);
  const wrapperReport = wrapper ? {
    reason: wrapper.pinsNeeded > ICE40_DEVICE.ios
      ? `${wrapper.pinsNeeded} port bits exceed the ${ICE40_DEVICE.ios} pins of the ${ICE40_DEVICE.name}`
      : !clocked
        ? 'combinational block: registered inputs and outputs give place and route a clock to time it by'
        : 'inputs and outputs registered so that Fmax covers every path through the block; --wrapper never places the bare block',
    pinsNeeded: wrapper.pinsNeeded, inputChainBits: wrapper.inputChainBits, outputChainBits: wrapper.outputChainBits,
    ...parseStat(o.target, y.files['stat.json'], WRAPPER_MODULE, [src.top]),
  } : false;
  let pnr: SynthReport['pnr'];
  let nextpnrVersion: string | undefined, nextpnrLog: string | undefined;
  if (TARGET_DEFS[o.target].placeAndRoute) {
    // A logic cell holds one LUT4, one carry and one flip-flop: with more of any than the device has
    // cells, the design cannot fit, so nextpnr only packs (for its cell count) and does not place.
    const whole = (k: 'lut' | 'ff' | 'carry') => totals[k] + (wrapperReport ? wrapperReport.totals[k] : 0);
    const tooBig = Math.max(whole('lut'), whole('ff'), whole('carry')) > ICE40_DEVICE.logicCells;
    const args = [ICE40_DEVICE.flag, '--package', ICE40_DEVICE.package, '--json', 'netlist.json', '--pcf-allow-unconstrained', '--seed', '1', '--freq', '12',
      '--timing-allow-fail', ...(tooBig ? ['--pack-only'] : [])]; // a slow design is reported with its Fmax, not refused
    const tn = performance.now();
    const n = await runTool({ tool: 'nextpnr-ice40', args, files: { 'netlist.json': y.files['netlist.json']! } }, nextpnrSource, timeoutMs);
    toolSeconds.nextpnr = (performance.now() - tn) / 1000;
    nextpnrVersion = n.version;
    nextpnrLog = n.log;
    // A design larger than the device still has its synthesis numbers: say why there is no Fmax.
    const unplaced = (lcs: number | null) => ({ device: ICE40_DEVICE.name, logicCells: lcs, fmaxMHz: null, clock: null, unplaced: `does not fit the ${ICE40_DEVICE.name}${lcs ? `: ${lcs} logic cells of ${ICE40_DEVICE.logicCells}` : ''}` });
    if (!n.ok) {
      if (tooBig || !/no BELs remaining|Failed to expand region/.test(n.log)) throw new ToolError(`nextpnr-ice40 failed (exit ${n.code}): ${relevantLines(n.log)}`);
      pnr = unplaced(parseNextpnrLog(n.log).logicCells ?? (Number(/of (\d+) ICESTORM_LCs/.exec(n.log)?.[1] ?? NaN) || null));
    } else {
      pnr = tooBig ? unplaced(parseNextpnrLog(n.log).logicCells) : { device: ICE40_DEVICE.name, ...parseNextpnrLog(n.log) };
    }
  }
  const timing = timingOf(o.target, y.files['netlist.json'], wrapper !== undefined, pnr, src.signalNames);
  if (pnr) pnr = { ...pnr, utilization: pnr.logicCells === null ? null : Math.round((pnr.logicCells / ICE40_DEVICE.logicCells) * 1e4) / 1e4 };
  const banner = /Yosys \d+\.\d+[^\n]*/.exec(y.log)?.[0];
  const yosysVersion = banner && !y.version.includes('Yosys') ? `${y.version} (${banner.trim()})` : (banner ?? y.version);
  const report = synthReportSchema.parse({
    schema: 'bitforge.synth/1', block: src.name, params: src.params, module: src.top, target: o.target,
    targetDescription: TARGET_DEFS[o.target].describe,
    tools: { yosys: { source: yosysSource, version: yosysVersion }, ...(nextpnrVersion ? { nextpnr: { source: nextpnrSource, version: nextpnrVersion } } : {}) },
    cells, totals, utilization: utilizationOf(o.target, totals), ...(pnr ? { pnr } : {}), timing, ...(src.pipelined ? { pipelined: src.pipelined } : {}), wrapper: wrapperReport, wallSeconds: (performance.now() - t0) / 1000, toolSeconds,
  });
  return { report, yosysLog: y.log, statJson: y.files['stat.json'], netlistJson: y.files['netlist.json']!, ...(nextpnrLog !== undefined ? { nextpnrLog } : {}) };
}

/** The report's timing: nextpnr's Fmax where the design was placed, the netlist estimate otherwise and beside it. */
function timingOf(target: Target, netlist: string | undefined, wrapped: boolean, pnr: SynthReport['pnr'], names?: DesignNames): SynthReport['timing'] {
  if (!netlist) throw new ToolError(`Yosys (${target}) wrote no netlist.json`);
  const model = TIMING_MODELS[target];
  // In the wrapper the block is the instance `dut` (synth/pin-wrapper.v.hbs).
  const path = criticalPath(netlist, model, wrapped ? 'dut.' : '', names);
  const estimateMHz = path && path.criticalPathNs > 0 ? Math.round(100_000 / path.criticalPathNs) / 100 : null;
  const placed = pnr && pnr.fmaxMHz !== null;
  return {
    fmaxMHz: placed ? pnr.fmaxMHz : estimateMHz, source: placed ? 'nextpnr' : 'estimate',
    criticalPathNs: path?.criticalPathNs ?? null, logicLevels: path?.logicLevels ?? null, from: path?.from ?? null, to: path?.to ?? null,
    estimateMHz, model: model.describe,
  };
}

/** The timing model and the analysis code's version: a report computed under another is not reused. */
function timingKey(target: Target): string {
  return `sta ${STA_VERSION} ${JSON.stringify(TIMING_MODELS[target], (_, v: unknown) => (v instanceof RegExp ? v.source : typeof v === 'function' ? String(v) : v))}`;
}
