// INT vs FP block formats (issue: block-scaled formats; formats.md §8): for each format, ± the Hadamard
// rotation, the error on the real tensors of ../shared/data (weights and activations quantized, W·x
// with both quantized: accuracy/blockfmt.ts through the golden models) beside the cost of its
// quantizer and dot unit on xc7 and ice40 from the example sweep, then the papers' claims, one by one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockAccuracy } from '../dist/accuracy/blockfmt.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { findShared } from '../dist/accuracy/shared-dir.js';

export const FORMATS = [
  { name: 'MXINT8', elem: 'int8', block: 32, scale: 'e8m0' },
  { name: 'MXFP8 (e4m3)', elem: 'e4m3', block: 32, scale: 'e8m0' },
  { name: 'MXFP8 (e5m2)', elem: 'e5m2', block: 32, scale: 'e8m0' },
  { name: 'MXFP4', elem: 'e2m1', block: 32, scale: 'e8m0' },
  { name: 'MXINT4', elem: 'int4', block: 32, scale: 'e8m0' },
  { name: 'NVFP4', elem: 'e2m1', block: 16, scale: 'ue4m3' },
  { name: 'NVINT4', elem: 'int4', block: 16, scale: 'ue4m3' },
  { name: 'e2m1, k 16, e8m0', elem: 'e2m1', block: 16, scale: 'e8m0' },
  { name: 'e2m1, k 16, UE5M3', elem: 'e2m1', block: 16, scale: 'ue5m3' },
  { name: 'e2m1, k 16, UE5M3, no S_t', elem: 'e2m1', block: 16, scale: 'ue5m3', tensorScale: false },
  { name: 'e2m1, k 16, ue4m3, no S_t', elem: 'e2m1', block: 16, scale: 'ue4m3', tensorScale: false },
  { name: 'int4, k 16, e8m0', elem: 'int4', block: 16, scale: 'e8m0' },
  { name: 'int4, k 16, UE5M3', elem: 'int4', block: 16, scale: 'ue5m3' },
  { name: 'int4, k 16, UE5M3, no S_t', elem: 'int4', block: 16, scale: 'ue5m3', tensorScale: false },
];
/** Accuracy only (their hardware is the rows above with another option): rounding and integer range. */
export const VARIANTS = [
  { name: 'MXFP4, stochastic rounding (LFSR, 8 bits)', elem: 'e2m1', block: 32, scale: 'e8m0', round: 'stochastic' },
  { name: 'MXINT4, full range', elem: 'int4', block: 32, scale: 'e8m0', intRange: 'full' },
  { name: 'NVINT4, full range', elem: 'int4', block: 16, scale: 'ue4m3', intRange: 'full' },
];
const ROTATED = new Set(['MXFP4', 'MXINT4', 'NVFP4', 'NVINT4', 'e2m1, k 16, UE5M3, no S_t', 'int4, k 16, UE5M3, no S_t']);
const TARGETS = ['xc7', 'ice40'];
const SWEEP_OUT = 'bench/results/int-vs-fp-sweep';

