// The C++ optimization level of the Verilated model: cold build time (no ccache, a fresh cache) and
// end-to-end cosimulation time with the built harness, per level and per layout (Verilator's split
// files or one translation unit), in one run. Verilator's own default is -Os, split; bitforge builds
// at -O0 as one unit (src/cosim/compile-env.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../dist/blocks/catalogue.js';
import { units } from '../dist/cosim/compile-env.js';
import { buildHarness } from '../dist/cosim/harness-build.js';
import { harnessSpecOf } from '../dist/cosim/in-process.js';
import { simulate } from '../dist/cosim/run.js';
import { setupCosim } from '../dist/cosim/setup.js';

export const CONFIGS = [
  { level: '-Os', one: false }, { level: '-O1', one: false }, { level: '-O0', one: false }, { level: '-O1', one: true }, { level: '-O0', one: true },
];
export const DEFAULT = { level: '-O0', one: true };
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
      for (const { level, one } of CONFIGS) {
        process.env.BITFORGE_VERILATOR_OPT = level;
        units.one = one;
        process.env.BITFORGE_CACHE = mkdtempSync(join(tmpdir(), 'bitforge-opt-bench-'));
        const built = await buildHarness(harnessSpecOf(setupCosim(b, params)));
        let best = Infinity, mismatches = 0;
        for (let i = 0; i < 2; i++) {
          const t0 = performance.now();
          const r = await simulate(b, params, 'verilator', { seed: 1, vectors: d.vectors, outDir: process.env.BITFORGE_CACHE });
          best = Math.min(best, (performance.now() - t0) / 1000);
          mismatches += r.failed;
        }
        rows.push({ block: d.block, params: d.params, level, one, vectors: d.vectors, buildSeconds: built.seconds, simSeconds: best, mismatches });
        console.log(`${d.block} ${JSON.stringify(d.params)} ${level}${one ? ' one unit' : ''}: build ${built.seconds.toFixed(1)} s, ${d.vectors} vectors in ${best.toFixed(2)} s`);
      }
    }
  } finally {
    units.one = DEFAULT.one;
    for (const [k, v] of [['BITFORGE_VERILATOR_OPT', saved.opt], ['BITFORGE_CACHE', saved.cache], ['OBJCACHE', saved.objcache]]) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return rows;
}
