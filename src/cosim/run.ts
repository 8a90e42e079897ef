// `bitforge sim` / `bitforge tb`: stimulus → golden model → self-checking testbench → simulator.

import { join } from 'node:path';
import type { BlockDef } from '../blocks/block.js';
import { emitBlock } from '../blocks/emit-block.js';
import { dataPorts, pack, testbenchFiles, unpack, type TestbenchSpec } from '../codegen/testbench.js';
import { writeFiles } from '../cli/write-files.js';
import { seededRng, type Vector } from './model.js';
import { runTestbench, type Simulator } from './simulators.js';

export interface CosimOptions {
  readonly vectors?: number; // random vectors when the space is too big (default 10,000)
  readonly seed: number;
  readonly outDir: string;
  /** Test hook: rewrite an emitted Verilog file before simulation (e.g. to mutate an operator). */
  readonly transformVerilog?: (path: string, content: string) => string;
}

export interface Prepared {
  readonly spec: TestbenchSpec;
  readonly designFiles: string[];
  readonly source: string; // how the vectors were chosen
}

/** Builds the vectors (directed, then exhaustive when the input space is ≤ 2^20, else seeded random). */
export function prepare(block: BlockDef, params: Record<string, unknown>, o: CosimOptions): Prepared {
  const model = block.cosim;
  if (!model) throw new Error(`${block.name} has no golden model yet`);
  const { files, design, metadata } = emitBlock(block, params);
  const stim = model.stimulus(params as never);
  const rng = seededRng(o.seed);
  const vecs: Vector[] = [...stim.directed];
  let source: string;
  if (stim.spaceBits <= 20 && o.vectors === undefined) {
    for (let i = 0; i < 2 ** stim.spaceBits; i++) vecs.push(stim.exhaustive(i));
    source = `exhaustive (2^${stim.spaceBits}) + ${stim.directed.length} directed`;
  } else {
    const n = o.vectors ?? 10_000;
    for (let i = 0; i < n; i++) vecs.push(stim.random(rng));
    source = `${n} random (seed ${o.seed}) + ${stim.directed.length} directed`;
  }
  const kind = model.kind;
  const { ins, outs } = dataPorts(metadata.ports, kind);
  let expected: Array<bigint | null>;
  if (model.kind === 'transaction') expected = vecs.map((v) => pack(outs, model.golden(params as never, v)));
  else {
    const m = model.create(params as never);
    expected = vecs.map((v) => { const out = m.step(v); return out ? pack(outs, out) : null; });
  }
  const latency = metadata.handshake.kind === 'pipeline' ? metadata.handshake.latency : 0;
  const gaps = kind === 'transaction' ? vecs.map(() => (rng() < 0.2 ? 1 + Math.floor(rng() * 3) : 0)) : undefined;
  const spec: TestbenchSpec = {
    top: design.top.name, ports: metadata.ports, kind, inputs: vecs.map((v) => pack(ins, v)), expected,
    ...(gaps ? { gaps } : {}), timeoutCycles: 4 * vecs.length + 4 * latency + 100,
  };
  const verilog = o.transformVerilog ? files.map((f) => (f.path.endsWith('.v') ? { ...f, content: o.transformVerilog!(f.path, f.content) } : f)) : files;
  writeFiles(o.outDir, [...verilog, ...testbenchFiles(spec)]);
  return { spec, designFiles: design.modules.map((m) => `${m.name}.v`), source };
}

export interface SimResult {
  readonly passed: number;
  readonly failed: number;
  readonly report: string[]; // decoded mismatch lines
  readonly cached: boolean; // Verilator build reused from the cache
  /** On a mismatch: the short replay (replay.v + replay_*.hex), its VCD, and whether it reproduced the failure. */
  readonly replay?: { readonly files: string[]; readonly vcd: string; readonly reproduced: boolean };
}

/** The failing transaction with up to 8 before it (pipeline context), or every cycle up to it. */
async function writeReplay(prep: Prepared, failing: number, o: CosimOptions): Promise<NonNullable<SimResult['replay']>> {
  const s = prep.spec;
  const from = s.kind === 'transaction' ? Math.max(0, failing - 8) : 0;
  const spec: TestbenchSpec = {
    ...s, stem: 'replay', vcd: true,
    inputs: s.inputs.slice(from, failing + 1), expected: s.expected.slice(from, failing + 1),
    ...(s.gaps ? { gaps: s.gaps.slice(from, failing + 1) } : {}),
    timeoutCycles: 4 * (failing + 1 - from) + 200,
  };
  const files = testbenchFiles(spec);
  writeFiles(o.outDir, files);
  const out = (await runTestbench('icarus', o.outDir, prep.designFiles, 600_000, 'replay')).stdout;
  return { files: files.map((f) => join(o.outDir, f.path)), vcd: join(o.outDir, 'replay.vcd'), reproduced: /MISMATCH/.test(out) };
}

export async function simulate(block: BlockDef, params: Record<string, unknown>, sim: Simulator, o: CosimOptions): Promise<SimResult & { source: string; vectors: number; cycles: number; seconds: number }> {
  const t0 = performance.now();
  const prep = prepare(block, params, o);
  const { stdout: out, cached } = await runTestbench(sim, o.outDir, prep.designFiles);
  const m = /(\d+) passed, (\d+) failed/.exec(out);
  if (!m) throw new Error(`simulator output has no result line:\n${out}`);
  const { outs, ins } = dataPorts(prep.spec.ports, prep.spec.kind);
  const report: string[] = [];
  for (const line of out.split('\n')) {
    const mm = /MISMATCH (transaction|cycle) (\d+): got ([0-9a-fxz]+) expected ([0-9a-fxz]+)/i.exec(line);
    if (mm) {
      const i = Number(mm[2]);
      const show = (h: string) => (/[xz]/i.test(h) ? h : Object.entries(unpack(outs, BigInt(`0x${h}`))).map(([k, v]) => `${k}=${v}`).join(' '));
      const inputs = Object.entries(unpack(ins, prep.spec.inputs[i]!)).map(([k, v]) => `${k}=${v}`).join(' ');
      report.push(`${mm[1]} ${i} (${inputs}): expected ${show(mm[4]!)}, got ${show(mm[3]!)}`);
    }
    if (/TIMEOUT/.test(line)) report.push(line.trim());
  }
  const cycles = Number(/CYCLES (\d+)/.exec(out)?.[1] ?? 0);
  const first = /MISMATCH (?:transaction|cycle) (\d+)/.exec(out);
  const replay = first ? await writeReplay(prep, Number(first[1]), o) : undefined;
  return { passed: Number(m[1]), failed: Number(m[2]), report, source: prep.source, cached, vectors: prep.spec.inputs.length, cycles, seconds: (performance.now() - t0) / 1000, ...(replay ? { replay } : {}) };
}
