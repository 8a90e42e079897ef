// Mokey bench (software side): per float32 weight tensor of ../shared/data/weights, the SQNR of
// Mokey's 4-bit dictionary codes (with outliers) and the outlier rate, next to int4 (per-tensor
// symmetric, scale max|x|/7, round to nearest) and MXFP4 (e2m1 elements, blocks of 32 along the
// last axis, e8m0 scales: the MX golden models); and the relative error of y = W·x on the
// transformer pairs with both operands quantized, against the float64 product of the float32 tensors.
import { ErrorAccumulator } from '../dist/accuracy/metrics.js';
import { mxDotError, mxQuantizationError } from '../dist/accuracy/mx.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { GOLDEN } from '../dist/blocks/mokey/dictionary.js';
import { DEFAULT_THRESHOLD, dequantize, quantize } from '../dist/blocks/mokey/quantize.js';

const MXFP4 = { elem: 'e2m1', block: 32 };

function int4(x) {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  const s = m > 0 ? m / 7 : 1;
  return Float64Array.from(x, (v) => Math.max(-7, Math.min(7, Math.round(v / s))) * s);
}

const sqnr = (x, y) => { const a = new ErrorAccumulator(); a.add(x, y); return a.sqnrDb; };

/** ‖y_q − y‖ / ‖y‖ for y = W·x over every `step`-th activation row, W and x dequantized by `q`. */
function dotError(pairs, q, step = 16) {
  const acc = new ErrorAccumulator();
  for (const { weight, act } of pairs) {
    const [outs, width] = weight.shape;
    const qw = q(weight.data), qx = q(act.data);
    const ref = [], got = [];
    for (let r = 0; r * width < act.data.length; r += step) {
      for (let j = 0; j < outs; j++) {
        let y = 0, yq = 0;
        for (let i = 0; i < width; i++) { y += weight.data[j * width + i] * act.data[r * width + i]; yq += qw[j * width + i] * qx[r * width + i]; }
        ref.push(y); got.push(yq);
      }
    }
    acc.add(ref, got);
  }
  return acc.relRmse;
}

export function runMokeyBench() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('mokey bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const set = loadTensors(dir);
  const rows = set.weights.map((t) => {
    const q = quantize(t.data);
    return {
      tensor: t.name, values: t.data.length, outlierRate: q.outlierPositions.length / t.data.length,
      mokeySqnrDb: sqnr(t.data, dequantize(q)), int4SqnrDb: sqnr(t.data, int4(t.data)),
      mxfp4SqnrDb: mxQuantizationError({ ...set, weights: [t] }, MXFP4).sqnrDb,
    };
  });
  const mean = (k) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
  const outliers = rows.reduce((s, r) => s + r.outlierRate * r.values, 0) / rows.reduce((s, r) => s + r.values, 0);
  const dots = {
    pairs: set.pairs.length,
    mokey: dotError(set.pairs, (x) => dequantize(quantize(x))),
    int4: dotError(set.pairs, int4),
    mxfp4: mxDotError(set, { ...MXFP4, rowStep: 16 }).dotRelErr,
  };
  const summary = {
    tensors: rows.length, threshold: DEFAULT_THRESHOLD, dictionary: GOLDEN, outlierRate: outliers,
    meanSqnrDb: { mokey: mean('mokeySqnrDb'), int4: mean('int4SqnrDb'), mxfp4: mean('mxfp4SqnrDb') },
    tensorsOver2PercentOutliers: rows.filter((r) => r.outlierRate > 0.02).length, dots,
  };
  console.log(`mokey: ${rows.length} weight tensors, outliers ${(100 * outliers).toFixed(2)} % (${summary.tensorsOver2PercentOutliers} tensors above 2 %); mean SQNR Mokey ${summary.meanSqnrDb.mokey.toFixed(2)} dB, int4 ${summary.meanSqnrDb.int4.toFixed(2)} dB, MXFP4 ${summary.meanSqnrDb.mxfp4.toFixed(2)} dB`);
  console.log(`mokey: W·x relative error over ${dots.pairs} pairs: Mokey ${dots.mokey.toFixed(4)}, int4 ${dots.int4.toFixed(4)}, MXFP4 ${dots.mxfp4.toFixed(4)}`);
  return { data: dir, summary, rows };
}
