// How Verilator builds compile: make with one job per core, and every C++ file through ccache when it
// is installed (`npm run tools` installs it). ccache matters even on a cold cache: each build compiles
// the same Verilator runtime and harness glue, and designs that differ only in the harness share
// their model's objects. Neither setting changes what is built, so neither is in a build's cache key.

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cacheRoot } from './build-cache.js';

/**
 * The model's C++ at -O1 instead of Verilator's default -Os: on the big generated functions of a wide
 * design GCC's -Os and -O2 take minutes (tensordash.pe with 16 lanes: 85 s at -Os, 101 s at -O2,
 * 7.7 s at -O1, one core), while cosimulation runs as fast end to end, its pace being the golden
 * model's (bench/results/test-budget.md). This one changes the build, so it is in the cache keys.
 */
export const MODEL_OPT = ['-MAKEFLAGS', 'OPT_FAST=-O1 OPT_SLOW=-O1'];

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
