// Builds the in-process cosim harness of a design: Verilator C++ of the design + the harness core
// (rendered from tb/harness/core.h.hbs) + the N-API glue (tb/harness/addon.cpp) → harness.node.
// The model and the glue are one translation unit, compiled with the precompiled header and linked
// with the runtime objects of verilator-runtime.ts; Verilator's own make (split files, or one unit)
// stays for the bench to measure against. Builds are cached (build-cache.ts) by a content hash of
// everything that goes into them.

import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesignFile } from '../codegen/design-files.js';
import type { RowLayout } from './rows.js';
import { cachedBuild } from './build-cache.js';
import { build as buildStyle, compileEnv, makeJobs, modelLevel, modelOpt } from './compile-env.js';
import { tool, verilatorVersion } from './simulators.js';
import { makefileFlags, PCH, verilatorRuntime } from './verilator-runtime.js';

const TB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../tb/harness');
const require = createRequire(import.meta.url);
const NAPI_INCLUDE: string = (require('node-api-headers') as { include_dir: string }).include_dir;

export interface HarnessSpec {
  readonly top: string;
  readonly files: readonly DesignFile[]; // the design's Verilog (other files are ignored)
  readonly ins: RowLayout;
  readonly outs: RowLayout;
  readonly clock: boolean;
  readonly reset: boolean; // reset once when the harness is created (not for cycle models: rst is theirs)
  readonly pipeline: boolean; // has in_valid/out_valid
  readonly stream: boolean; // has in_valid/in_ready/out_valid/out_ready
}

/** The harness core header for this design (shared by the addon and the plain C++ loop). */
function renderCore(s: HarnessSpec): string {
  const template = Handlebars.compile(readFileSync(join(TB_DIR, 'core.h.hbs'), 'utf8'), { noEscape: true, strict: true });
  return template({
    top: s.top, inWords: s.ins.words, outWords: s.outs.words, clock: s.clock, resetOnCreate: s.reset,
    pipeline: s.pipeline, stream: s.stream, ins: s.ins.ports, outs: s.outs.ports,
  });
}

const CFLAGS = ['-fPIC', '-fno-semantic-interposition', '-fvisibility=hidden', `-I${NAPI_INCLUDE}`, '-DNODE_GYP_MODULE_NAME=bitforge_harness'];
const VFLAGS = ['--cc', '-Wno-fatal', '-Wno-lint', '-Wno-style', '-O3', '--x-assign', 'fast', '--x-initial', 'fast'];

export interface BuiltHarness {
  readonly path: string; // the shared object (harness.node, or the plain executable)
  readonly cached: boolean;
  readonly seconds: number;
}

/**
 * Builds (or finds in the cache) either the Node addon or, for the benchmark, the plain C++ loop.
 * The cache key covers the design, the rendered core, the glue, Verilator's version, the flags, the
 * build style and Node's ABI.
 */
export async function buildHarness(s: HarnessSpec, kind: 'addon' | 'plain' = 'addon'): Promise<BuiltHarness> {
  const t0 = performance.now();
  const core = renderCore(s);
  const glue = kind === 'addon' ? 'addon.cpp' : 'plain_main.cpp';
  const out = kind === 'addon' ? 'harness.node' : 'plain';
  const verilog = s.files.filter((f) => f.path.endsWith('.v'));
  const style = buildStyle.style;
  const level = modelLevel();
  const h = createHash('sha256').update(await verilatorVersion()).update(JSON.stringify([VFLAGS, CFLAGS, style, level]))
    .update(process.versions.modules).update(core).update(readFileSync(join(TB_DIR, glue)));
  for (const f of verilog) h.update(f.path).update(f.content);
  const { dir, cached } = await cachedBuild('harness', `${kind}-${h.digest('hex').slice(0, 24)}`, out, async (build) => {
    for (const f of verilog) writeFileSync(join(build, f.path), f.content);
    writeFileSync(join(build, 'harness_core.h'), core);
    copyFileSync(join(TB_DIR, glue), join(build, glue));
    const what = `Verilator build of the ${kind === 'addon' ? 'cosim harness' : 'plain C++ loop'}`;
    const verilate = [...VFLAGS, '--top-module', s.top, '--prefix', 'Vdut', '-Mdir', 'obj'];
    if (style === 'unit') {
      await tool('verilator', [...verilate, ...verilog.map((f) => f.path)], build, 1_800_000, what);
      await compileUnit(build, glue, out, kind === 'addon', level, what);
    } else {
      const ldflags = kind === 'addon' ? ['-LDFLAGS', '-shared'] : [];
      await tool('verilator', [...verilate, '--exe', '--build', ...modelOpt(), '-j', String(makeJobs()), '-o', out, '-CFLAGS', CFLAGS.join(' '), ...ldflags,
        glue, ...verilog.map((f) => f.path)], build, 1_800_000, what, compileEnv());
      copyFileSync(join(build, 'obj', out), join(build, out));
    }
    rmSync(join(build, 'obj'), { recursive: true, force: true });
  });
  return { path: join(dir, out), cached, seconds: (performance.now() - t0) / 1000 };
}

/** The model's C++ files and the glue as one unit on the precompiled header, linked with the runtime. */
async function compileUnit(build: string, glue: string, out: string, shared: boolean, level: string, what: string): Promise<void> {
  const flags = await makefileFlags(join(build, 'obj'));
  const rt = await verilatorRuntime(flags, CFLAGS, level);
  const model = readdirSync(join(build, 'obj')).filter((f) => /^Vdut.*\.cpp$/.test(f)).sort();
  writeFileSync(join(build, 'unit.cpp'), [PCH, ...model.map((f) => `obj/${f}`), glue].map((f) => `#include "${f}"\n`).join(''));
  await tool(flags.cxx, [...flags.cxxflags, ...CFLAGS, level, '-Winvalid-pch', `-I${rt.dir}`, '-Iobj', '-c', '-o', 'unit.o', 'unit.cpp'], build, 1_800_000, what);
  await tool(flags.link, [...flags.ldflags, 'unit.o', ...rt.objects, ...(shared ? ['-shared'] : []), ...flags.ldlibs, '-o', out], build, 600_000, what);
  rmSync(join(build, 'unit.o'));
}

/** The loaded addon: one Verilated model per create(). */
export interface HarnessAddon {
  create(): object;
  run(h: object, mode: number, inRows: Uint32Array, n: number, gaps: Uint8Array, stalls: Uint8Array, outRows: Uint32Array, nOut: number, maxCycles: number): Promise<{ seen: number; cycles: number }>;
  readonly inWords: number;
  readonly outWords: number;
}

export function loadHarness(path: string): HarnessAddon {
  return require(path) as HarnessAddon;
}
