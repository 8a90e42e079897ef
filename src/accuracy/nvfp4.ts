// NVFP4 accuracy on real tensors, through the golden models, set up like MX (accuracy/mx.ts): each
// weight tensor gets its own tensor scale S_t = amax / 2688, its rows are padded to 16-blocks along
// the last axis and quantized, then dequantized exactly; y = W·x with W and x each NVFP4 (their own
// tensor scales), every output the exact sum of the row's block dots rounded once to float32.

import { add, roundTo, ZERO, type Dyadic } from '../numerics/dyadic.js';
import { decodeToNumber } from '../numerics/decode.js';
import { parseFormat } from '../numerics/format.js';
import { nvfp4DotExact, nvfp4QuantizeBlock, nvfp4TensorScale, NVFP4_NAN_SCALE, type Nvfp4Operand } from '../numerics/nvfp4.js';
import { ErrorAccumulator } from './metrics.js';
import type { Tensor, TensorSet } from './tensors.js';

const E2M1 = parseFormat('e2m1'), UE4M3 = parseFormat('ue4m3'), FP32 = parseFormat('fp32');

export interface Nvfp4AccuracyOptions { readonly block: number; readonly torchaoClamp?: boolean }

interface Quantized { readonly width: number; readonly rows: number; readonly blocks: number; readonly st: number; readonly scales: Uint8Array; readonly codes: Uint8Array }

function quantizeRows(t: Tensor, o: Nvfp4AccuracyOptions): Quantized {
  const k = o.block, width = t.shape[t.shape.length - 1] ?? t.data.length;
  const rows = t.data.length / width, blocks = Math.ceil(width / k), st = nvfp4TensorScale(t.data);
  const scales = new Uint8Array(rows * blocks), codes = new Uint8Array(rows * blocks * k), buf = new Float32Array(k);
  for (let r = 0; r < rows; r++) for (let b = 0; b < blocks; b++) {
    buf.fill(0);
    buf.set(t.data.subarray(r * width + b * k, r * width + Math.min(width, (b + 1) * k)));
    const q = nvfp4QuantizeBlock(buf, st, o);
    scales[r * blocks + b] = q.scale;
    codes.set(q.codes, (r * blocks + b) * k);
  }
  return { width, rows, blocks, st, scales, codes };
}

/** SQNR (dB) and relative RMSE of NVFP4 quantize → dequantize, pooled over every weight tensor. */
export function nvfp4QuantizationError(set: TensorSet, o: Nvfp4AccuracyOptions): { sqnrDb: number; relRmse: number } {
  const acc = new ErrorAccumulator(), k = o.block;
  for (const t of set.weights) {
    const q = quantizeRows(t, o);
    const back = new Float64Array(t.data.length);
    for (let r = 0; r < q.rows; r++) for (let b = 0; b < q.blocks; b++) {
      const sc = q.scales[r * q.blocks + b]!, m = sc === NVFP4_NAN_SCALE ? NaN : decodeToNumber(UE4M3, sc) * q.st; // exact in float64
      for (let i = 0; i < Math.min(k, q.width - b * k); i++) back[r * q.width + b * k + i] = decodeToNumber(E2M1, q.codes[(r * q.blocks + b) * k + i]!) * m;
    }
    acc.add(t.data, back);
  }
  return { sqnrDb: acc.sqnrDb, relRmse: acc.relRmse };
}

/** Relative error ‖y_nvfp4 − y‖ / ‖y‖ of y = W·x over the pairs (every `rowStep`-th activation row). */
export function nvfp4DotError(set: TensorSet, o: Nvfp4AccuracyOptions & { readonly rowStep?: number }): { dotRelErr: number; dots: number } {
  const acc = new ErrorAccumulator(), k = o.block, step = o.rowStep ?? 16;
  let dots = 0;
  for (const { weight, act } of set.pairs) {
    const outs = weight.shape[0]!;
    const qw = quantizeRows(weight, o), qx = quantizeRows(act, o);
    const operand = (q: Quantized, r: number, b: number): Nvfp4Operand => ({
      scale: q.scales[r * q.blocks + b]!, codes: q.codes.subarray((r * q.blocks + b) * k, (r * q.blocks + b + 1) * k), tensorScale: q.st,
    });
    const ref: number[] = [], got: number[] = [];
    for (let r = 0; r < qx.rows; r += step) for (let j = 0; j < outs; j++) {
      let y = 0, sum: Dyadic = ZERO;
      for (let i = 0; i < qw.width; i++) y += weight.data[j * qw.width + i]! * act.data[r * qx.width + i]!;
      for (let b = 0; b < qw.blocks; b++) sum = add(sum, nvfp4DotExact(operand(qw, j, b), operand(qx, r, b)));
      ref.push(y);
      got.push(decodeToNumber(FP32, roundTo(FP32, sum)));
      dots++;
    }
    acc.add(ref, got);
  }
  return { dotRelErr: acc.relRmse, dots };
}
