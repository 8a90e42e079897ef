// A block with concrete parameters → its Verilog files and the metadata JSON beside the top. Takes
// any object with a generator and a handshake (blocks' BlockDef is one), so the layers above codegen
// (cosim, synth) emit blocks without importing the catalogue.

import { elaborate, formatDiagnostic, type Design, type ModuleGenerator } from '../dsl/index.js';
import { paramSignature } from '../dsl/module-name.js';
import { designFiles, portsOf, type DesignFile } from './design-files.js';
import type { Handshake } from './handshake.js';
import { runPasses, type Pass } from '../ir/passes/index.js';
import { PipelineError, pipelineNetlist, type PipelineResult } from '../ir/passes/pipeline.js';
import type { FabricDelays } from '../ir/delay.js';
import { verifyNetlist } from '../ir/verify.js';

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
}

/**
 * What `--fmax` does with a block: pipeline the base design (`fmaxBase`), or, for a sequential or
 * streaming block without one, keep its registers where its cycle model puts them and report the
 * bound they set: a register added on any of its paths would change what it does cycle by cycle.
 * A string: why it cannot take a frequency.
 */
export type FmaxPlan = { readonly base: Record<string, unknown>; readonly keepsRegisters: boolean } | string;

export function fmaxPlan(block: EmittableBlock, params: Record<string, unknown>): FmaxPlan {
  if (block.fmaxBase) {
    const base = block.fmaxBase(params);
    return typeof base === 'string' ? base : { base, keepsRegisters: false };
  }
  const kind = block.handshake(params).kind;
  return kind === 'sequential' || kind === 'stream' ? { base: params, keepsRegisters: true } : 'it has no combinational form to pipeline';
}

/** Pipelining to a frequency: the target's fabric delays, and what came of it. */
export interface FmaxRequest {
  readonly mhz: number;
  readonly fabric: FabricDelays;
}

export interface EmittedBlock {
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
  };
}

/** Validated parameters in; throws ElaborationError if the design has errors. `passes` run on the IR first. */
export function emitBlock(block: EmittableBlock, params: Record<string, unknown>, passes: readonly Pass[] = [], fmax?: FmaxRequest): EmittedBlock {
  const plan: FmaxPlan = fmax ? fmaxPlan(block, params) : { base: params, keepsRegisters: false };
  if (typeof plan === 'string') throw new PipelineError(`${block.name} cannot be pipelined to a frequency: ${plan}`);
  const base = plan.base;
  const elaborated = elaborate(block.generator, base);
  let design: Design = passes.length ? { ...runPasses(elaborated, passes), warnings: elaborated.warnings } : elaborated;
  let pipeline: EmittedBlock['pipeline'];
  let handshake = block.handshake(params);
  if (fmax) {
    // Kept registers: the pass only times the design (no period is too long for it, nothing moves).
    const { netlist, ...rest } = pipelineNetlist(design, plan.keepsRegisters ? Infinity : 1000 / fmax.mhz, fmax.fabric);
    verifyNetlist(netlist);
    design = { ...netlist, warnings: design.warnings };
    pipeline = rest;
    // The pipelined design is the base one delayed by `latency` cycles, outputs and out_valid alike.
    const was = block.handshake(base);
    if (rest.latency === 0) handshake = was;
    else if (was.kind === 'pipeline') handshake = { kind: 'pipeline', latency: was.latency + rest.latency };
    else if (was.kind === 'combinational') handshake = { kind: 'pipeline', latency: rest.latency };
    else throw new PipelineError(`${block.name}: a ${was.kind} block cannot take added latency (its handshake is not a fixed-latency pipeline)`);
  }
  const files = designFiles(design);
  const metadata: BlockMetadata = {
    block: block.name,
    module: design.top.name,
    params: JSON.parse(paramSignature(params)) as Record<string, unknown>, // sorted keys: stable bytes
    ports: portsOf(design.top),
    handshake,
    golden: block.golden ?? null,
    files: design.modules.map((m) => `${m.name}.v`),
    warnings: design.warnings.map(formatDiagnostic),
    ...(fmax && pipeline ? {
      fmax: {
        requestedMHz: fmax.mhz, latency: pipeline.latency, estimatedMHz: mhz(pipeline.stageNs), floorMHz: mhz(pipeline.floorNs), loopMHz: pipeline.loopNs === null ? null : mhz(pipeline.loopNs),
        ...(plan.keepsRegisters ? { keptRegisters: true as const } : {}),
      },
    } : {}),
  };
  files.push({ path: `${design.top.name}.json`, content: JSON.stringify(metadata, null, 2) + '\n' });
  return { design, files, metadata, ...(pipeline ? { pipeline } : {}) };
}

const mhz = (ns: number) => Math.round(100_000 / ns) / 100;
