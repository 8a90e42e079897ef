// A batch of fuzz designs in one Verilog testbench (one compile for the batch, not one per design):
// each design reads its inputs per cycle from v<d>.hex, inputs change after the falling edge and
// outputs print before the rising edge, as the TypeScript run samples them.

import type { DesignFile, PortInfo } from '../codegen/index.js';
import { runTestbench, type TestbenchSimulator } from '../cosim/simulators.js';
import { writeFiles } from '../util/write-files.js';
import { hexOf, type Stimulus, type Trace } from './stimulus.js';

export interface BatchDesign {
  readonly top: string;
  readonly files: readonly DesignFile[];
  readonly ports: readonly PortInfo[];
  readonly stim: Stimulus;
}

const range = (w: number) => (w === 1 ? '' : `[${w - 1}:0] `);

function testbench(batch: readonly BatchDesign[], cycles: number): string {
  const decl: string[] = [], load: string[] = [], apply: string[] = [], show: string[] = [];
  batch.forEach((d, k) => {
    const tw = d.stim.inputs.reduce((s, p) => s + p.width, 0);
    const outs = d.ports.filter((p) => p.direction === 'output');
    if (tw > 0) {
      decl.push(`  reg [${tw - 1}:0] v${k} [0:${cycles - 1}];`, `  reg [${tw - 1}:0] x${k};`); // a vector even at 1 bit: ports select from it
      load.push(`    $readmemh("v${k}.hex", v${k});`);
      apply.push(`      x${k} = v${k}[cyc];`);
    }
    for (const o of outs) decl.push(`  wire ${range(o.width)}d${k}_${o.name};`);
    let hi = tw;
    const conn = d.ports.map((p) => {
      if (p.name === 'clk') return '.clk(clk)';
      if (p.direction === 'output') return `.${p.name}(d${k}_${p.name})`;
      hi -= p.width;
      return `.${p.name}(x${k}[${hi + p.width - 1}:${hi}])`;
    });
    decl.push(`  ${d.top} u${k} (${conn.join(', ')});`);
    show.push(`      $display("${k} %0d${outs.map(() => ' %h').join('')}", cyc${outs.map((o) => `, d${k}_${o.name}`).join('')});`);
  });
  return [
    '`timescale 1ns / 1ps',
    'module tb;',
    '  reg clk = 0;',
    '  integer cyc;',
    ...decl,
    '  initial begin',
    ...load,
    `    for (cyc = 0; cyc < ${cycles}; cyc = cyc + 1) begin`,
    ...apply,
    '      #1;',
    ...show,
    '      clk = 1; #1; clk = 0; #1;',
    '    end',
    '    $finish;',
    '  end',
    'endmodule',
    '',
  ].join('\n');
}

/** Runs the batch; returns each design's trace (by batch index). */
export async function runVerilogBatch(sim: TestbenchSimulator, dir: string, batch: readonly BatchDesign[], cycles: number): Promise<Trace[]> {
  const files = new Map<string, string>();
  for (const d of batch) for (const f of d.files) if (f.path.endsWith('.v')) files.set(f.path, f.content);
  batch.forEach((d, k) => {
    if (!d.stim.inputs.length) return;
    const tw = d.stim.inputs.reduce((s, p) => s + p.width, 0);
    const lines = d.stim.cycles.map((row) => hexOf(row.reduce((acc, v, i) => (acc << BigInt(d.stim.inputs[i]!.width)) | v, 0n), tw));
    files.set(`v${k}.hex`, lines.join('\n') + '\n');
  });
  files.set('tb.v', testbench(batch, cycles));
  writeFiles(dir, [...files].map(([path, content]) => ({ path, content })));
  const designFiles = [...files.keys()].filter((f) => f.endsWith('.v') && f !== 'tb.v');
  // Each batch runs once for a few cycles: its C++ is compiled without optimization (25 % sooner).
  const { stdout } = await runTestbench(sim, dir, designFiles, 600_000, 'tb', '-O0', true);
  const traces: Trace[] = batch.map(() => []);
  for (const line of stdout.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || !/^\d+$/.test(parts[0]!)) continue;
    const k = Number(parts[0]), c = Number(parts[1]);
    // Values, not their printing: Verilator 5.006 sometimes prints %h of a narrow wire with 8 digits.
    const outs = batch[k]?.ports.filter((p) => p.direction === 'output') ?? [];
    if (traces[k]) traces[k]![c] = parts.slice(2).map((h, i) => canonical(h.toLowerCase(), outs[i]?.width ?? h.length * 4));
  }
  return traces;
}

/** A printed value as the TypeScript side prints it; unknown digits (x, z) kept as they are. */
function canonical(h: string, width: number): string {
  return /[^0-9a-f]/.test(h) ? h : hexOf(BigInt.asUintN(width, BigInt(`0x${h}`)), width);
}
