// The C++ optimization level of the Verilated model: cold build time (no ccache, a fresh cache) and
// end-to-end cosimulation time with the built harness, per level and per build style (Verilator's
// make with split files or one translation unit, or bitforge's one unit on a precompiled header), in
// one run. Verilator's own default is -Os, split; bitforge builds at -O0 as one unit on a precompiled
// header (src/cosim/harness-build.ts). A cold build of the unit style includes the runtime objects
// and the header, built once per cache; `warm runtime` is a second design's build after them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../dist/blocks/catalogue.js';
import { build } from '../dist/cosim/compile-env.js';
import { buildHarness } from '../dist/cosim/harness-build.js';
import { harnessSpecOf } from '../dist/cosim/in-process.js';
import { simulate } from '../dist/cosim/run.js';
import { setupCosim } from '../dist/cosim/setup.js';

export const CONFIGS = [
  { level: '-Os', style: 'make-split' }, { level: '-O1', style: 'make-split' }, { level: '-O0', style: 'make-split' },
  { level: '-O1', style: 'make-one' }, { level: '-O0', style: 'make-one' }, { level: '-O0', style: 'unit' },
];
export const DEFAULT = { level: '-O0', style: 'unit' };
const DESIGNS = [
  { block: 'tensordash.pe', params: { lanes: 16, lookahead: 2, aBits: 3, bBits: 2, signed: false }, vectors: 100_000 },
  { block: 'mokey.pe', params: {}, vectors: 30_000 },
  { block: 'minifloat.mac', params: { a: 'e4m3', b: 'e4m3' }, vectors: 1_000_000 },
  { block: 'mx.dot-general', params: { elem: 'int8', acc: 'fp32' }, vectors: 30_000 },
];

export async function runVerilatorOptBench() {
  const rows = [];
  const saved = { opt: process.env.BITFORGE_VERILATOR_OPT, cache: process.env.BITFORGE_CACHE, objcache: process.env.OBJCACHE };
  process.env.OBJCACHE = ''; // no ccache: every level compiles everything
  try {
    for (const d of DESIGNS) {
      const b = catalogue.find((x) => x.name === d.block);
      const params = b.params.parse(d.params);
      for (const { level, style } of CONFIGS) {
        process.env.BITFORGE_VERILATOR_OPT = level;
        build.style = style;
        process.env.BITFORGE_CACHE = mkdtempSync(join(tmpdir(), 'bitforge-opt-bench-'));
        const built = await buildHarness(harnessSpecOf(setupCosim(b, params)));
        let warmRuntime = null; // the same design again, only the runtime and header kept
        if (style === 'unit') {
          rmSync(join(process.env.BITFORGE_CACHE, 'harness'), { recursive: true });
          warmRuntime = (await buildHarness(harnessSpecOf(setupCosim(b, params)))).seconds;
        }
        let best = Infinity, mismatches = 0;
        for (let i = 0; i < 2; i++) {
          const t0 = performance.now();
          const r = await simulate(b, params, 'verilator', { seed: 1, vectors: d.vectors, outDir: process.env.BITFORGE_CACHE });
          best = Math.min(best, (performance.now() - t0) / 1000);
          mismatches += r.failed;
        }
        rows.push({ block: d.block, params: d.params, level, style, vectors: d.vectors, buildSeconds: built.seconds, warmRuntimeSeconds: warmRuntime, simSeconds: best, mismatches });
        console.log(`${d.block} ${JSON.stringify(d.params)} ${level} ${style}: build ${built.seconds.toFixed(1)} s${warmRuntime === null ? '' : ` (${warmRuntime.toFixed(1)} s with the runtime built)`}, ${d.vectors} vectors in ${best.toFixed(2)} s`);
      }
    }
  } finally {
    build.style = DEFAULT.style;
    for (const [k, v] of [['BITFORGE_VERILATOR_OPT', saved.opt], ['BITFORGE_CACHE', saved.cache], ['OBJCACHE', saved.objcache]]) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return rows;
}
