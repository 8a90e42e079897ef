// A block with concrete parameters → its Verilog files and the metadata JSON beside the top. Takes
// any object with a generator and a handshake (blocks' BlockDef is one), so the layers above codegen
// (cosim, synth) emit blocks without importing the catalogue.

import { elaborate, formatDiagnostic, type Design, type ModuleGenerator } from '../dsl/index.js';
import { paramSignature } from '../dsl/module-name.js';
import { designFiles, portsOf, type DesignFile } from './design-files.js';
import type { Handshake } from './handshake.js';
import { checkHandshake, checkHandshakePorts, ContractError } from './contract.js';
import { runPasses, type Pass } from '../ir/passes/index.js';
import { PipelineError, pipelineNetlist, type PipelineResult } from '../ir/passes/pipeline.js';
import type { FabricDelays } from '../ir/delay.js';
import { verifyNetlist } from '../ir/verify.js';
import { isLegalName, sanitize } from '../ir/names.js';
import { readableTopName, type ParamSchema } from './top-name.js';
import type { IrModule } from '../ir/netlist.js';

/** What emitting needs of a block. */
export interface EmittableBlock {
  readonly name: string;
  readonly generator: ModuleGenerator<any>;
  handshake(p: any): Handshake;
  readonly golden?: string;
  /**
   * Blocks `--fmax` can pipeline: the parameters of the combinational design to pipeline (the block's
   * own stages off). Its golden model must not depend on the parameters this changes.
   */
  readonly fmaxBase?: (p: any) => Record<string, unknown> | string;
  /**
   * Sequential or streaming blocks that place stages of their own (their cycle models know them): the
   * parameter sets `--fmax` chooses among, fewest registers first, or why not with these parameters.
   */
  readonly fmaxDepths?: (p: any) => Array<Record<string, unknown>> | string;
  /** The parameter schema: its defaults name the top module (top-name.ts). */
  readonly params?: ParamSchema;
}

/**
 * What `--fmax` does with a block, trying `candidates` in order:
 * - 'pipeline': the IR pass pipelines the one base design (`fmaxBase`);
 * - 'depths': the block's own stages (`fmaxDepths`): the first candidate the IR model times within the
 *   period, or the fastest;
 * - 'kept': a sequential or streaming block without either keeps its registers where its cycle model
 *   puts them, and is timed: a register added on any of its paths would change what it does.
 * A string: why it cannot take a frequency.
 */
export type FmaxPlan = { readonly how: 'pipeline' | 'depths' | 'kept'; readonly candidates: ReadonlyArray<Record<string, unknown>> } | string;

export function fmaxPlan(block: EmittableBlock, params: Record<string, unknown>): FmaxPlan {
  const own = block.fmaxBase ? block.fmaxBase(params) : block.fmaxDepths?.(params);
  if (typeof own === 'string') return own;
  if (own) return Array.isArray(own) ? { how: 'depths', candidates: own } : { how: 'pipeline', candidates: [own] };
  const kind = block.handshake(params).kind;
  return kind === 'sequential' || kind === 'stream' ? { how: 'kept', candidates: [params] } : 'it has no combinational form to pipeline';
}

/** Whether a block takes `--fmax` at all (with some parameters): the CLI and sweep specs word their errors by it. */
export const takesFmax = (block: EmittableBlock) => block.fmaxBase !== undefined || block.fmaxDepths !== undefined;

/** The parameters `--fmax` sets: a user who sets one of them too asks for two pipelinings. */
export function fmaxSets(plan: Exclude<FmaxPlan, string>, params: Record<string, unknown>): string[] {
  return [...new Set(plan.candidates.flatMap((c) => Object.keys(c).filter((k) => c[k] !== params[k])))];
}

/** Pipelining to a frequency: the target's fabric delays, and what came of it. */
export interface FmaxRequest {
  readonly mhz: number;
  readonly fabric: FabricDelays;
  /**
   * The share of the period kept back from the model's stages (the fabric's `derate` unless given):
   * a larger margin pipelines deeper, for when place and route lands slower than the model says.
   */
  readonly margin?: number;
}

export interface EmittedBlock {
  /** The parameters of the design emitted: the block's own stages --fmax chose included. */
  readonly params: Record<string, unknown>;
  readonly design: Design;
  readonly files: DesignFile[];
  readonly metadata: BlockMetadata;
  /** With --fmax: the stages the pipelining placed and its estimate. */
  readonly pipeline?: Omit<PipelineResult, 'netlist'>;
}

