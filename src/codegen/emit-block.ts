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
  readonly fmax?: { readonly requestedMHz: number; readonly latency: number; readonly estimatedMHz: number; readonly floorMHz: number; readonly loopMHz: number | null };
}

/** Validated parameters in; throws ElaborationError if the design has errors. `passes` run on the IR first. */
export function emitBlock(block: EmittableBlock, params: Record<string, unknown>, passes: readonly Pass[] = [], fmax?: FmaxRequest): EmittedBlock {
  const base = fmax ? block.fmaxBase?.(params) ?? 'it has no combinational form to pipeline' : params;
  if (typeof base === 'string') throw new PipelineError(`${block.name} cannot be pipelined to a frequency: ${base}`);
  const elaborated = elaborate(block.generator, base);
  let design: Design = passes.length ? { ...runPasses(elaborated, passes), warnings: elaborated.warnings } : elaborated;
  let pipeline: EmittedBlock['pipeline'];
  let handshake = block.handshake(params);
  if (fmax) {
    const { netlist, ...rest } = pipelineNetlist(design, 1000 / fmax.mhz, fmax.fabric);
    verifyNetlist(netlist);
    design = { ...netlist, warnings: design.warnings };
    pipeline = rest;
    // The pipelined design is the base one delayed by `latency` cycles, outputs and out_valid alike.
    const was = block.handshake(base);
    if (was.kind === 'pipeline') handshake = { kind: 'pipeline', latency: was.latency + rest.latency };
    else if (was.kind === 'combinational') handshake = rest.latency ? { kind: 'pipeline', latency: rest.latency } : was;
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
    ...(fmax && pipeline ? { fmax: { requestedMHz: fmax.mhz, latency: pipeline.latency, estimatedMHz: mhz(pipeline.stageNs), floorMHz: mhz(pipeline.floorNs), loopMHz: pipeline.loopNs === null ? null : mhz(pipeline.loopNs) } } : {}),
  };
  files.push({ path: `${design.top.name}.json`, content: JSON.stringify(metadata, null, 2) + '\n' });
  return { design, files, metadata, ...(pipeline ? { pipeline } : {}) };
}

const mhz = (ns: number) => Math.round(100_000 / ns) / 100;
