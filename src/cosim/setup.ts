// Everything a cosimulation run needs to know about one block instance: its Verilog, its mode (from
// the handshake), the row layouts of its data ports and its golden model.

import { emitBlock, type BlockMetadata, type FmaxRequest } from '../codegen/emit-block.js';
import type { DesignFile, PortInfo } from '../codegen/design-files.js';
import { dataPorts, type TestbenchMode } from '../codegen/testbench.js';
import type { Netlist } from '../ir/netlist.js';
import type { CosimBlock, CosimModel } from './model.js';
import { rowLayout, type RowLayout } from './rows.js';
import { checkModel, ContractError } from './contract.js';

export interface CosimSetup {
  readonly block: CosimBlock;
  readonly params: Record<string, unknown>;
  readonly model: CosimModel<unknown>;
  readonly mode: TestbenchMode;
  readonly top: string;
  readonly ports: readonly PortInfo[];
  readonly files: readonly DesignFile[]; // Verilog, after the optional test transform
  readonly design: Netlist; // what the TypeScript simulator runs (the transform does not touch it)
  readonly designFiles: readonly string[]; // module file names, children first
  readonly ins: RowLayout;
  readonly outs: RowLayout;
  readonly latency: number;
  /** Upper bound on cycles per transaction (bit-serial blocks take many). */
  readonly maxInterval: number;
  readonly formats: Readonly<Record<string, string>>;
  /** With --fmax: what the pipelining gave. */
  readonly fmax?: BlockMetadata['fmax'];
}

const MODE = { combinational: 'comb', pipeline: 'pipeline', stream: 'stream', sequential: 'cycle' } as const;

export function setupCosim(block: CosimBlock, params: Record<string, unknown>, transformVerilog?: (path: string, content: string) => string, fmax?: FmaxRequest, topName?: string): CosimSetup {
  const model = block.cosim as CosimModel<unknown> | undefined;
  if (!model) throw new ContractError(`${block.name} has no golden model yet: nothing to cosimulate`);
  // With --fmax a block may choose stages of its own: the golden model follows the design emitted.
  const { files, design, metadata, params: emitted } = emitBlock(block, params, [], fmax, topName);
  const hs = metadata.handshake;
  const mode = MODE[hs.kind];
  if ((mode === 'cycle') !== (model.kind === 'cycle')) {
    throw new ContractError(`${block.name}: a ${hs.kind} block needs a ${mode === 'cycle' ? 'cycle' : 'transaction or packet'} model (cosim.kind), it has a ${model.kind} model`);
  }
  if (model.kind === 'packet' && mode !== 'stream') throw new ContractError(`${block.name}: a packet model needs a stream handshake, the block has ${hs.kind}`);
  const { ins, outs } = dataPorts(metadata.ports, mode);
  checkModel(block.name, model, emitted, ins, outs);
  const verilog = files.filter((f) => f.path.endsWith('.v'))
    .map((f) => (transformVerilog ? { ...f, content: transformVerilog(f.path, f.content) } : f));
  return {
    block, params: emitted, model, mode, top: design.top.name, ports: metadata.ports, files: verilog, design,
    designFiles: design.modules.map((m) => `${m.name}.v`), ins: rowLayout(ins), outs: rowLayout(outs),
    latency: hs.kind === 'pipeline' ? hs.latency : 0,
    maxInterval: hs.kind === 'stream' ? (hs.maxInterval ?? 1) : 1,
    formats: block.formats?.(emitted as never) ?? {},
    ...(metadata.fmax ? { fmax: metadata.fmax } : {}),
  };
}
