// The TypeScript simulator against in-process Verilator, end to end (`bitforge sim`'s simulate():
// elaborate, golden model, simulate, compare), for 10^3, 10^5 and 10^6 vectors. Verilator cold: an
// empty build cache and no ccache, so the C++ build is in the time; cached: the same run again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../dist/blocks/catalogue.js';
import { simulate } from '../dist/cosim/run.js';

const DESIGNS = [
  { block: 'int.mac', params: {} },
  { block: 'examples.adder-tree', params: {} },
];
export const COUNTS = [1_000, 100_000, 1_000_000];

export async function runTsSimBench() {
  const rows = [];
  const saved = { cache: process.env.BITFORGE_CACHE, objcache: process.env.OBJCACHE };
  try {
    for (const d of DESIGNS) {
      const b = catalogue.find((x) => x.name === d.block);
      const params = b.params.parse(d.params);
      for (const vectors of COUNTS) {
        const run = async (sim) => {
          const t0 = performance.now();
          const r = await simulate(b, params, sim, { seed: 1, vectors, outDir: mkdtempSync(join(tmpdir(), 'bitforge-tsbench-')) });
          if (r.failed) throw new Error(`${d.block} on ${sim}: ${r.failed} failed`);
          return { seconds: (performance.now() - t0) / 1000, checked: r.passed };
        };
        process.env.OBJCACHE = ''; // no ccache: the cold build compiles everything
        process.env.BITFORGE_CACHE = mkdtempSync(join(tmpdir(), 'bitforge-tsbench-cache-'));
        const cold = await run('verilator');
        const cached = await run('verilator');
        const ts = await run('ts');
        rows.push({ block: d.block, vectors: ts.checked, tsSeconds: ts.seconds, verilatorColdSeconds: cold.seconds, verilatorCachedSeconds: cached.seconds });
        console.log(`${d.block} ${vectors}: ts ${ts.seconds.toFixed(2)} s, verilator cold ${cold.seconds.toFixed(2)} s, cached ${cached.seconds.toFixed(2)} s`);
      }
    }
  } finally {
    for (const [k, v] of [['BITFORGE_CACHE', saved.cache], ['OBJCACHE', saved.objcache]]) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return rows;
}
