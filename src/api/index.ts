// `bitforge`: the programmatic API. The same steps as the CLI (emit, simulate, synthesize, sweep), on a
// catalogue name, a path to a block module, or a block object; a user mistake is a BitforgeError with
// the CLI's one-line message.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockDef } from '../blocks/block.js';
import { ContractError } from '../codegen/contract.js';
import { declaredHandshake } from '../codegen/declared-handshake.js';
import { emitBlock, type BlockMetadata } from '../codegen/emit-block.js';
import { simulate as runCosim, type Simulator } from '../cosim/run.js';
import { ElaborationError, formatDiagnostic } from '../dsl/index.js';
import { loadTensors, TensorDataError } from '../accuracy/tensors.js';
import type { SynthReport } from '../report/schema.js';
import { runPool, type PoolResult } from '../synth/pool.js';
import { synthesize as runSynth } from '../synth/run.js';
import type { Target } from '../synth/targets.js';
import type { WrapperMode } from '../synth/pin-wrapper.js';
import { BlockLoadError } from '../userblock/load.js';
import { blockShapeProblem } from '../userblock/shape.js';
import { issueText } from '../util/issue-text.js';

export * from './block.js';

// Source maps on before the catalogue loads (it is imported lazily below, as cli/main.ts loads the CLI):
// the blocks' `// file:line` comments in the Verilog then name the same .ts lines as the CLI's, so the
// API emits the CLI's bytes and shares its synthesis cache entries.
process.setSourceMapsEnabled(true);
const resolveBlock = async (ref: string) => (await import('../userblock/resolve.js')).resolveBlock(ref);

/** A mistake in what was asked (block, parameters, contract, design): the message is the CLI's line. */
export class BitforgeError extends Error {
  override readonly name = 'BitforgeError';
}

export type BlockRef = string | BlockDef;

/** A block from a catalogue name, a module path or an object, and its parameters validated with defaults. */
export async function prepare(ref: BlockRef, params: Record<string, unknown> = {}): Promise<{ block: BlockDef; params: Record<string, unknown> }> {
  const block = await translate(async () => {
    if (typeof ref === 'string') return resolveBlock(ref);
    const problem = blockShapeProblem(ref);
    if (problem) throw new BitforgeError(problem);
    return (ref as Partial<BlockDef>).handshake ? ref : { ...ref, handshake: declaredHandshake(ref.name, ref.generator) };
  });
  const r = block.params.safeParse(params);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const key = issue.path.length ? String(issue.path[0]) : undefined;
    throw new BitforgeError(`${key ?? block.name}: ${issueText(issue, key !== undefined ? params[key] : undefined)} (${block.name})`);
  }
  return { block, params: r.data as Record<string, unknown> };
}

/** Known mistakes become BitforgeErrors with their one line; anything else is a bug and propagates. */
async function translate<T>(f: () => Promise<T> | T): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const { SweepSpecError } = await import('../sweep/spec.js');
    if (e instanceof BlockLoadError || e instanceof ContractError || e instanceof SweepSpecError || e instanceof TensorDataError) throw new BitforgeError(e.message);
    if (e instanceof ElaborationError) throw new BitforgeError(e.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    throw e;
  }
}

/** The block a catalogue name or a module path names (a user's .ts is loaded without a build step). */
export async function loadBlock(ref: string): Promise<BlockDef> {
  return translate(() => resolveBlock(ref));
}

export interface EmitResult {
  readonly top: string;
  /** Verilog files and the metadata JSON, by path. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
  readonly metadata: BlockMetadata;
}

export async function emit(ref: BlockRef, params: Record<string, unknown> = {}): Promise<EmitResult> {
  const p = await prepare(ref, params);
  return translate(() => {
    const { files, design, metadata } = emitBlock(p.block, p.params);
    return { top: design.top.name, files, metadata };
  });
}

export interface SimulateOptions {
  /** 'verilator' (default), 'icarus', or 'ts' (bitforge's own simulator: no C++ compiler needed). */
  readonly simulator?: Simulator;
  /** Random vectors (default: exhaustive when the input space is at most 2^20, else 10,000). */
  readonly vectors?: number;
  readonly seed?: number;
}

export interface SimulateResult {
  readonly passed: number;
  readonly failed: number;
  readonly vectors: number;
  /** How the vectors were chosen, e.g. `exhaustive (2^8) + 4 directed`. */
  readonly source: string;
  readonly seed: number;
  /** The first mismatch, when there is one: inputs, expected and got, one line each. */
  readonly mismatch: readonly string[];
}

export async function simulate(ref: BlockRef, params: Record<string, unknown> = {}, o: SimulateOptions = {}): Promise<SimulateResult> {
  const p = await prepare(ref, params);
  if (!p.block.cosim) throw new BitforgeError(`${p.block.name} has no golden model (cosim): nothing to simulate`);
  const seed = o.seed ?? 1;
  const dir = mkdtempSync(join(tmpdir(), 'bitforge-api-sim-'));
  try {
    const r = await translate(() => runCosim(p.block, p.params, o.simulator ?? 'verilator', { seed, outDir: dir, ...(o.vectors !== undefined ? { vectors: o.vectors } : {}) }));
    return { passed: r.passed, failed: r.failed, vectors: r.vectors, source: r.source, seed, mismatch: r.report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SynthesizeOptions {
  readonly target?: Target;
  readonly wrapper?: WrapperMode;
  /** Pipeline to this frequency on the target first. */
  readonly fmaxMHz?: number;
}

export async function synthesize(ref: BlockRef, params: Record<string, unknown> = {}, o: SynthesizeOptions = {}): Promise<SynthReport> {
  const p = await prepare(ref, params);
  const { cached: _cached, ...report } = await translate(() => runSynth(p.block, p.params, { target: o.target ?? 'xc7', wrapper: o.wrapper ?? 'always', ...(o.fmaxMHz !== undefined ? { fmaxMHz: o.fmaxMHz } : {}) }));
  return report;
}

export interface SweepResult extends PoolResult {
  readonly name: string;
}

/** A sweep spec file (JSON; its blocks may be module paths, relative to the spec): every configuration synthesized, with accuracy when the spec names data. */
export async function sweep(specFile: string, o: { jobs?: number; data?: string } = {}): Promise<SweepResult> {
  const { loadSweepSpec } = await import('../sweep/spec.js');
  const { withAccuracy } = await import('../sweep/accuracy.js');
  const plan = await translate(() => loadSweepSpec(specFile, 'sweep'));
  const dataDir = o.data ?? plan.accuracyData;
  const data = dataDir ? await translate(() => loadTensors(dataDir)) : undefined;
  const jobs = plan.configs.map((c) => ({ block: c.block, params: c.params, options: { target: c.target, wrapper: plan.wrapper, ...(plan.timeoutMs ? { timeoutMs: plan.timeoutMs } : {}), ...(c.fmaxMHz !== undefined ? { fmaxMHz: c.fmaxMHz } : {}) } }));
  const r = await runPool(jobs, o.jobs ?? cpus().length);
  return { name: plan.name, reports: data ? withAccuracy(r.reports, data) : r.reports, failures: r.failures };
}
