// Cosimulation throughput, side by side in one run, for a combinational block and a pipelined MAC:
//  - bitforge: `simulate()` with the in-process Verilator harness (stimulus + golden model in
//    TypeScript, batches of rows through the N-API addon, every output compared);
//  - plain C++: the same Verilated model and run loop driven by a C++ main over the same vectors
//    (pre-generated into memory, outputs compared with memcmp): no TypeScript in it;
//  - Icarus on the generated Verilog testbench;
//  - the harness build, cold (fresh cache) and cached.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adderTreeBlock } from '../dist/blocks/examples/adder-tree/block.js';
import { intMacBlock } from '../dist/blocks/int/mac/block.js';
import { buildHarness } from '../dist/cosim/harness-build.js';
import { harnessSpecOf, MODE_NUMBER } from '../dist/cosim/in-process.js';
import { simulate } from '../dist/cosim/run.js';
import { setupCosim } from '../dist/cosim/setup.js';
import { vectorSource } from '../dist/cosim/vectors.js';

const VECTORS = 4_000_000, ICARUS_VECTORS = 20_000, SEED = 1;

/** The run's vectors, concatenated, as the plain loop's input files. */
function writeVectorFiles(s, dir) {
  const src = vectorSource(s, { seed: SEED, vectors: VECTORS });
  const parts = { in: [], expected: [], gaps: [], stalls: [] };
  for (const c of src.chunks(1 << 16)) {
    parts.in.push(c.inRows.slice(0, c.n * s.ins.words)); parts.expected.push(c.expRows.slice(0, c.n * s.outs.words)); // chunks reuse their arrays
    parts.gaps.push(c.gaps.slice()); parts.stalls.push(c.stalls.slice());
  }
  for (const [k, arrs] of Object.entries(parts)) writeFileSync(join(dir, `${k}.bin`), Buffer.concat(arrs.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
  return src.total;
}

export async function runCosimBench() {
  const cases = [
    { label: 'combinational: adder tree, 8 × 16-bit (every=0)', block: adderTreeBlock, params: { n: 8, width: 16, every: 0 } },
    { label: 'pipelined MAC: int.mac 8×8 signed, n=1024, 1 stage', block: intMacBlock, params: { aBits: 8, bBits: 8, signed: true, n: 1024, stages: 1 } },
  ];
  const rows = [];
  const oldCache = process.env.BITFORGE_CACHE;
  for (const c of cases) {
    const s = setupCosim(c.block, c.params);
    process.env.BITFORGE_CACHE = mkdtempSync(join(tmpdir(), 'bitforge-bench-cache-')); // cold
    const cold = await buildHarness(harnessSpecOf(s));
    const warm = await buildHarness(harnessSpecOf(s));
    // bitforge in-process: best of 3 (build served from the cache)
    let ours = Infinity, total = 0, failed = 0;
    for (let i = 0; i < 3; i++) {
      const r = await simulate(c.block, c.params, 'verilator', { seed: SEED, vectors: VECTORS, outDir: mkdtempSync(join(tmpdir(), 'bitforge-bench-')) });
      ours = Math.min(ours, r.seconds); total = r.vectors; failed += r.failed;
    }
    // plain C++ loop over the same vectors: best of 3
    const plain = await buildHarness(harnessSpecOf(s), 'plain');
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-plain-'));
    const n = writeVectorFiles(s, dir);
    let plainS = Infinity, plainBad = 0;
    for (let i = 0; i < 3; i++) {
      const [rowsRun, bad, secs] = execFileSync(plain.path, [String(MODE_NUMBER[s.mode])], { cwd: dir, encoding: 'utf8' }).trim().split(' ').map(Number);
      if (rowsRun !== n) throw new Error(`plain loop ran ${rowsRun} of ${n}`);
      plainS = Math.min(plainS, secs); plainBad += bad;
    }
    const ic = await simulate(c.block, c.params, 'icarus', { seed: SEED, vectors: ICARUS_VECTORS, outDir: mkdtempSync(join(tmpdir(), 'bitforge-bench-')) });
    const row = {
      label: c.label, vectors: total, mismatches: failed + plainBad + ic.failed,
      bitforgeVps: total / ours, plainVps: n / plainS, ratio: (total / ours) / (n / plainS),
      icarusVps: ic.vectors / ic.seconds, coldBuildS: cold.seconds, cachedBuildS: warm.seconds, plainBuildCached: plain.cached,
    };
    rows.push(row);
    console.log(`${c.label}: bitforge ${row.bitforgeVps.toExponential(3)} vectors/s, plain C++ ${row.plainVps.toExponential(3)} vectors/s → ${row.ratio.toFixed(2)}× (target ≥ 0.5); Icarus ${row.icarusVps.toExponential(3)} vectors/s; build cold ${row.coldBuildS.toFixed(1)} s, cached ${row.cachedBuildS.toFixed(3)} s; mismatches ${row.mismatches}`);
  }
  if (oldCache === undefined) delete process.env.BITFORGE_CACHE; else process.env.BITFORGE_CACHE = oldCache;
  return rows;
}
