// `bitforge sim` and `bitforge tb`: cosimulation of a block against its golden model.

import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, SIMULATORS, type Simulator } from '../../cosim/run.js';
import { setupCosim } from '../../cosim/setup.js';
import { testbenchSpec, writeTestbench } from '../../cosim/testbench-run.js';
import { vectorSource } from '../../cosim/vectors.js';
import { parseBlockArgs } from '../block-params.js';
import { intOption } from '../int-option.js';
import { fmaxNote, fmaxRequest } from '../fmax-option.js';
import { paramsForTarget, type Target } from '../../synth/targets.js';
import { progressReporter } from '../progress.js';
import { UserError } from '../user-error.js';
import { resolveBlock } from '../../userblock/resolve.js';
import { checkOutDir, outFlag } from '../out-option.js';
import { release, removeOnInterrupt } from '../../util/cleanup.js';

async function cosimBlock(name: string) {
  const block = await resolveBlock(name);
  if (!block.cosim) throw new UserError(`${block.name} has no golden model yet: nothing to cosimulate`);
  return block;
}

export function simCommand(): Command {
  return new Command('sim')
    .description('cosimulate a block against its golden model; ends with "N passed, M failed"')
    .argument('<block>', 'block name, or a path to your block module (./src/my-block.ts[#export])')
    .argument('[params...]', `block parameters as --name value; --vectors N, --seed S, --simulator ${SIMULATORS.join('|')} (default verilator), --out DIR, --fmax MHz --target T [--fmax-margin F] (pipeline to a frequency first, keeping the share F of the period back; a sequential or streaming block takes the fewest of its own stages that meet it (loom sip/tile, mokey.pe, mx.dot-general), or keeps its registers and is timed)`)
    .allowUnknownOption()
    .action(async (name: string, tokens: string[]) => {
      const block = await cosimBlock(name);
      const { params, options } = parseBlockArgs(block, tokens, ['vectors', 'seed', 'simulator', 'out', 'fmax', 'target', 'fmax-margin']);
      const fmax = fmaxRequest(block, params, tokens, options['fmax'], options['target'], options['fmax-margin']);
      // With --target, the block is built for that target's fabric, as synth builds it.
      Object.assign(params, paramsForTarget(params, options['target'] as Target | undefined));
      const sim = (options['simulator'] ?? 'verilator') as Simulator;
      if (!SIMULATORS.includes(sim)) throw new UserError(`--simulator: expected one of ${SIMULATORS.join(', ')}, got '${sim}'`);
      const seed = intOption('seed', options['seed'], 0, 2 ** 32 - 1) ?? 1;
      const vectors = intOption('vectors', options['vectors'], 1, 1_000_000_000);
      if (options['out'] !== undefined) await checkOutDir(outFlag(tokens), options['out']);
      // Without --out, a temporary folder that stays only to hold a mismatch's replay.
      const dir = options['out'] ?? mkdtempSync(join(tmpdir(), 'bitforge-sim-'));
      if (options['out'] === undefined) removeOnInterrupt(dir);
      const progress = progressReporter(`${block.name} on ${sim}`, 'vectors');
      const r = await simulate(block, params, sim, {
        seed, outDir: dir, onProgress: (d, t) => progress.update(d, t), ...(vectors !== undefined ? { vectors } : {}), ...(fmax ? { fmax } : {}),
      });
      progress.stop();
      if (options['out'] === undefined && !r.replay) rmSync(dir, { recursive: true, force: true });
      release(dir);
      const note = fmaxNote(block.name, r.fmax);
      if (note) process.stdout.write(`${note}\n`);
      process.stdout.write(`${block.name} on ${sim}${r.cached ? ' (cached build)' : ''}: ${r.source}\n`);
      for (const line of r.report) process.stdout.write(`${line}\n`);
      if (r.replay) {
        process.stdout.write(`replay: ${r.replay.files[0]} from vector ${r.replay.from} (${r.replay.reproduced ? 'reproduces the mismatch in Icarus' : 'did NOT reproduce it in Icarus'}), waveform ${r.replay.vcd}\n`);
      }
      // Inputs and checked outputs differ for packet and stream blocks (beats in, results out); the
      // rate leaves out compiling the simulator.
      const simSeconds = Math.max(r.seconds - r.buildSeconds, 1e-3);
      process.stdout.write(`input vectors ${r.vectors}, outputs checked ${r.passed + r.failed}, seed ${seed}, cycles ${r.cycles}, ${r.seconds.toFixed(2)} s (build ${r.buildSeconds.toFixed(2)} s), ${Math.round(r.vectors / simSeconds)} vectors/s simulated\n`);
      process.stdout.write(`${r.passed} passed, ${r.failed} failed\n`);
      if (r.failed > 0) process.exitCode = 1;
    });
}

export function tbCommand(): Command {
  return new Command('tb')
    .description('write a self-checking Verilog-2005 testbench with $readmemh vectors (Icarus, Verilator --binary, commercial)')
    .argument('<block>', 'block name, or a path to your block module (./src/my-block.ts[#export])')
    .argument('[params...]', 'block parameters as --name value; --vectors N, --seed S, --out DIR (default tb-out), --name NAME (the top module name), --fmax MHz --target T [--fmax-margin F] (pipeline to a frequency first, keeping the share F of the period back; a sequential or streaming block takes the fewest of its own stages that meet it (loom sip/tile, mokey.pe, mx.dot-general), or keeps its registers and is timed)')
    .allowUnknownOption()
    .action(async (name: string, tokens: string[]) => {
      const block = await cosimBlock(name);
      const { params, options } = parseBlockArgs(block, tokens, ['vectors', 'seed', 'out', 'fmax', 'target', 'fmax-margin', 'name']);
      const fmax = fmaxRequest(block, params, tokens, options['fmax'], options['target'], options['fmax-margin']);
      // With --target, the block is built for that target's fabric, as synth builds it.
      Object.assign(params, paramsForTarget(params, options['target'] as Target | undefined));
      const seed = intOption('seed', options['seed'], 0, 2 ** 32 - 1) ?? 1;
      const vectors = intOption('vectors', options['vectors'], 1, 100_000_000);
      const out = options['out'] ?? 'tb-out';
      await checkOutDir(outFlag(tokens), out);
      const s = setupCosim(block, params, undefined, fmax, options['name']);
      const src = vectorSource(s, { seed, ...(vectors !== undefined ? { vectors } : {}) });
      writeTestbench(s, testbenchSpec(s, src), out);
      process.stdout.write(`${block.name}: testbench tb.v + vectors (${src.source}) in ${out}; run: cd ${out} && iverilog -g2005 -s tb -o tb.vvp tb.v ${s.designFiles.join(' ')} && vvp -n tb.vvp\n`);
    });
}
