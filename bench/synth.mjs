// Synthesis wall time per target for mid-size blocks, side by side in one run (uncached), and the
// ratio WebAssembly Yosys / native Yosys on the same script when a native `yosys` is on PATH.
import { spawnSync } from 'node:child_process';
import { adderTreeBlock } from '../dist/blocks/examples/adder-tree/block.js';
import { intMacBlock } from '../dist/blocks/int/mac/block.js';
import { synthesize } from '../dist/synth/run.js';
import { TARGETS } from '../dist/synth/targets.js';

const BLOCKS = [
  { block: adderTreeBlock, params: { n: 16, width: 16, every: 1 }, label: 'examples.adder-tree n=16 width=16 (280 pins: wrapper needed on ice40)' },
  { block: intMacBlock, params: intMacBlock.params.parse({}), label: 'int.mac defaults' },
];
const REPEATS = 2;

async function best(block, params, options) {
  let r;
  for (let i = 0; i < REPEATS; i++) {
    const x = await synthesize(block, params, { ...options, cache: false });
    if (!r || x.wallSeconds < r.wallSeconds) r = x;
  }
  return r;
}

export async function runSynthBench() {
  const native = spawnSync('yosys', ['-V'], { encoding: 'utf8' });
  const nativeVersion = native.status === 0 ? native.stdout.trim() : null;
  const rows = [];
  for (const { block, params, label } of BLOCKS) {
    for (const target of TARGETS) {
      const r = await best(block, params, { target });
      let nativeSeconds = null;
      // Yosys alone: compare on targets without place and route, where the run is Yosys only.
      if (nativeVersion && target !== 'ice40') nativeSeconds = (await best(block, params, { target, yosys: 'native' })).wallSeconds;
      rows.push({ label, target, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, dsp: r.totals.dsp, fmaxMHz: r.pnr?.fmaxMHz ?? null,
        wallSeconds: r.wallSeconds, nativeSeconds, wasmOverNative: nativeSeconds ? r.wallSeconds / nativeSeconds : null });
      console.log(`${label} on ${target}: ${r.wallSeconds.toFixed(1)} s${nativeSeconds ? ` (native Yosys ${nativeSeconds.toFixed(1)} s)` : ''}`);
    }
  }
  // Per block, each target's time as a ratio of the fastest target's.
  for (const row of rows) row.overFastest = row.wallSeconds / Math.min(...rows.filter((x) => x.label === row.label).map((x) => x.wallSeconds));
  return { rows, nativeVersion, repeats: REPEATS };
}
