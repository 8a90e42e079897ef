// GOBO bench: per tiny-LLaMA layer (stories260K, the transformer of ../shared/data/weights) the
// outlier share, the compression against float32 and the weights' SQNR; y = W·x on the transformer
// pairs with GOBO weights (activations float32) against float64, next to per-tensor symmetric int3
// and int4 weights; the decoder's and the PE's cost on xc7 and ice40.
import { ErrorAccumulator } from '../dist/accuracy/metrics.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { goboBits, goboDequantize, goboQuantize } from '../dist/blocks/gobo/quantize.js';

function intSym(x, bits) {
  const top = 2 ** (bits - 1) - 1;
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  const s = m > 0 ? m / top : 1;
  return Float64Array.from(x, (v) => Math.max(-top, Math.min(top, Math.round(v / s))) * s);
}

export function runGoboAccuracy() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('gobo bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const set = loadTensors(dir);
  const layers = set.weights.filter((t) => t.name.startsWith('stories260K/') && t.shape.length === 2 && !t.name.includes('embeddings'));
  const rows = layers.map((t) => {
    const q = goboQuantize(t.data), a = new ErrorAccumulator();
    a.add(t.data, goboDequantize(q));
    return { layer: t.name, weights: t.data.length, outlierShare: q.outlierPositions.length / t.data.length, compression: (32 * t.data.length) / goboBits(q), sqnrDb: a.sqnrDb, rounds: q.rounds };
  });
  const n = rows.reduce((s, r) => s + r.weights, 0);
  const outliers = rows.reduce((s, r) => s + r.outlierShare * r.weights, 0) / n;
  const compression = (32 * n) / rows.reduce((s, r) => s + (32 * r.weights) / r.compression, 0);
  const dots = { gobo: new ErrorAccumulator(), int3: new ErrorAccumulator(), int4: new ErrorAccumulator() };
  const deq = { gobo: (w) => goboDequantize(goboQuantize(w)), int3: (w) => intSym(w, 3), int4: (w) => intSym(w, 4) };
  for (const { weight, act } of set.pairs) {
    const [outs, width] = weight.shape;
    for (const [k, f] of Object.entries(deq)) {
      const qw = f(weight.data), ref = [], got = [];
      for (let r = 0; r * width < act.data.length; r += 16) for (let j = 0; j < outs; j++) {
        let y = 0, yq = 0;
        for (let i = 0; i < width; i++) { const x = act.data[r * width + i]; y += weight.data[j * width + i] * x; yq += qw[j * width + i] * x; }
        ref.push(y); got.push(yq);
      }
      dots[k].add(ref, got);
    }
  }
  const dotErr = Object.fromEntries(Object.entries(dots).map(([k, a]) => [k, a.relRmse]));
  console.log(`gobo: ${rows.length} tiny-LLaMA layers, ${n} weights: outliers ${(100 * outliers).toFixed(3)} %, compression ${compression.toFixed(2)}×; W·x relative error GOBO ${dotErr.gobo.toFixed(4)}, int3 ${dotErr.int3.toFixed(4)}, int4 ${dotErr.int4.toFixed(4)}`);
  return { data: dir, layers: rows.length, weights: n, outlierShare: outliers, compression, pairs: set.pairs.length, dotRelErr: dotErr, rows };
}

export async function runGoboCost() {
  const { goboDecoderBlock } = await import('../dist/blocks/gobo/decoder/block.js');
  const { goboPeBlock } = await import('../dist/blocks/gobo/pe/block.js');
  const { synthesizeUnits } = await import('./pool.mjs');
  const units = [
    { label: 'gobo.decoder L = 8, fp32', block: goboDecoderBlock, params: {} },
    { label: 'gobo.decoder L = 16, fp16', block: goboDecoderBlock, params: { lanes: 16, output: 'fp16' } },
    { label: 'gobo.pe L = 8 (fp16, n = 4096)', block: goboPeBlock, params: {} },
  ];
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, ['xc7', 'ice40'])) {
    rows.push({ unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, fmaxMHz: r.timing.fmaxMHz ?? null, fmaxSource: r.timing.source, unplaced: r.pnr?.unplaced ?? null });
  }
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}, ${r.fmaxMHz ?? '–'} MHz (${r.fmaxSource})`);
  return rows;
}
