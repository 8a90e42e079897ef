// Runs a testbench directory with Icarus or Verilator (--binary). Tool output is returned, not printed.

import { execa } from 'execa';

export type Simulator = 'icarus' | 'verilator';

export async function runTestbench(sim: Simulator, dir: string, designFiles: string[]): Promise<string> {
  if (sim === 'icarus') {
    await execa('iverilog', ['-g2005', '-o', 'tb.vvp', '-s', 'tb', 'tb.v', ...designFiles], { cwd: dir });
    return (await execa('vvp', ['-n', 'tb.vvp'], { cwd: dir })).stdout;
  }
  await execa('verilator', ['--binary', '-Wno-fatal', '-Wno-lint', '-Wno-style', '--top-module', 'tb', '-o', 'tbsim', 'tb.v', ...designFiles], { cwd: dir });
  return (await execa('./obj_dir/tbsim', [], { cwd: dir })).stdout;
}
