// MX accuracy on real tensors, through the golden models: each weight tensor quantized in blocks of
// k along its last (reduction) axis, zero-padded (padding changes no amax), then dequantized; and
// y = W·x for real weight × activation pairs with both operands MX-quantized and every output a
// DotGeneral over the row's blocks (exact accumulation), against the float64 product of the float32
// tensors.

import { parseFormat } from '../numerics/format.js';
import { decodeToNumber } from '../numerics/decode.js';
import { MX_NAN_SCALE, mxQuantizeBatch, type MxOptions } from '../numerics/mx.js';
import { mxDotGeneral, type MxOperand } from '../numerics/mx-dot.js';
import { seededRng } from '../util/rng.js';
import { ErrorAccumulator } from './metrics.js';
import type { Tensor, TensorSet } from './tensors.js';

interface Quantized { readonly rows: number; readonly blocks: number; readonly scales: Uint8Array; readonly codes: Uint16Array }

/** Rows of the last axis, each padded to a whole number of k-blocks and quantized. */
function quantizeRows(t: Tensor, k: number, elem: string, opts: MxOptions, seed: number): Quantized {
  const width = t.shape[t.shape.length - 1] ?? t.data.length;
  const rows = t.data.length / width, blocks = Math.ceil(width / k);
  const padded = new Float32Array(rows * blocks * k);
  for (let r = 0; r < rows; r++) padded.set(t.data.subarray(r * width, (r + 1) * width), r * blocks * k);
  const scales = new Uint8Array(rows * blocks), codes = new Uint16Array(padded.length);
  let random: Uint32Array | undefined;
  if (opts.round === 'stochastic') {
    random = new Uint32Array(padded.length);
    seededRng(seed).fill(random);
    const R = opts.randomBits ?? 8;
    for (let i = 0; i < random.length; i++) random[i] = random[i]! >>> (32 - R);
  }
  mxQuantizeBatch(padded, k, parseFormat(elem), opts, scales, codes, random);
  return { rows, blocks, scales, codes };
}

export interface MxAccuracyOptions extends MxOptions { readonly elem: string; readonly block: number; readonly input?: 'fp32' | 'bf16' }

const toBf16 = (x: Float32Array) => {
  // Inputs given as bf16 are float32 rounded to bf16 (RNE) first: part of the error the user sees.
  const u = new Uint32Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
  for (let i = 0; i < u.length; i++) {
    const b = u[i]!;
    if ((b & 0x7f800000) === 0x7f800000) { u[i] = b & 0xffff0000; continue; }
    u[i] = ((b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000) >>> 0;
  }
  return new Float32Array(u.buffer);
};

/** SQNR (dB) and relative RMSE of quantize → dequantize, pooled over every weight tensor. */
export function mxQuantizationError(set: TensorSet, o: MxAccuracyOptions): { sqnrDb: number; relRmse: number } {
  const acc = new ErrorAccumulator(), elem = parseFormat(o.elem);
  const values = Float64Array.from({ length: 2 ** elem.width }, (_, c) => decodeToNumber(elem, c));
  set.weights.forEach((t, ti) => {
    const q = quantizeRows(o.input === 'bf16' ? { ...t, data: toBf16(t.data) } : t, o.block, o.elem, o, ti + 1);
    const width = t.shape[t.shape.length - 1] ?? t.data.length;
    // The exact MX values X · P_i, in float64 (a table of element values, scaled).
    const back = new Float64Array(t.data.length);
    for (let r = 0; r < q.rows; r++) for (let b = 0; b < q.blocks; b++) {
      const sc = q.scales[r * q.blocks + b]!, m = sc === MX_NAN_SCALE ? NaN : 2 ** (sc - 127);
      const i0 = (r * q.blocks + b) * o.block, n = Math.min(o.block, width - b * o.block);
      for (let i = 0; i < n; i++) back[r * width + b * o.block + i] = values[q.codes[i0 + i]!]! * m;
    }
    acc.add(t.data, back);
  });
  return { sqnrDb: acc.sqnrDb, relRmse: acc.relRmse };
}

/**
 * Relative error ‖y_mx − y‖ / ‖y‖ of y = W·x over the pairs (every `rowStep`-th activation row, to
 * bound the time), W in `elem`, x in `elemB`.
 */
export function mxDotError(set: TensorSet, o: MxAccuracyOptions & { readonly elemB?: string; readonly rowStep?: number }): { dotRelErr: number; dots: number } {
  const acc = new ErrorAccumulator(), fa = parseFormat(o.elem), fb = parseFormat(o.elemB ?? o.elem);
  let dots = 0;
  const step = o.rowStep ?? 16;
  for (const { weight, act } of set.pairs) {
    const [outs, width] = weight.shape as [number, number];
    const qw = quantizeRows(weight, o.block, o.elem, o, 1), qx = quantizeRows(act, o.block, o.elemB ?? o.elem, o, 2);
    const operands = (q: Quantized, r: number, elemF: typeof fa): MxOperand[] => Array.from({ length: q.blocks }, (_, b) => ({
      scale: q.scales[r * q.blocks + b]!, codes: q.codes.subarray((r * q.blocks + b) * o.block, (r * q.blocks + b + 1) * o.block), elem: elemF,
    }));
    const ref: number[] = [], got: number[] = [];
    for (let r = 0; r < qx.rows; r += step) {
      const xs = operands(qx, r, fb);
      for (let j = 0; j < outs; j++) {
        let y = 0;
        for (let i = 0; i < width; i++) y += weight.data[j * width + i]! * act.data[r * width + i]!;
        ref.push(y);
        got.push(mxDotGeneral(operands(qw, j, fa), xs, 'exact'));
        dots++;
      }
    }
    acc.add(ref, got);
  }
  return { dotRelErr: acc.relRmse, dots };
}
