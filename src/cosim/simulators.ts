// Runs a testbench directory with Icarus or Verilator (--binary). Verilator builds are cached by a
// content hash of (testbench, design Verilog, Verilator version, flags): a re-run does not recompile.

import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../util/tool-error.js';
import { cachedBuild } from './build-cache.js';
import { compileEnv, makeJobs, modelOpt } from './compile-env.js';

/** The simulators that run a Verilog testbench (Verilator as --binary). */
export type TestbenchSimulator = 'icarus' | 'verilator';

const INSTALL: Record<string, string> = { verilator: 'verilator', iverilog: 'iverilog', vvp: 'iverilog' };

/** Runs a tool; turns "missing", "failed" and "hung" into ToolErrors with the first useful lines. */
export async function tool(cmd: string, args: string[], cwd: string, timeoutMs: number, what: string, env: Record<string, string> = {}): Promise<string> {
  try {
    return (await execa(cmd, args, { cwd, timeout: timeoutMs, all: true, env })).stdout;
  } catch (e) {
    const err = e as { code?: string; timedOut?: boolean; all?: string; exitCode?: number };
    const base = cmd.split('/').pop()!;
    if (err.code === 'ENOENT') {
      throw new ToolError(`${base} not found: run \`npm run tools\` (as root) or apt-get install -y ${INSTALL[base] ?? base}`);
    }
    if (err.timedOut) throw new ToolError(`${what} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed (work dir ${cwd})`);
    const first = (err.all ?? '').split('\n').filter((l) => /error|%Error|syntax/i.test(l)).slice(0, 3).join(' | ');
    throw new ToolError(`${what} failed (exit ${err.exitCode}): ${first || (err.all ?? '').split('\n')[0] || 'no output'} (work dir ${cwd})`);
  }
}

export interface RunResult {
  readonly stdout: string;
  /** Verilator only: whether the simulation binary came from the build cache. */
  readonly cached: boolean;
}

const VERILATOR_FLAGS = ['--binary', '-Wno-fatal', '-Wno-lint', '-Wno-style', '--top-module', 'tb', '-o', 'tbsim'];

let version: string | undefined;

/** `verilator --version`, asked once per process (it goes into every build key). */
export async function verilatorVersion(): Promise<string> {
  version ??= (await tool('verilator', ['--version'], process.cwd(), 60_000, 'verilator --version')).trim();
  return version;
}

/** modelLevel: Verilator's C++ level when $BITFORGE_VERILATOR_OPT is unset. */
export async function runTestbench(sim: TestbenchSimulator, dir: string, designFiles: string[], runTimeoutMs = 600_000, stem = 'tb', modelLevel = '-O0'): Promise<RunResult> {
  if (sim === 'icarus') {
    await tool('iverilog', ['-g2005', '-o', `${stem}.vvp`, '-s', 'tb', `${stem}.v`, ...designFiles], dir, 600_000, 'Icarus compile');
    return { stdout: await tool('vvp', ['-n', `${stem}.vvp`], dir, runTimeoutMs, 'Icarus simulation'), cached: false };
  }
  const flags = [...VERILATOR_FLAGS, ...modelOpt(modelLevel)];
  const h = createHash('sha256').update(await verilatorVersion()).update(flags.join(' '));
  for (const f of ['tb.v', ...designFiles]) h.update(f).update(readFileSync(join(dir, f)));
  const { dir: cached, cached: hit } = await cachedBuild('verilator', h.digest('hex').slice(0, 24), 'tbsim', async (build) => {
    for (const f of ['tb.v', ...designFiles]) cpSync(join(dir, f), join(build, f));
    await tool('verilator', [...flags, '-j', String(makeJobs()), 'tb.v', ...designFiles], build, 1_800_000, 'Verilator build', compileEnv());
    cpSync(join(build, 'obj_dir', 'tbsim'), join(build, 'tbsim'));
    rmSync(join(build, 'obj_dir'), { recursive: true, force: true });
  });
  // The binary reads its vector files ($readmemh) from the working directory.
  return { stdout: await tool(join(cached, 'tbsim'), [], dir, runTimeoutMs, 'Verilator simulation'), cached: hit };
}
