// A block with concrete parameters → its Verilog files and the metadata JSON beside the top. Takes
// any object with a generator and a handshake (blocks' BlockDef is one), so the layers above codegen
// (cosim, synth) emit blocks without importing the catalogue.

import { elaborate, formatDiagnostic, type Design, type ModuleGenerator } from '../dsl/index.js';
import { paramSignature } from '../dsl/module-name.js';
import { designFiles, portsOf, type DesignFile } from './design-files.js';
import type { Handshake } from './handshake.js';
import { runPasses, type Pass } from '../ir/passes/index.js';

/** What emitting needs of a block. */
export interface EmittableBlock {
  readonly name: string;
  readonly generator: ModuleGenerator<any>;
  handshake(p: any): Handshake;
  readonly golden?: string;
}

export interface EmittedBlock {
  readonly design: Design;
  readonly files: DesignFile[];
  readonly metadata: BlockMetadata;
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
}

/** Validated parameters in; throws ElaborationError if the design has errors. `passes` run on the IR first. */
export function emitBlock(block: EmittableBlock, params: Record<string, unknown>, passes: readonly Pass[] = []): EmittedBlock {
  const elaborated = elaborate(block.generator, params);
  const design: Design = passes.length ? { ...runPasses(elaborated, passes), warnings: elaborated.warnings } : elaborated;
  const files = designFiles(design);
  const metadata: BlockMetadata = {
    block: block.name,
    module: design.top.name,
    params: JSON.parse(paramSignature(params)) as Record<string, unknown>, // sorted keys: stable bytes
    ports: portsOf(design.top),
    handshake: block.handshake(params),
    golden: block.golden ?? null,
    files: design.modules.map((m) => `${m.name}.v`),
    warnings: design.warnings.map(formatDiagnostic),
  };
  files.push({ path: `${design.top.name}.json`, content: JSON.stringify(metadata, null, 2) + '\n' });
  return { design, files, metadata };
}