export interface BlockMetadata {
  readonly block: string;
  readonly module: string;
  readonly params: Record<string, unknown>;
  readonly ports: ReturnType<typeof portsOf>;
  readonly handshake: Handshake;
  readonly golden: string | null;
  readonly files: string[];
  readonly warnings: string[];
  /** With --fmax: the requested frequency and the model's estimate of the result. */
  readonly fmax?: {
    readonly requestedMHz: number; readonly latency: number; readonly estimatedMHz: number; readonly floorMHz: number; readonly loopMHz: number | null;
    /** A sequential or streaming block's registers stay where its cycle model puts them: the estimate is its bound. */
    readonly keptRegisters?: true;
    /** The block's own stage parameters --fmax chose (`latency` is the cycles they add: for a stream, to its bound per transaction). */
    readonly chose?: Record<string, unknown>;
    /** Long pipeline register chains carried in block RAM instead (the target's fabric offers it): blocks, register bits replaced. */
    readonly delayRam?: { readonly blocks: number; readonly bits: number };
    /** The margin asked for (--fmax-margin), when not the target's own. */
    readonly margin?: number;
  };
}

/** Validated parameters in; throws ElaborationError if the design has errors. `passes` run on the IR first. */
export function emitBlock(block: EmittableBlock, params: Record<string, unknown>, passes: readonly Pass[] = [], fmax?: FmaxRequest, topName?: string): EmittedBlock {
  const plan: FmaxPlan = fmax ? fmaxPlan(block, params) : { how: 'kept', candidates: [params] };
  if (typeof plan === 'string') throw new PipelineError(`${block.name} cannot be pipelined to a frequency: ${plan}`);
  const build = (p: Record<string, unknown>): Design => {
    const elaborated = elaborate(block.generator, p);
    return passes.length ? { ...runPasses(elaborated, passes), warnings: elaborated.warnings } : elaborated;
  };
  let chosen = plan.candidates[0]!;
  let design = build(chosen);
  let pipeline: EmittedBlock['pipeline'];
  const handshakeOf = (p: Record<string, unknown>) => {
    let h: unknown;
    try {
      h = block.handshake(p);
    } catch (e) {
      throw new ContractError(`${block.name}: handshake(params) threw ${(e as Error).name ?? 'an error'}: ${(e as Error).message ?? String(e)}`);
    }
    return checkHandshake(block.name, h);
  };
  let handshake = handshakeOf(plan.how === 'pipeline' ? params : chosen);
  // A handshake given by the block and one declared by its interfaces must be the same.
  const declared = design.top.declared;
  if (!fmax && declared && JSON.stringify(declared) !== JSON.stringify(handshake)) {
    throw new ContractError(`${block.name}: handshake(params) gives ${JSON.stringify(handshake)}, but the module's interfaces declare ${JSON.stringify(declared)}: leave handshake out (it follows from the interfaces) or make them agree`);
  }
  if (fmax?.margin !== undefined) fmax = { ...fmax, fabric: { ...fmax.fabric, derate: fmax.margin } };
  if (fmax) {
    const periodNs = 1000 / fmax.mhz;
    // Only the IR pass moves registers; the others are timed as they are (an infinite period).
    let timed = pipelineNetlist(design, plan.how === 'pipeline' ? periodNs : Infinity, fmax.fabric);
    if (plan.how === 'depths') {
      // Fewest registers first: the first within the period (with the pass's margin), else the fastest.
      const within = (t: PipelineResult) => t.stageNs <= periodNs * (1 - fmax.fabric.derate);
      for (const c of plan.candidates.slice(1)) {
        if (within(timed)) break;
        const d = build(c), t = pipelineNetlist(d, Infinity, fmax.fabric);
        if (t.stageNs < timed.stageNs) [chosen, design, timed] = [c, d, t];
      }
      handshake = handshakeOf(chosen);
    }
    const { netlist, ...rest } = timed;
    verifyNetlist(netlist);
    design = { ...netlist, warnings: design.warnings };
    pipeline = rest;
    if (plan.how === 'depths') pipeline = { ...rest, latency: fixedLatency(handshake) - fixedLatency(handshakeOf(plan.candidates[0]!)) };
    else if (plan.how === 'pipeline') {
      // The pipelined design is the base one delayed by `latency` cycles, outputs and out_valid alike.
      const was = handshakeOf(chosen);
      if (rest.latency === 0) handshake = was;
      else if (was.kind === 'pipeline') handshake = { kind: 'pipeline', latency: was.latency + rest.latency };
      else if (was.kind === 'combinational') handshake = { kind: 'pipeline', latency: rest.latency };
      else throw new PipelineError(`${block.name}: a ${was.kind} block cannot take added latency (its handshake is not a fixed-latency pipeline)`);
    }
  }
  const emitted = plan.how === 'depths' ? chosen : params;
  if (topName !== undefined) design = renameTop(design, topName);
  else {
    // The hardware's own parameters name it: elaborated again without each non-default one that might not matter.
    const unpipelined = fmax ? () => build(emitted) : () => design;
    const readable = readableTopName(sanitize(block.generator.name), block.params, emitted, unpipelined, build);
    if (readable !== undefined && topNameProblem(design, readable) === undefined) design = renameTop(design, readable);
  }
  checkHandshakePorts(block.name, handshake.kind, portsOf(design.top));
  const files = designFiles(design);
  const metadata: BlockMetadata = {
    block: block.name,
    module: design.top.name,
    params: JSON.parse(paramSignature(emitted)) as Record<string, unknown>, // sorted keys: stable bytes
    ports: portsOf(design.top),
    handshake,
    golden: block.golden ?? null,
    files: design.modules.map((m) => `${m.name}.v`),
    warnings: design.warnings.map(formatDiagnostic),
    ...(fmax && pipeline ? {
      fmax: {
        requestedMHz: fmax.mhz, latency: pipeline.latency, estimatedMHz: mhz(pipeline.stageNs), floorMHz: mhz(pipeline.floorNs), loopMHz: pipeline.loopNs === null ? null : mhz(pipeline.loopNs),
        ...(plan.how === 'kept' ? { keptRegisters: true as const } : {}),
        ...(plan.how === 'depths' ? { chose: Object.fromEntries(varying(plan.candidates).map((k) => [k, chosen[k]])) } : {}),
        ...(pipeline.delayRam ? { delayRam: pipeline.delayRam } : {}),
        ...(fmax.margin !== undefined ? { margin: fmax.margin } : {}),
      },
    } : {}),
  };
  files.push({ path: `${design.top.name}.json`, content: JSON.stringify(metadata, null, 2) + '\n' });
  return { params: emitted, design, files, metadata, ...(pipeline ? { pipeline } : {}) };
}

