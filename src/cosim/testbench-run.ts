// The portable path: the run's vectors written as a self-checking Verilog-2005 testbench with
// $readmemh files, run by Icarus (or Verilator --binary). `bitforge tb` writes the same files.

import { pack, testbenchFiles, unpack, type TestbenchSpec } from '../codegen/testbench.js';
import { writeFiles } from '../util/write-files.js';
import type { EngineResult } from './result.js';
import { getRow } from './rows.js';
import { packetOf, type PacketIndex } from './packet-vectors.js';
import type { CosimSetup } from './setup.js';
import { runTestbench } from './simulators.js';
import type { VectorSource } from './vectors.js';

/** Testbench spec for vectors [from, to) of the run (all of them by default); packet streams: the whole packets that start there. */
export function testbenchSpec(s: CosimSetup, src: VectorSource, o: { from?: number; to?: number; stem?: string; vcd?: boolean } = {}): TestbenchSpec & { packets?: PacketIndex } {
  const from = o.from ?? 0, to = o.to ?? src.total;
  const inputs: bigint[] = [], expected: Array<bigint | null> = [], gaps: number[] = [], stalls: number[] = [];
  let packets: { first: number; inStart: number[]; outStart: number[] } | undefined;
  for (const c of src.chunks(1 << 16)) {
    if (c.first >= to) break;
    if (c.packets) {
      const p = c.packets;
      for (let j = 0; j + 1 < p.inStart.length; j++) {
        const at = c.first + p.inStart[j]!;
        if (at < from || at >= to) continue;
        packets ??= { first: p.first + j, inStart: [], outStart: [] };
        packets.inStart.push(inputs.length);
        packets.outStart.push(expected.length);
        for (let i = p.inStart[j]!; i < p.inStart[j + 1]!; i++) {
          inputs.push(pack(s.ins.ports, getRow(s.ins, c.inRows, i)));
          gaps.push(c.gaps[i]!);
        }
        for (let k = p.outStart[j]!; k < p.outStart[j + 1]!; k++) {
          expected.push(pack(s.outs.ports, getRow(s.outs, c.expRows, k)));
          stalls.push(c.stalls[k]!);
        }
      }
      continue;
    }
    for (let i = Math.max(0, from - c.first); i < c.n && c.first + i < to; i++) {
      inputs.push(pack(s.ins.ports, getRow(s.ins, c.inRows, i)));
      expected.push(c.check && !c.check[i] ? null : pack(s.outs.ports, getRow(s.outs, c.expRows, i)));
      gaps.push(c.gaps[i]!);
      stalls.push(c.stalls[i]!);
    }
  }
  if (packets) { packets.inStart.push(inputs.length); packets.outStart.push(expected.length); }
  let timeoutCycles = 4 * s.latency + 1000;
  for (let i = 0; i < inputs.length; i++) timeoutCycles += gaps[i]! + s.maxInterval + 3;
  for (let k = 0; k < expected.length; k++) timeoutCycles += stalls[k]! + 3;
  return {
    top: s.top, ports: s.ports, mode: s.mode, inputs, expected, gaps, stalls, timeoutCycles,
    ...(o.stem ? { stem: o.stem } : {}), ...(o.vcd ? { vcd: true } : {}), ...(packets ? { packets } : {}),
  };
}

/** Writes the design and the testbench into dir. */
export function writeTestbench(s: CosimSetup, spec: TestbenchSpec, dir: string): void {
  writeFiles(dir, [...s.files, ...testbenchFiles(spec)]);
}

export async function runTestbenchEngine(s: CosimSetup, src: VectorSource, sim: 'icarus' | 'verilator', dir: string): Promise<EngineResult> {
  const spec = testbenchSpec(s, src);
  writeTestbench(s, spec, dir);
  const { stdout, cached, buildSeconds } = await runTestbench(sim, dir, [...s.designFiles]);
  const m = /(\d+) passed, (\d+) failed/.exec(stdout);
  if (!m) throw new Error(`simulator output has no result line:\n${stdout}`);
  const cycles = Number(/CYCLES (\d+)/.exec(stdout)?.[1] ?? 0);
  const passed = Number(m[1]), failed = Number(m[2]);
  const mm = /MISMATCH (?:transaction|cycle) (\d+): got ([0-9a-fxz]+) expected/i.exec(stdout);
  const timeout = /TIMEOUT[^\n]*/.exec(stdout)?.[0];
  const base = { passed, failed, cycles, cached, buildSeconds, vectors: passed + failed };
  if (mm) {
    const i = Number(mm[1]);
    const exp = spec.expected[i];
    const packet = spec.packets ? packetOf(spec.packets, i) : undefined;
    return {
      ...base, vectors: i + 1,
      mismatch: {
        index: i,
        inputs: unpack(s.ins.ports, spec.inputs[packet ? packet.firstInput : i] ?? 0n),
        ...(packet ? { packet } : {}),
        expected: exp === null || exp === undefined ? null : unpack(s.outs.ports, exp),
        got: /[xz]/i.test(mm[2]!) ? null : unpack(s.outs.ports, BigInt(`0x${mm[2]}`)),
        ...(/[xz]/i.test(mm[2]!) ? { note: `output has X/Z bits: ${mm[2]}` } : {}),
      },
    };
  }
  if (timeout) {
    const packet = spec.packets ? packetOf(spec.packets, passed) : undefined;
    const inputs = unpack(s.ins.ports, spec.inputs[packet ? packet.firstInput : passed] ?? 0n);
    return { ...base, mismatch: { index: passed, inputs, ...(packet ? { packet } : {}), expected: null, got: null, note: timeout } };
  }
  return base;
}
