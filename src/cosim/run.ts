// `bitforge sim`: a block instance → vectors → the chosen engine → a decoded verdict, and on a
// mismatch a replay with its waveform.

import type { FmaxRequest } from '../codegen/emit-block.js';
import { describeVector } from './describe.js';
import type { CosimBlock } from './model.js';
import { runInProcess } from './in-process.js';
import { writeReplay, type Replay } from './replay.js';
import type { EngineResult, Progress } from './result.js';
import { setupCosim, type CosimSetup } from './setup.js';
import { runTestbenchEngine } from './testbench-run.js';
import { vectorSource } from './vectors.js';

/** verilator: in-process harness; ts: the TypeScript simulator of the IR, in process; icarus: the
 *  Verilog testbench; verilator-tb: that testbench under Verilator --binary. */
export type Simulator = 'verilator' | 'ts' | 'icarus' | 'verilator-tb';
export const SIMULATORS: readonly Simulator[] = ['verilator', 'ts', 'icarus', 'verilator-tb'];

export interface CosimOptions {
  readonly vectors?: number; // random vectors (default: exhaustive when the space is ≤ 2^20, else 10,000)
  readonly seed: number;
  readonly outDir: string; // testbench and replay files
  readonly onProgress?: Progress;
  /** Test hook: rewrite an emitted Verilog file before simulation (e.g. to mutate an operator). */
  readonly transformVerilog?: (path: string, content: string) => string;
  /** Pipeline the block to a frequency first (--fmax): checked at the latency the pipelining gives. */
  readonly fmax?: FmaxRequest;
}

export interface SimResult extends EngineResult {
  readonly source: string;
  readonly total: number;
  readonly seconds: number;
  /** Decoded report of the first mismatch: which vector, its inputs, expected and got. */
  readonly report: string[];
  readonly replay?: Replay;
  /** With --fmax: what the pipelining gave. */
  readonly fmax?: CosimSetup['fmax'];
}

export async function simulate(block: CosimBlock, params: Record<string, unknown>, sim: Simulator, o: CosimOptions): Promise<SimResult> {
  const t0 = performance.now();
  const s = setupCosim(block, params, o.transformVerilog, o.fmax);
  const src = vectorSource(s, { seed: o.seed, ...(o.vectors !== undefined ? { vectors: o.vectors } : {}) });
  const r = sim === 'verilator' || sim === 'ts' ? await runInProcess(s, src, o.onProgress, sim) : await runTestbenchEngine(s, src, sim === 'icarus' ? 'icarus' : 'verilator', o.outDir);
  const seconds = (performance.now() - t0) / 1000;
  const report: string[] = [];
  let replay: Replay | undefined;
  if (r.mismatch) {
    const m = r.mismatch;
    if (m.packet) {
      report.push(`MISMATCH at output ${m.index}: beat ${m.packet.beat} of packet ${m.packet.index} (${m.packet.inputs} input beats from input ${m.packet.firstInput})`);
      report.push(`  first input: ${describeVector(s.ins.ports, m.inputs, s.formats)}`);
    } else {
      report.push(`MISMATCH at ${s.mode === 'cycle' ? 'cycle' : 'transaction'} ${m.index}`);
      report.push(`  inputs:   ${describeVector(s.ins.ports, m.inputs, s.formats)}`);
    }
    report.push(`  expected: ${m.expected ? describeVector(s.outs.ports, m.expected, s.formats) : '(not checked)'}`);
    report.push(`  got:      ${m.got ? describeVector(s.outs.ports, m.got, s.formats) : `nothing: ${m.note ?? 'no output'}`}`);
    replay = await writeReplay(s, src, m, o.outDir);
  }
  return { ...r, source: src.source, total: src.total, seconds, report, ...(replay ? { replay } : {}), ...(s.fmax ? { fmax: s.fmax } : {}) };
}
