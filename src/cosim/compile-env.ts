// How Verilator builds compile: the model's optimization level and, for builds through Verilator's
// make (testbench binaries, and harnesses when the bench asks), one job per core and every C++ file
// through ccache when it is installed (`npm run tools` installs it): each such build compiles the same
// Verilator runtime. The job count and ccache do not change what is built, so they stay out of the
// build's cache key; the optimization level is in it.

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cacheRoot } from '../util/cache-root.js';

/**
 * The model's C++ level: -O0 unless $BITFORGE_VERILATOR_OPT (-O0 … -O3, -Os) says otherwise, e.g. -O2
 * for a very long run of a small design. Verilator's default is -Os. A test suite builds each design
 * once and runs it for seconds, and the pace of a cosimulation is mostly the golden model's, so compile
 * time is what counts: on 2 cores GCC takes 40 s for mx.dot-general's 9,500-line input function at
 * -O1 and 3× less at -O0 (bench/results/verilator-opt.md has the levels side by side).
 */
export function modelLevel(fallback = '-O0'): string {
  const problem = modelOptProblem();
  if (problem) throw new Error(problem);
  return process.env.BITFORGE_VERILATOR_OPT ?? fallback;
}

/** The same level for Verilator's make, with the model as one translation unit unless the bench asks for split files. */
export function modelOpt(fallback = '-O0'): string[] {
  const o = modelLevel(fallback);
  return ['-MAKEFLAGS', `OPT_FAST=${o} OPT_SLOW=${o}${build.style === 'make-split' ? '' : ' VM_PARALLEL_BUILDS=0'}`];
}

/**
 * How a harness is compiled: bitforge's one unit on a precompiled header (the default,
 * harness-build.ts), or Verilator's make with the model as one unit or split; the bench measures all three.
 */
export const build: { style: 'unit' | 'make-one' | 'make-split' } = { style: 'unit' };

/** What is wrong with $BITFORGE_VERILATOR_OPT, if anything (the CLI checks before any work). */
export function modelOptProblem(): string | undefined {
  const o = process.env.BITFORGE_VERILATOR_OPT;
  return o === undefined || /^-O[0-3s]$/.test(o) ? undefined : `BITFORGE_VERILATOR_OPT: expected one of -O0, -O1, -O2, -O3, -Os, got '${o}'`;
}

let hasCcache: boolean | undefined;

/** Parallel make jobs for one build: the machine's cores. */
export function makeJobs(): number {
  return availableParallelism();
}

/**
 * Environment for a Verilator build: OBJCACHE=ccache (read by Verilator's makefile) with the ccache
 * directory inside bitforge's cache unless the user chose one, paths hashed relative to the cache so
 * that builds in different scratch directories share objects.
 */
export function compileEnv(): Record<string, string> {
  hasCcache ??= spawnSync('ccache', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasCcache || process.env.OBJCACHE !== undefined) return {};
  return {
    OBJCACHE: 'ccache',
    CCACHE_DIR: process.env.CCACHE_DIR ?? join(cacheRoot(), 'ccache'),
    CCACHE_BASEDIR: process.env.CCACHE_BASEDIR ?? cacheRoot(),
    CCACHE_NOHASHDIR: 'true',
  };
}
