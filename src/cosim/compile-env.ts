// How Verilator builds compile: the model's optimization level, make with one job per core, and every
// C++ file through ccache when it is installed (`npm run tools` installs it). ccache matters even on a
// cold cache: each build compiles the same Verilator runtime and harness glue, and designs that differ
// only in the harness share their model's objects. The job count and ccache do not change what is
// built, so they stay out of the build's cache key; the optimization level is in it.

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cacheRoot } from '../util/cache-root.js';

/**
 * The model's C++ at -O1 instead of Verilator's default -Os: on the big generated functions of a wide
 * design GCC's -Os and -O2 are slow (tensordash.pe with 16 lanes and 3 × 2-bit operands, 2 cores:
 * 36 s at -Os, 45 s at -O2, 5.7 s at -O1), while cosimulation runs as fast end to end, its pace
 * being mostly the golden model's (bench/results/verilator-opt.md). BITFORGE_VERILATOR_OPT
 * (-O0 … -O3, -Os) chooses another level, e.g. -O2 for a very long run of a small design.
 */
export function modelOpt(fallback = '-O1'): string[] {
  const problem = modelOptProblem();
  if (problem) throw new Error(problem);
  const o = process.env.BITFORGE_VERILATOR_OPT ?? fallback;
  return ['-MAKEFLAGS', `OPT_FAST=${o} OPT_SLOW=${o}`];
}

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
