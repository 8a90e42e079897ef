// Runs a testbench directory with Icarus or Verilator (--binary). Verilator builds are cached by a
// content hash of (testbench, design Verilog, Verilator version, flags): a re-run does not recompile.
// A build is made in its own directory and published with an atomic rename, so two processes can
// share one cache.

import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Simulator = 'icarus' | 'verilator';

export interface RunResult {
  readonly stdout: string;
  /** Verilator only: whether the simulation binary came from the build cache. */
  readonly cached: boolean;
}

const VERILATOR_FLAGS = ['--binary', '-Wno-fatal', '-Wno-lint', '-Wno-style', '--top-module', 'tb', '-o', 'tbsim'];

export function cacheRoot(): string {
  return resolve(process.env.BITFORGE_CACHE ?? '.bitforge-cache');
}

let verilatorVersion: string | undefined;

export async function runTestbench(sim: Simulator, dir: string, designFiles: string[]): Promise<RunResult> {
  if (sim === 'icarus') {
    await execa('iverilog', ['-g2005', '-o', 'tb.vvp', '-s', 'tb', 'tb.v', ...designFiles], { cwd: dir });
    return { stdout: (await execa('vvp', ['-n', 'tb.vvp'], { cwd: dir })).stdout, cached: false };
  }
  verilatorVersion ??= (await execa('verilator', ['--version'])).stdout.trim();
  const h = createHash('sha256').update(verilatorVersion).update(VERILATOR_FLAGS.join(' '));
  for (const f of ['tb.v', ...designFiles]) h.update(f).update(readFileSync(join(dir, f)));
  const key = h.digest('hex').slice(0, 24);
  const cached = join(cacheRoot(), 'verilator', key);
  const hit = existsSync(join(cached, 'tbsim'));
  if (!hit) {
    mkdirSync(join(cacheRoot(), 'verilator'), { recursive: true });
    const build = mkdtempSync(join(cacheRoot(), 'verilator', `${key}.tmp-`));
    for (const f of ['tb.v', ...designFiles]) cpSync(join(dir, f), join(build, f));
    await execa('verilator', [...VERILATOR_FLAGS, 'tb.v', ...designFiles], { cwd: build });
    cpSync(join(build, 'obj_dir', 'tbsim'), join(build, 'tbsim'));
    rmSync(join(build, 'obj_dir'), { recursive: true, force: true });
    try {
      renameSync(build, cached); // atomic publish; another process may have won the race
    } catch {
      rmSync(build, { recursive: true, force: true });
    }
  }
  // The binary reads its vector files ($readmemh) from the working directory.
  return { stdout: (await execa(join(cached, 'tbsim'), [], { cwd: dir })).stdout, cached: hit };
}