/** The parameters that differ between candidates: what a choice among them sets. */
const varying = (cs: ReadonlyArray<Record<string, unknown>>) => [...new Set(cs.flatMap((c) => Object.keys(c)))].filter((k) => cs.some((c) => c[k] !== cs[0]![k]));

/** Cycles a handshake states beyond the transaction itself: a stream's are its bound per transaction (0 where it has none). */
const fixedLatency = (h: Handshake) => (h.kind === 'pipeline' ? h.latency : h.kind === 'sequential' ? (h.latency ?? 0) : h.kind === 'stream' ? (h.maxInterval ?? 0) : 0);

const mhz = (ns: number) => Math.round(100_000 / ns) / 100;

/** The name the user gives the top module (--name), checked like any Verilog identifier. */
export class TopNameError extends Error {}

/** Why the top module cannot be called `name`, or undefined (its own name is always fine). */
function topNameProblem(design: Design, name: string): string | undefined {
  const top = design.top;
  if (name === top.name) return undefined;
  if (!isLegalName(name)) return `'${name}' is not a Verilog module name (letters, digits, _ and $, not starting with a digit, not a keyword)`;
  if (design.modules.some((m) => m !== top && m.name === name)) return `'${name}' is already the name of a module inside the design`;
  if (top.names.includes(name)) return `'${name}' is already a signal or instance name inside the top module`;
  return undefined;
}

function renameTop(design: Design, name: string): Design {
  const top = design.top;
  if (name === top.name) return design;
  const problem = topNameProblem(design, name);
  if (problem) throw new TopNameError(problem);
  const renamed: IrModule = Object.freeze({ ...top, name, names: Object.freeze(top.names.map((n) => (n === top.name ? name : n))) });
  return Object.freeze({ ...design, top: renamed, modules: Object.freeze(design.modules.map((m) => (m === top ? renamed : m))) });
}
