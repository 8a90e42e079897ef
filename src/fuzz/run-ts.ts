// A fuzz design on the TypeScript simulator, cycle by cycle as the Verilog testbench drives it.

import type { PortInfo } from '../codegen/index.js';
import type { Netlist } from '../ir/netlist.js';
import { compileDesign, type CompileOptions } from '../sim/index.js';
import { hexOf, type Stimulus, type Trace } from './stimulus.js';

export function runTs(n: Netlist, outputs: readonly PortInfo[], stim: Stimulus, opts: CompileOptions = {}): Trace {
  const d = compileDesign(n, opts);
  const ins = stim.inputs.map((p) => d.flat.inputs.get(p.name)!);
  const outs = outputs.map((p) => d.flat.outputs.get(p.name)!);
  const trace: Trace = [];
  for (const row of stim.cycles) {
    row.forEach((v, k) => d.write(ins[k]!, v));
    d.settle();
    trace.push(outs.map((s, k) => hexOf(d.read(s), outputs[k]!.width)));
    d.clock();
  }
  return trace;
}
