// What every Verilated harness shares, built once per cache: Verilator's runtime objects
// (verilated.cpp, verilated_threads.cpp) and a precompiled header of verilated.h and Node's N-API.
// With them, a design's harness is one compiler call on one translation unit that no longer parses
// Verilator's headers (1.5 s of every build on the 2-core CI machine). The flags are Verilator's own,
// read from the makefile it generates, so the objects are what `verilator --build` would have made.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBuild } from './build-cache.js';
import { tool, verilatorVersion } from './simulators.js';

const FLAGS_MK = resolve(dirname(fileURLToPath(import.meta.url)), '../../tb/harness/flags.mk');
export const PCH = 'bitforge_pch.h';
const RUNTIME_SOURCES = ['verilated', 'verilated_threads'];

/** How Verilator's makefile compiles and links a model (its -MMD dependency output dropped). */
export interface CompileFlags {
  readonly cxx: string;
  readonly cxxflags: readonly string[];
  readonly optGlobal: readonly string[]; // the runtime's level
  readonly link: string;
  readonly ldflags: readonly string[];
  readonly ldlibs: readonly string[];
}

const words = (line: string | undefined) => (line ?? '').split(/\s+/).filter((w) => w !== '' && w !== '-MMD');

/** Asks the makefile Verilator generated in `objDir` (prefix Vdut) for its compiler and flags. */
export async function makefileFlags(objDir: string): Promise<CompileFlags> {
  const out = await tool('make', ['-s', '-f', 'Vdut.mk', '-f', FLAGS_MK, 'bitforge-flags'], objDir, 60_000, "Reading Verilator's makefile flags");
  const [cxx, cxxflags, opt, link, ldflags, ldlibs] = out.split('\n');
  return { cxx: cxx!.trim(), cxxflags: words(cxxflags), optGlobal: words(opt), link: link!.trim(), ldflags: words(ldflags), ldlibs: words(ldlibs) };
}

let compilerVersion: string | undefined;

/**
 * The cache entry with the runtime objects and the precompiled header for these flags, the user's
 * extra flags and the model's level (a precompiled header is only valid for the level it was built at).
 */
export async function verilatorRuntime(f: CompileFlags, extra: readonly string[], level: string): Promise<{ dir: string; objects: string[] }> {
  compilerVersion ??= spawnSync(f.cxx, ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? f.cxx;
  const key = createHash('sha256').update(await verilatorVersion()).update(compilerVersion)
    .update(JSON.stringify([f, extra, level])).digest('hex').slice(0, 24);
  const flags = [...f.cxxflags, ...extra];
  const { dir } = await cachedBuild('verilator-runtime', key, 'ready', async (build) => {
    const root = (await tool('verilator', ['--getenv', 'VERILATOR_ROOT'], build, 60_000, 'verilator --getenv')).trim();
    writeFileSync(join(build, PCH), '#include "verilated.h"\n#include <node_api.h>\n#include <cstdint>\n');
    await Promise.all([
      ...RUNTIME_SOURCES.map((s) => tool(f.cxx, [...flags, ...f.optGlobal, '-c', '-o', `${s}.o`, join(root, 'include', `${s}.cpp`)], build, 600_000, `Compiling Verilator's ${s}.cpp`)),
      tool(f.cxx, [...flags, level, '-x', 'c++-header', '-o', `${PCH}.gch`, PCH], build, 600_000, 'Precompiling Verilator\'s headers'),
    ]);
    writeFileSync(join(build, 'ready'), '');
  });
  return { dir, objects: RUNTIME_SOURCES.map((s) => join(dir, `${s}.o`)) };
}
