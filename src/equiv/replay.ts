// A counterexample as an Icarus testbench: the miter (both designs as Yosys read them, sides.v) driven
// with the solver's input values step by step, a VCD of the run, and the outputs of both sides at
// the step where they differ. Running it confirms the difference outside the solver.

import type { PortInfo } from '../codegen/design-files.js';
import { runTestbench } from '../cosim/simulators.js';
import { range, type Miter } from './miter.js';
import { failStep, type Trace } from './sat-log.js';

export interface ReplayFiles {
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
  /** The step (1-based) at which the trace first raises `trigger`. */
  readonly failStep: number;
}

const lit = (p: PortInfo, bits: string | undefined) => `${p.width}'b${(bits ?? '0').replace(/x/g, '0').padStart(p.width, '0')}`;

/** The testbench: step t applies the inputs of step t, settles, and (sequential) clocks. */
export function replayFiles(miter: Miter, sidesVerilog: string, trace: Trace): ReplayFiles {
  const last = failStep(trace);
  const data = miter.inputs.filter((p) => p.name !== 'clk');
  const lines = ['`timescale 1ns/1ps', '// Replays the counterexample bitforge equiv found: the inputs per step, then both sides\' outputs.', 'module tb;'];
  if (miter.sequential) lines.push('  reg clk = 0;');
  for (const p of data) lines.push(`  reg ${range(p.width)}${p.name};`);
  lines.push('  wire trigger;', `  ${miter.name} dut (${[...(miter.sequential ? ['.clk(clk)'] : []), ...data.map((p) => `.${p.name}(${p.name})`), '.trigger(trigger)'].join(', ')});`);
  const show = miter.outputs.map((p) => `$display("  ${p.name}: gold %h, gate %h", dut.gold_${p.name}, dut.gate_${p.name});`);
  lines.push('  initial begin', '    $dumpfile("replay.vcd");', '    $dumpvars(0, tb);');
  for (let t = 1; t <= last; t++) {
    const values = trace[t - 1] ?? new Map<string, string>();
    lines.push(`    // step ${t}`, ...data.map((p) => `    ${p.name} = ${lit(p, values.get(p.name))};`), '    #1;');
    if (t < last && miter.sequential) lines.push('    clk = 1; #1; clk = 0;');
  }
  lines.push(`    if (trigger === 1'b1) $display("REPRODUCED: the outputs differ at step ${last}");`,
    `    else $display("NOT REPRODUCED: trigger is %b at step ${last}", trigger);`,
    ...show.map((s) => `    ${s}`), '    $finish;', '  end', 'endmodule', '');
  return {
    failStep: last,
    files: [{ path: 'tb.v', content: lines.join('\n') }, { path: `${miter.name}.v`, content: miter.verilog }, { path: 'sides.v', content: sidesVerilog }],
  };
}

export interface ReplayRun {
  readonly reproduced: boolean;
  /** Both sides' outputs at the failing step, as Icarus printed them (hex). */
  readonly outputs: ReadonlyMap<string, { readonly gold: string; readonly gate: string }>;
  readonly stdout: string;
}

/** Runs the replay in `dir` (its files already written there) with Icarus. */
export async function runReplay(dir: string, miter: Miter): Promise<ReplayRun> {
  const { stdout } = await runTestbench('icarus', dir, [`${miter.name}.v`, 'sides.v'], 120_000);
  const outputs = new Map<string, { gold: string; gate: string }>();
  for (const m of stdout.matchAll(/^\s+(\S+): gold (\S+), gate (\S+)$/gm)) outputs.set(m[1]!, { gold: m[2]!, gate: m[3]! });
  return { reproduced: /REPRODUCED: the outputs differ/.test(stdout) && !/NOT REPRODUCED/.test(stdout), outputs, stdout };
}
