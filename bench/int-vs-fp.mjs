// INT vs FP block formats (issue: block-scaled formats; formats.md §8): for each format, ± the Hadamard
// rotation, the error on the real tensors of ../shared/data (weights and activations quantized, W·x
// with both quantized: accuracy/blockfmt.ts through the golden models) beside the cost of its
// quantizer and dot unit on xc7 and ice40 (one Yosys, one run), then the papers' claims, one by one.
import { cpus } from 'node:os';
import { blockAccuracy } from '../dist/accuracy/blockfmt.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { blockfmtDotBlock } from '../dist/blocks/blockfmt/dot/block.js';
import { blockfmtQuantizeBlock } from '../dist/blocks/blockfmt/quantize/block.js';
import { blockSource, synthesizeSource } from '../dist/synth/run.js';
import { pool } from './pool.mjs';

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
  // Cost: the quantizer (with its rotation) and the dot unit, default registers, per target.
  const units = rows.flatMap((r) => [
    ['quantize', blockfmtQuantizeBlock, { elem: r.elem, block: r.block, scale: r.scale, tensorScale: r.tensorScale, rotate: r.rotate }],
    ...(r.rotate === 'none' ? [['dot', blockfmtDotBlock, { elem: r.elem, block: r.block, scale: r.scale, tensorScale: r.tensorScale }]] : []),
  ].map(([unit, b, p]) => ({ row: r, unit, src: blockSource(b, b.params.parse(p)) })));
  const jobs = units.flatMap((u) => TARGETS.map((target) => async () => ({ u, target, rep: await synthesizeSource(u.src, { target }) })));
  const done = await pool(jobs, cpus().length);
  for (const { u, target, rep } of done) {
    u.row.cost[`${u.unit}:${target}`] = { lut: rep.totals.lut, ff: rep.totals.ff, dsp: rep.totals.dsp ?? 0, carry: rep.totals.carry ?? 0, fmaxMHz: rep.timing?.fmaxMHz ?? null, yosys: rep.tools?.yosys?.version };
    console.log(`${u.row.name}${u.row.rotate === 'hadamard' ? ' + H' : ''} ${u.unit} on ${target}: LUT ${rep.totals.lut}, FF ${rep.totals.ff}, DSP ${rep.totals.dsp ?? 0}`);
  }
  return { rows, variants, cost: true };
}
