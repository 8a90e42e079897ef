// TensorDash bench: the greedy schedule (the golden model, src/blocks/tensordash/schedule.ts) on
// real data. Each tensor is streamed as rows of N = 16 consecutive values (the zeros of A decide);
// int8 weights as they are, and the float32 activations of the data set after ReLU. Per tensor:
// sparsity, speedup = rows / cycles, and the ideal bound rows / ⌈non-zeros / N⌉.
import { loadInt8Tensors, loadTensors } from '../dist/accuracy/tensors.js';
import { candidatesOf, laneOrderOf } from '../dist/blocks/tensordash/candidates.js';
import { scheduleStream } from '../dist/blocks/tensordash/schedule.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { tensordashMuxBlock } from '../dist/blocks/tensordash/mux/block.js';
import { tensordashPeBlock } from '../dist/blocks/tensordash/pe/block.js';
import { tensordashSchedulerBlock } from '../dist/blocks/tensordash/scheduler/block.js';
import { synthesizeUnits } from './pool.mjs';

const N = 16, H = 2;
export const PAPER_SPEEDUP = 1.95;


/** Sparsity, cycles, speedup and the ideal bound of one tensor's values (zero = no work). */
export function tensordashRun(values, cands, order) {
  const rows = Math.ceil(values.length / N);
  const nonZero = Array.from({ length: rows }, (_, r) => Array.from({ length: N }, (_, l) => (values[r * N + l] ?? 0) !== 0));
  const nnz = nonZero.reduce((s, row) => s + row.filter(Boolean).length, 0);
  const { cycles } = scheduleStream(nonZero, N, H, cands, order);
  const ideal = Math.max(1, Math.ceil(nnz / N));
  return { values: values.length, rows, sparsity: 1 - nnz / values.length, cycles, speedup: rows / cycles, idealSpeedup: rows / ideal };
}

export function runTensordashBench() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('tensordash bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const p = { lanes: N, lookahead: H };
  const cands = candidatesOf(p), order = laneOrderOf(p);
  const rows = [];
  for (const t of loadInt8Tensors(dir)) rows.push({ tensor: t.name, kind: 'int8 weight', ...tensordashRun(t.data, cands, order) });
  const set = loadTensors(dir);
  const acts = new Map();
  for (const pr of set.pairs) acts.set(pr.act.name, pr.act);
  for (const a of acts.values()) rows.push({ tensor: a.name, kind: 'fp32 activation after ReLU', ...tensordashRun(Array.from(a.data, (x) => Math.max(0, x)), cands, order) });
  for (const r of rows) console.log(`tensordash ${r.tensor}: sparsity ${(100 * r.sparsity).toFixed(1)} %, speedup ${r.speedup.toFixed(3)} (ideal ${r.idealSpeedup.toFixed(2)})`);
  return { data: dir, lanes: N, lookahead: H, candidates: cands, rows };
}

/**
 * Cost, one run, on xc7 and ice40: the interconnect (tensordash.mux, A and B 8 bits) and the
 * scheduler synthesized on their own, the TensorDash PE (tensordash.pe), and a dense PE with the
 * same multipliers, tree and accumulator: tensordash.pe with H = 0 and the candidate set {0:0} (one
 * row per step, no lookahead). The paper's claim: the mux + scheduler cost under 5 % of the PE's area.
 */
export async function runTensordashCost() {
  // int8 as in the data; 16-bit operands show how the fraction falls as the multipliers grow (the
  // muxes grow with the width, a multiplier with its square).
  const units = [8, 16].flatMap((w) => [
    { key: 'mux', w, label: `tensordash.mux N=${N} H=${H}, A/B ${w} bit`, block: tensordashMuxBlock, params: { lanes: N, lookahead: H, aBits: w, bBits: w } },
    ...(w === 8 ? [{ key: 'scheduler', w, label: `tensordash.scheduler N=${N} H=${H}`, block: tensordashSchedulerBlock, params: { lanes: N, lookahead: H } }] : []),
    { key: 'pe', w, label: `tensordash.pe N=${N} H=${H}, int${w} × int${w}`, block: tensordashPeBlock, params: { lanes: N, lookahead: H, aBits: w, bBits: w } },
    { key: 'dense', w, label: `dense PE: tensordash.pe N=${N} H=0 candidates 0:0, int${w} × int${w}`, block: tensordashPeBlock, params: { lanes: N, lookahead: 0, candidates: '0:0', aBits: w, bBits: w } },
  ]);
  const targets = ['xc7', 'ice40'];
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, targets)) {
    rows.push({ key: u.key, bits: u.w, unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, dsp: r.totals.dsp, fmaxMHz: r.pnr?.fmaxMHz ?? null, unplaced: r.pnr?.unplaced ?? null, yosys: r.tools.yosys.version });
  }
  const fractions = [8, 16].flatMap((w) => targets.map((target) => {
    const get = (key) => rows.find((r) => r.key === key && r.target === target && (key === 'scheduler' || r.bits === w));
    const mux = get('mux'), sched = get('scheduler'), pe = get('pe'), dense = get('dense');
    return {
      bits: w, target,
      muxSchedulerLut: mux.lut + sched.lut, muxSchedulerFf: mux.ff + sched.ff, denseLut: dense.lut, denseFf: dense.ff, peLut: pe.lut, peFf: pe.ff,
      lutFraction: (mux.lut + sched.lut) / dense.lut, ffFraction: (mux.ff + sched.ff) / dense.ff,
      peOverDenseLut: pe.lut / dense.lut, peOverDenseFf: pe.ff / dense.ff,
    };
  }));
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}${r.fmaxMHz ? `, ${r.fmaxMHz} MHz` : ''}${r.unplaced ? ` (${r.unplaced})` : ''}`);
  for (const f of fractions) console.log(`tensordash cost, ${f.bits}-bit operands, on ${f.target}: mux + scheduler = ${(100 * f.lutFraction).toFixed(1)} % of the dense PE's LUTs; the whole TensorDash PE = ${f.peOverDenseLut.toFixed(2)}× the dense PE`);
  return { rows, fractions };
}
