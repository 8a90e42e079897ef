// TensorDash bench: the greedy schedule (the golden model, src/blocks/tensordash/schedule.ts) on
// real data. Each tensor is streamed as rows of N = 16 consecutive values (the zeros of A decide);
// int8 weights as they are, and the float32 activations of the data set after ReLU. Per tensor:
// sparsity, speedup = rows / cycles, and the ideal bound rows / ⌈non-zeros / N⌉.
import { loadInt8Tensors, loadTensors } from '../dist/accuracy/tensors.js';
import { candidatesOf, laneOrderOf } from '../dist/blocks/tensordash/candidates.js';
import { scheduleStream } from '../dist/blocks/tensordash/schedule.js';
import { findShared } from '../dist/accuracy/shared-dir.js';

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
