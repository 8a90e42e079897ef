// Differential fuzzing: random designs run on the TypeScript simulator, Verilator and Icarus with the
// same stimulus, and on the TypeScript simulator before and after each pass. A disagreement is
// reduced (the design shrunk while it still disagrees) and reported with its seed and the values.

import { designFiles, portsOf, type DesignFile, type PortInfo } from '../codegen/index.js';
import { seededRng } from '../util/rng.js';
import type { TestbenchSimulator } from '../cosim/simulators.js';
import { withTempDir } from '../util/cleanup.js';
import { ToolError } from '../util/tool-error.js';
import { ElaborationError } from '../dsl/index.js';
import type { Netlist } from '../ir/netlist.js';
import { OPTIMIZE, PASSES, runPasses } from '../ir/passes/index.js';
import type { CompileOptions } from '../sim/index.js';
import { elaborateSpec } from './build.js';
import { randomDesign } from './generate.js';
import { reduceSpec } from './reduce.js';
import { runTs } from './run-ts.js';
import { runVerilogBatch, type BatchDesign } from './run-verilog.js';
import type { DesignSpec } from './spec.js';
import { randomValues, RESET_CYCLES, stimulusFor, type StimulusValues, type Trace } from './stimulus.js';

export interface FuzzOptions {
  readonly designs: number;
  readonly cycles: number;
  readonly seed: number;
  /** Index of the first design (designs from..from+designs-1): reruns one design of a run. */
  readonly from?: number;
  /** Verilog simulators to compare the TypeScript simulator with (default both). */
  readonly against?: readonly TestbenchSimulator[];
  /** Designs per Verilog compile. */
  readonly batch?: number;
  /** Shrink disagreements before reporting (default true). */
  readonly reduce?: boolean;
  /** Test hook: a deliberately wrong TypeScript operator. */
  readonly compile?: CompileOptions;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The first place two runs of one design differ. */
export interface Difference {
  readonly check: string; // 'ts vs icarus', 'ts vs verilator', 'verilator failed', 'pass const-fold', ...
  readonly cycle: number;
  readonly port: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface Disagreement {
  readonly index: number;
  readonly seed: number;
  readonly first: Difference;
  /** The Verilog simulators that agreed with the TypeScript simulator on this design (all cycles). */
  readonly agreeing: readonly TestbenchSimulator[];
  readonly cells: number;
  readonly reduced: {
    readonly spec: DesignSpec; readonly cells: number; readonly files: DesignFile[]; readonly first: Difference; readonly tries: number;
    /** Every simulator's value of the differing port in the differing cycle (the pass checks: before and after). */
    readonly values: Readonly<Record<string, string>>;
  } | null;
}

export interface FuzzResult {
  readonly designs: number;
  readonly cycles: number;
  readonly disagreements: Disagreement[];
  readonly seconds: number;
}

/** The seed of design i of a run (printed with any disagreement: `--seed S` and the index reproduce it). */
export const designSeed = (seed: number, i: number) => (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(i + 1, 0x85ebca77)) >>> 0;

/** Cells of a design: operator nodes, registers, memories and instances over all modules. */
export function cellCount(n: Netlist): number {
  return n.modules.reduce((s, m) => s + m.nodes.filter((x) => x.op !== 'const' && x.op !== 'sig').length
    + m.signals.filter((x) => x.kind === 'reg').length + m.mems.length + m.instances.length, 0);
}

interface Prepared {
  readonly spec: DesignSpec;
  readonly design: Netlist;
  readonly ports: readonly PortInfo[];
  readonly outputs: readonly PortInfo[];
  readonly values: StimulusValues;
  readonly files: DesignFile[];
}

function prepare(spec: DesignSpec, values: StimulusValues | null, r: () => number, cycles: number): Prepared {
  const design = elaborateSpec(spec);
  const ports = portsOf(design.top);
  return {
    spec, design, ports, outputs: ports.filter((p) => p.direction === 'output'),
    values: values ?? randomValues(r, ports, cycles), files: designFiles(design),
  };
}

const batchOf = (p: Prepared, cycles: number): BatchDesign => ({ top: p.design.top.name, files: p.files, ports: p.ports, stim: stimulusFor(p.ports, p.values, cycles) });

/** First difference between two traces from cycle `from`; values with unknown (x/z) digits are not compared. */
function diff(check: string, names: [string, string], a: Trace, b: Trace, outputs: readonly PortInfo[], from = 0): Difference | null {
  for (let c = from; c < a.length; c++) {
    for (let k = 0; k < outputs.length; k++) {
      const x = a[c]?.[k], y = b[c]?.[k];
      if (x === undefined || y === undefined) return { check, cycle: c, port: outputs[k]?.name ?? '?', values: { [names[0]]: x ?? 'nothing', [names[1]]: y ?? 'nothing' } };
      if (x === y || /[xz]/.test(x) || /[xz]/.test(y)) continue;
      return { check, cycle: c, port: outputs[k]!.name, values: { [names[0]]: x, [names[1]]: y } };
    }
  }
  return null;
}

/** The TypeScript simulator before and after each pass (and the whole pipeline). */
function passDifference(p: Prepared, cycles: number, ts: Trace, opts: CompileOptions): Difference | null {
  const stim = stimulusFor(p.ports, p.values, cycles);
  for (const [name, passes] of [...Object.entries(PASSES).map(([n, x]) => [n, [x]] as const), ['all', OPTIMIZE] as const]) {
    const after = runTs(runPasses(p.design, passes), p.outputs, stim, opts);
    const d = diff(`pass ${name}`, ['before', 'after'], ts, after, p.outputs);
    if (d) return d;
  }
  return null;
}

interface Found {
  first: Difference | null;
  readonly agreeing: TestbenchSimulator[];
}

/** Every comparison of every design of a batch: each Verilog simulator against the TypeScript one,
 *  then the passes; the first difference, and which simulators agreed throughout. */
async function differences(batch: readonly Prepared[], cycles: number, against: readonly TestbenchSimulator[], opts: CompileOptions): Promise<Found[]> {
  const ts = batch.map((p) => runTs(p.design, p.outputs, stimulusFor(p.ports, p.values, cycles), opts));
  const out: Found[] = batch.map(() => ({ first: null, agreeing: [] }));
  for (const sim of against) {
    const traces = await verilogTraces(sim, batch, cycles);
    // Icarus is four-state: before the reset has taken effect its registers are X.
    const from = sim === 'icarus' ? RESET_CYCLES : 0;
    batch.forEach((p, i) => {
      const t = traces[i]!;
      const d = typeof t === 'string' ? { check: `${sim} failed`, cycle: 0, port: '', values: { [sim]: t } } : diff(`ts vs ${sim}`, ['ts', sim], ts[i]!, t, p.outputs, from);
      if (d) out[i]!.first ??= d;
      else out[i]!.agreeing.push(sim);
    });
  }
  batch.forEach((p, i) => { out[i]!.first ??= passDifference(p, cycles, ts[i]!, opts); });
  return out;
}

/** Each design's trace, or the tool's error for a design the simulator cannot compile or run (a
 *  failing batch is split in halves until the designs that make it fail are alone). */
async function verilogTraces(sim: TestbenchSimulator, batch: readonly Prepared[], cycles: number): Promise<Array<Trace | string>> {
  let failure: ToolError | undefined;
  const traces = await withTempDir(`bitforge-fuzz-${sim}-`, async (dir) => {
    try {
      return await runVerilogBatch(sim, dir, batch.map((p) => batchOf(p, cycles)), cycles);
    } catch (e) {
      if (!(e instanceof ToolError) || /not found: run/.test(e.message)) throw e; // a missing tool is not a finding
      failure = e;
      return null;
    }
  });
  if (traces) return traces;
  if (batch.length === 1) return [failure!.message.replace(/ \(work dir [^)]*\)$/, '')];
  const half = Math.ceil(batch.length / 2);
  return [...await verilogTraces(sim, batch.slice(0, half), cycles), ...await verilogTraces(sim, batch.slice(half), cycles)];
}

export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const t0 = performance.now();
  const against = o.against ?? ['verilator', 'icarus'];
  const batchSize = o.batch ?? 250;
  const opts = o.compile ?? {};
  const disagreements: Disagreement[] = [];
  const from = o.from ?? 0, end = from + o.designs;
  for (let start = from; start < end; start += batchSize) {
    const batch: Prepared[] = [];
    for (let i = start; i < Math.min(end, start + batchSize); i++) {
      const r = seededRng(designSeed(o.seed, i));
      const spec = randomDesign(r, `fz${i}`);
      try {
        batch.push(prepare(spec, null, r, o.cycles));
      } catch (e) {
        // The generator promises well-formed designs: one that does not elaborate is a bug to report.
        const msg = e instanceof ElaborationError ? e.message.split('\n')[0]! : String(e);
        throw new Error(`fuzz design ${i} (seed ${o.seed}) did not elaborate: ${msg}`);
      }
    }
    const found = await differences(batch, o.cycles, against, opts);
    for (let k = 0; k < batch.length; k++) {
      const d = found[k]!.first;
      if (!d) continue;
      const p = batch[k]!;
      const index = start + k;
      const reduced = o.reduce === false ? null : await reduceOne(p, d, o.cycles, opts);
      disagreements.push({ index, seed: o.seed, first: d, agreeing: found[k]!.agreeing, cells: cellCount(p.design), reduced });
    }
    o.onProgress?.(Math.min(end, start + batchSize) - from, o.designs);
  }
  return { designs: o.designs, cycles: o.cycles, disagreements, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Shrinks one failing design, checking only the comparison that failed. A value difference is
 * checked for many candidates in one simulator batch (each renamed, so their modules do not clash);
 * a tool failure one candidate at a time, since one failing design fails its whole batch.
 */
async function reduceOne(p: Prepared, d: Difference, cycles: number, opts: CompileOptions): Promise<Disagreement['reduced']> {
  const sim = (/^ts vs (\w+)$/.exec(d.check)?.[1] ?? /^(\w+) failed$/.exec(d.check)?.[1] ?? null) as TestbenchSimulator | null;
  const batched = d.check.startsWith('ts vs ');
  const checkMany = async (specs: readonly DesignSpec[]): Promise<Array<Difference | null>> => {
    const qs = specs.map((spec, k) => {
      try { return prepare(specs.length > 1 ? { ...spec, name: `${spec.name}r${k}` } : spec, p.values, () => 0, cycles); } catch { return null; }
    });
    const ok = qs.filter((q): q is Prepared => q !== null);
    const found = ok.length ? await differences(ok, cycles, sim ? [sim] : [], opts) : [];
    let j = 0;
    return qs.map((q) => {
      if (!q) return null;
      const f = found[j++]!.first;
      return f && f.check === d.check && (!d.check.endsWith(' failed') || sameError(f, d)) ? f : null;
    });
  };
  const r = await reduceSpec(p.spec, async (specs) => (await checkMany(specs)).map((f) => f !== null), sim === 'verilator' ? 150 : 2000, batched ? 32 : 1);
  const q = prepare(r.spec, p.values, () => 0, cycles);
  const first = (await checkMany([r.spec]))[0] ?? d;
  const values = sim && first.check.startsWith('ts vs ') ? await allValues(q, cycles, first, opts) : first.values;
  return { spec: r.spec, cells: cellCount(q.design), files: q.files, first, tries: r.tries, values };
}

/** The same tool failure: the same message, line numbers aside (the reduced design is shorter). */
function sameError(a: Difference, b: Difference): boolean {
  const norm = (d: Difference) => Object.values(d.values).join(' ').replace(/\.v:\d+(:\d+)?/g, '.v').replace(/fz\d+_m\d+/g, 'fz');
  return norm(a) === norm(b);
}

/** The TypeScript simulator's, Verilator's and Icarus's value at one cycle and port. */
async function allValues(p: Prepared, cycles: number, at: Difference, opts: CompileOptions): Promise<Record<string, string>> {
  const k = p.outputs.findIndex((o) => o.name === at.port);
  const out: Record<string, string> = { ts: runTs(p.design, p.outputs, stimulusFor(p.ports, p.values, cycles), opts)[at.cycle]?.[k] ?? 'nothing' };
  for (const sim of ['verilator', 'icarus'] as const) {
    out[sim] = await withTempDir(`bitforge-fuzz-${sim}-`, async (dir) => {
      try {
        return (await runVerilogBatch(sim, dir, [batchOf(p, cycles)], cycles))[0]![at.cycle]?.[k] ?? 'nothing';
      } catch (e) {
        return `(${(e as Error).message.split('\n')[0]})`;
      }
    });
  }
  return out;
}
