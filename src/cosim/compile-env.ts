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
 * The model's C++ at -O0, compiled as one translation unit (VM_PARALLEL_BUILDS=0), instead of
 * Verilator's default -Os split over many files. A test suite builds each design once and runs it for
 * seconds, and the pace of a cosimulation is mostly the golden model's, so compile time is what
 * counts: on 2 cores GCC takes 40 s for mx.dot-general's 9,500-line input function at -O1 and 3× less
 * at -O0, and every split file parses Verilator's headers again (bench/results/verilator-opt.md has
 * both, side by side). BITFORGE_VERILATOR_OPT (-O0 … -O3, -Os) chooses another level, e.g. -O2 for a
 * very long run of a small design.
 */
export function modelOpt(fallback = '-O0'): string[] {
  const problem = modelOptProblem();
  if (problem) throw new Error(problem);
  const o = process.env.BITFORGE_VERILATOR_OPT ?? fallback;
  return ['-MAKEFLAGS', `OPT_FAST=${o} OPT_SLOW=${o}${units.one ? ' VM_PARALLEL_BUILDS=0' : ''}`];
}

/** One translation unit (the default) or Verilator's split files: the bench measures both. */
export const units = { one: true };

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