export async function runIntVsFp() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('int-vs-fp: no ../shared/data/weights (set BITFORGE_SHARED)');
  const data = loadTensors(dir);
  const rows = [];
  for (const f of FORMATS) for (const rotate of ROTATED.has(f.name) ? ['none', 'hadamard'] : ['none']) {
    const t = Date.now();
    const acc = blockAccuracy(data, { elem: f.elem, block: f.block, scale: f.scale, tensorScale: f.tensorScale, rotate });
    rows.push({ ...f, rotate, ...acc, cost: {} });
    console.log(`${f.name}${rotate === 'hadamard' ? ' + Hadamard' : ''}: W ${acc.sqnrDb.toFixed(2)} dB, x ${acc.actSqnrDb.toFixed(2)} dB, W·x ${acc.dotRelErr.toFixed(4)} (${Date.now() - t} ms)`);
  }
  const variants = VARIANTS.map((f) => {
    const acc = blockAccuracy(data, { ...f, rotate: 'none' });
    console.log(`${f.name}: W ${acc.sqnrDb.toFixed(2)} dB, bias ${acc.bias.toExponential(2)}`);
    return { ...f, ...acc };
  });
  // INT_VS_FP_COST=0: accuracy only (the synthesis of every unit on two targets takes hours on 2 cores).
  if (process.env.INT_VS_FP_COST === '0') return { rows, variants, cost: false };
  // Cost: from the example sweep (examples/sweeps/int-vs-fp.json, one command for the whole comparison),
  // run here through the CLI into bench/results/int-vs-fp-sweep/ (the synthesis cache makes a warm run
  // quick): every unrotated format's quantizer and dot unit on xc7 and ice40, the exact fp32 rotation at
  // k = 16 alone on xc7 (~74k LUTs: it fits no iCE40), and NVINT4's rotated quantizer whole, which checks
  // that the rotation's cost adds. A rotated row's quantizer is the rotation plus its own (summed, ≈).
  execFileSync(process.execPath, ['dist/cli/main.js', 'sweep', 'examples/sweeps/int-vs-fp.json', '--out', SWEEP_OUT], { stdio: ['ignore', 'inherit', 'inherit'] });
  const reports = JSON.parse(readFileSync(join(SWEEP_OUT, 'report.json'), 'utf8')).reports;
  const costOf = (rep) => ({ lut: rep.totals.lut, ff: rep.totals.ff, dsp: rep.totals.dsp ?? 0, carry: rep.totals.carry ?? 0, fmaxMHz: rep.timing?.fmaxMHz ?? null, yosys: rep.tools?.yosys?.version });
  const same = (p, q) => Object.entries(q).every(([k, v]) => p[k] === v);
  const find = (block, target, params) => reports.find((r) => r.block === block && r.target === target && same(r.params, params));
  for (const r of rows.filter((x) => x.rotate === 'none')) {
    for (const [unit, block] of [['quantize', 'blockfmt.quantize'], ['dot', 'blockfmt.dot']]) for (const target of TARGETS) {
      // A report without tensorScale has the default (a tensor scale, with ue scales).
      const hit = reports.find((x) => x.block === block && x.target === target && same(x.params, { elem: r.elem, block: r.block, scale: r.scale, ...(unit === 'quantize' ? { rotate: 'none' } : {}) })
        && (x.params.tensorScale === false) === (r.tensorScale === false));
      if (!hit) throw new Error(`int-vs-fp: the sweep has no ${block} for ${r.name} on ${target}`);
      r.cost[`${unit}:${target}`] = costOf(hit);
    }
  }
  const nvint4 = FORMATS.find((f) => f.name === 'NVINT4');
  const measured = {
    hadamard16: costOf(find('hadamard.transform', 'xc7', { n: 16, in: 'fp32' })),
    nvint4Rotated: costOf(reports.find((x) => x.block === 'blockfmt.quantize' && x.target === 'xc7' && same(x.params, { elem: nvint4.elem, block: nvint4.block, scale: nvint4.scale, rotate: 'hadamard' }))),
  };
  // Rotated rows at k = 16: the rotation plus the row's own quantizer, on xc7 (summed, marked so).
  for (const r of rows.filter((x) => x.rotate === 'hadamard' && x.block === 16)) {
    const q = rows.find((x) => x.name === r.name && x.rotate === 'none').cost['quantize:xc7'];
    const h = measured.hadamard16;
    r.cost['quantize:xc7'] = { lut: h.lut + q.lut, ff: h.ff + q.ff, dsp: h.dsp + q.dsp, carry: h.carry + q.carry, fmaxMHz: Math.min(h.fmaxMHz ?? Infinity, q.fmaxMHz ?? Infinity), summed: true, yosys: h.yosys };
  }
  return { rows, variants, cost: true, measured };
}
