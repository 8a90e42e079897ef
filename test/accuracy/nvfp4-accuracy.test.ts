// NVFP4 accuracy: an exactly representable tensor has no error, the row-block path agrees with the
// whole-tensor nvfp4Quantize of numerics, and on real weights NVFP4 (16-blocks, ue4m3 scales)
// beats MXFP4 (32-blocks, power-of-two scales), as NVIDIA's and the MX papers' comparisons report.

import { describe, expect, it } from 'vitest';
import { mxDotError, mxQuantizationError } from '../../src/accuracy/mx.js';
import { nvfp4DotError, nvfp4QuantizationError } from '../../src/accuracy/nvfp4.js';
import { ErrorAccumulator } from '../../src/accuracy/metrics.js';
import { loadTensors, type TensorSet } from '../../src/accuracy/tensors.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { nvfp4Quantize } from '../../src/numerics/nvfp4.js';
import { findShared } from '../../src/accuracy/shared-dir.js';

const DATA = findShared('data/weights', 'manifest.json') ?? '';
const synthetic = (values: number[], width: number): TensorSet => {
  const t = { name: 't', shape: [values.length / width, width], data: Float32Array.from(values) };
  return { dir: '-', weights: [t], pairs: [{ name: 'p', weight: t, act: t }] };
};
const E2M1F = parseFormat('e2m1'), UE4M3 = parseFormat('ue4m3');
const E2M1 = [0, 0.5, 1, 1.5, 2, 3, 4, 6];

describe('NVFP4 accuracy', () => {
  it('e2m1 values times representable block scales (tensor amax 2688, so S_t = 1) quantize exactly', () => {
    // Block 0: max 6·448 (S_b = 448); block 1: max 6·2 (S_b = 2); block 2: max 6·0.75 (S_b = 0.75).
    const vals = [448, 2, 0.75].flatMap((sb) => Array.from({ length: 16 }, (_, i) => (i % 3 ? -1 : 1) * (i === 5 ? 6 : E2M1[i % 8]!) * sb));
    const r = nvfp4QuantizationError(synthetic(vals, 48), { block: 16 });
    expect(r.relRmse).toBe(0);
    // W·x of exact values: only the one float32 rounding of each output remains.
    expect(nvfp4DotError(synthetic(vals, 48), { block: 16, rowStep: 1 }).dotRelErr).toBeLessThan(2 ** -24);
  });

  it('agrees with numerics nvfp4Quantize (values decoded exactly) on a tensor of whole blocks', () => {
    const vals = Array.from({ length: 256 }, (_, i) => Math.sin(i * 0.37) * Math.exp((i % 11) - 5));
    const t = Float32Array.from(vals), acc = new ErrorAccumulator(), q = nvfp4Quantize(t);
    acc.add(t, Array.from(q.codes, (c, i) => decodeToNumber(E2M1F, c) * decodeToNumber(UE4M3, q.blockScales[i >> 4]!) * q.tensorScale)); // exact
    expect(nvfp4QuantizationError(synthetic(vals, 64), { block: 16 }).sqnrDb).toBeCloseTo(acc.sqnrDb, 10);
  });

  it.runIf(!!DATA)('on the real weights NVFP4 beats MXFP4 in SQNR and in W·x error', () => {
    const set = loadTensors(DATA);
    const nv = nvfp4QuantizationError(set, { block: 16 }), mx = mxQuantizationError(set, { elem: 'e2m1', block: 32 });
    const nvDot = nvfp4DotError(set, { block: 16 }).dotRelErr, mxDot = mxDotError(set, { elem: 'e2m1', block: 32 }).dotRelErr;
    console.log(`SQNR dB: NVFP4 ${nv.sqnrDb.toFixed(2)}, MXFP4 ${mx.sqnrDb.toFixed(2)}; W·x rel err: NVFP4 ${nvDot.toFixed(4)}, MXFP4 ${mxDot.toFixed(4)}`);
    expect(nv.sqnrDb).toBeGreaterThan(mx.sqnrDb + 2);
    expect(nvDot).toBeLessThan(mxDot);
  }, 120_000);
});
