// `bitforge sim` and `bitforge tb`: cosimulation of a block against its golden model.

import { Command } from 'commander';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepare, simulate } from '../../cosim/run.js';
import type { Simulator } from '../../cosim/simulators.js';
import { parseBlockArgs } from '../block-params.js';
import { UserError } from '../user-error.js';
import { resolveBlock } from './emit.js';

function intOption(flag: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UserError(`--${flag}: expected an integer in ${min}..${max}, got '${v}'`);
  return Number(v);
}

function cosimBlock(name: string) {
  const block = resolveBlock(name);
  if (!block.cosim) throw new UserError(`${block.name} has no golden model yet: nothing to cosimulate`);
  return block;
}

export function simCommand(): Command {
  return new Command('sim')
    .description('cosimulate a block against its golden model; ends with "N passed, M failed"')
    .argument('<block>', 'block name')
    .argument('[params...]', 'block parameters as --name value; --vectors N, --seed S, --simulator icarus|verilator')
    .allowUnknownOption()
    .action(async (name: string, tokens: string[]) => {
      const block = cosimBlock(name);
      const { params, options } = parseBlockArgs(block, tokens, ['vectors', 'seed', 'simulator']);
      const sim = (options['simulator'] ?? 'icarus') as Simulator;
      if (sim !== 'icarus' && sim !== 'verilator') throw new UserError(`--simulator: expected icarus or verilator, got '${sim}'`);
      const seed = intOption('seed', options['seed'], 0, 2 ** 32 - 1) ?? 1;
      const vectors = intOption('vectors', options['vectors'], 1, 100_000_000);
      const dir = mkdtempSync(join(tmpdir(), 'bitforge-sim-'));
      const r = await simulate(block, params, sim, { seed, outDir: dir, ...(vectors !== undefined ? { vectors } : {}) });
      process.stdout.write(`${block.name} on ${sim}${r.cached ? ' (cached build)' : ''}: ${r.source}; work dir ${dir}\n`);
      for (const line of r.report) process.stdout.write(`  ${line}\n`);
      if (r.replay) process.stdout.write(`  replay: ${r.replay.files[0]} (${r.replay.reproduced ? 'reproduces the mismatch' : 'did NOT reproduce it'}), waveform ${r.replay.vcd}\n`);
      process.stdout.write(`vectors ${r.vectors}, seed ${seed}, cycles ${r.cycles}, ${r.seconds.toFixed(2)} s, ${Math.round(r.vectors / r.seconds)} vectors/s\n`);
      process.stdout.write(`${r.passed} passed, ${r.failed} failed\n`);
      if (r.failed > 0) process.exitCode = 1;
    });
}

export function tbCommand(): Command {
  return new Command('tb')
    .description('write a self-checking Verilog-2005 testbench with $readmemh vectors (Icarus, Verilator --binary, commercial)')
    .argument('<block>', 'block name')
    .argument('[params...]', 'block parameters as --name value; --vectors N, --seed S, --out DIR (default tb-out)')
    .allowUnknownOption()
    .action((name: string, tokens: string[]) => {
      const block = cosimBlock(name);
      const { params, options } = parseBlockArgs(block, tokens, ['vectors', 'seed', 'out']);
      const seed = intOption('seed', options['seed'], 0, 2 ** 32 - 1) ?? 1;
      const vectors = intOption('vectors', options['vectors'], 1, 100_000_000);
      const out = options['out'] ?? 'tb-out';
      const p = prepare(block, params, { seed, outDir: out, ...(vectors !== undefined ? { vectors } : {}) });
      process.stdout.write(`${block.name}: testbench tb.v + vectors (${p.source}) in ${out}; run: cd ${out} && iverilog -g2005 -s tb -o tb.vvp tb.v ${p.designFiles.join(' ')} && vvp -n tb.vvp\n`);
    });
}
