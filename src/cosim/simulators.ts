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
export async function tool(cmd: string, args: string[], cwd: string, timeoutMs: number, what: string, env: Record<string, string> = {}, resultLine?: RegExp): Promise<string> {
  try {
    return (await execa(cmd, args, { cwd, timeout: timeoutMs, all: true, env })).stdout;
  } catch (e) {
    const err = e as { code?: string; timedOut?: boolean; all?: string; exitCode?: number; stdout?: string };
    // A testbench that printed its result and then $fatal-ed on the failures: the result is the answer.
    if (resultLine && !err.timedOut && resultLine.test(err.stdout ?? '')) return err.stdout!;
    const base = cmd.split('/').pop()!;
    if (err.code === 'ENOENT') {
      throw new ToolError(`${base} not found: run \`npm run tools\` (as root) or apt-get install -y ${INSTALL[base] ?? base}`);
    }
    if (err.timedOut) throw new ToolError(`${what} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed (work dir ${cwd})`);
    const first = (err.all ?? '').split('\n').filter((l) => /error|%Error|%Warning|syntax/i.test(l)).slice(0, 3).join(' | ');
    throw new ToolError(`${what} failed (exit ${err.exitCode}): ${first || (err.all ?? '').split('\n')[0] || 'no output'} (work dir ${cwd})`);
  }
}

export interface RunResult {
  readonly stdout: string;
  /** Verilator only: whether the simulation binary came from the build cache. */
  readonly cached: boolean;
  /** Compiling the testbench (Icarus's iverilog, Verilator's build). */
  readonly buildSeconds: number;
}

// Verilator's default warnings stay errors: a generated bench must build with plain `verilator --binary`.
const VERILATOR_FLAGS = ['--binary', '--top-module', 'tb', '-o', 'tbsim'];
/** The testbench's result line (codegen/testbench.ts), printed before it ends. */
const RESULT = /\d+ passed, \d+ failed/;

let version: string | undefined;

/** `verilator --version`, asked once per process (it goes into every build key). */
export async function verilatorVersion(): Promise<string> {
  version ??= (await tool('verilator', ['--version'], process.cwd(), 60_000, 'verilator --version')).trim();
  return version;
}

/**
 * modelLevel: Verilator's C++ level when $BITFORGE_VERILATOR_OPT is unset. lenient: Verilator's
 * warnings do not stop the build (random fuzz designs compare constants, which a warning flags).
 */
export async function runTestbench(sim: TestbenchSimulator, dir: string, designFiles: string[], runTimeoutMs = 600_000, stem = 'tb', modelLevel = '-O0', lenient = false): Promise<RunResult> {
  if (sim === 'icarus') {
    const t0 = performance.now();
    await tool('iverilog', ['-g2005', '-o', `${stem}.vvp`, '-s', 'tb', `${stem}.v`, ...designFiles], dir, 600_000, 'Icarus compile');
    const buildSeconds = (performance.now() - t0) / 1000;
    return { stdout: await tool('vvp', ['-n', `${stem}.vvp`], dir, runTimeoutMs, 'Icarus simulation', {}, RESULT), cached: false, buildSeconds };
  }
  const flags = [...VERILATOR_FLAGS, ...(lenient ? ['-Wno-fatal', '-Wno-lint', '-Wno-style'] : []), ...modelOpt(modelLevel)];
  const h = createHash('sha256').update(await verilatorVersion()).update(flags.join(' '));
  for (const f of ['tb.v', ...designFiles]) h.update(f).update(readFileSync(join(dir, f)));
  const t0 = performance.now();
  const { dir: cached, cached: hit } = await cachedBuild('verilator', h.digest('hex').slice(0, 24), 'tbsim', async (build) => {
    for (const f of ['tb.v', ...designFiles]) cpSync(join(dir, f), join(build, f));
    await tool('verilator', [...flags, '-j', String(makeJobs()), 'tb.v', ...designFiles], build, 1_800_000, 'Verilator build', compileEnv());
    cpSync(join(build, 'obj_dir', 'tbsim'), join(build, 'tbsim'));
    rmSync(join(build, 'obj_dir'), { recursive: true, force: true });
  });
  // The binary reads its vector files ($readmemh) from the working directory.
  const buildSeconds = (performance.now() - t0) / 1000;
  return { stdout: await tool(join(cached, 'tbsim'), [], dir, runTimeoutMs, 'Verilator simulation', {}, RESULT), cached: hit, buildSeconds };
}
