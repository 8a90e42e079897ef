// Accuracy of block-scaled formats on real tensors, through the golden models (numerics/blockfmt.ts),
// set up like MX and NVFP4 (accuracy/mx.ts, accuracy/nvfp4.ts): every tensor's rows are padded to
// k-blocks along the last axis, each tensor has its own tensor scale (ue scales), and y = W·x has both
// operands quantized, every output the exact sum of its block dots rounded once to float32.
// `rotate: 'hadamard'`: each block is rotated by 2^−⌈log2 k / 2⌉ · H_k before quantization (formats.md
// §8), dequantized values by the inverse; the dots of rotated blocks are scaled back exactly by
// 2^(2⌈n/2⌉ − n). The rotation is summed in float64 and rounded once to float32 (within 2^-53 of the
// exact sum: this is a measurement, not a golden model). Stochastic rounding takes the spec's LFSR.

import { blockDotExact, blockElem, dequantizeBlock, quantizeBlock, tensorScaleOf, type BlockFormat, type BlockOperand, type IntRange, type ScaleName } from '../numerics/blockfmt.js';
import { add, roundTo, scale, ZERO, type Dyadic } from '../numerics/dyadic.js';
import { decodeToNumber } from '../numerics/decode.js';
import { parseFormat } from '../numerics/format.js';
import { LaneLfsr } from '../numerics/lfsr.js';
import type { ScaleRule } from '../numerics/mx.js';
import { ErrorAccumulator } from './metrics.js';
import type { Tensor, TensorSet } from './tensors.js';

const FP32 = parseFormat('fp32');

export interface BlockAccuracyOptions {
  readonly elem: string; readonly block: number; readonly scale: ScaleName; readonly tensorScale?: boolean | undefined;
  readonly intRange?: IntRange; readonly scaleRule?: ScaleRule | undefined; readonly round?: 'rne' | 'rna' | 'rtz' | 'stochastic';
  readonly randomBits?: number; readonly seed?: number | undefined; readonly rotate?: 'none' | 'hadamard';
  /** Every rowStep-th activation row for W·x (default 16). */
  readonly rowStep?: number;
}

function formatOf(o: BlockAccuracyOptions): BlockFormat {
  return {
    elem: blockElem(o.elem, o.scale, o.intRange ?? 'symmetric'), block: o.block, scale: o.scale, tensorScale: o.scale !== 'e8m0' && o.tensorScale !== false,
    scaleRule: o.scaleRule ?? 'floor', round: o.round ?? 'rne', ...(o.round === 'stochastic' ? { randomBits: o.randomBits ?? 8 } : {}),
  };
}

/** In place: x ← 2^−e · H x (fast Walsh–Hadamard in float64, one rounding to float32 per output). */
function hadamard(x: Float64Array, e: number): void {
  for (let h = 1; h < x.length; h *= 2) {
    for (let i = 0; i < x.length; i += 2 * h) for (let j = i; j < i + h; j++) { const a = x[j]!, b = x[j + h]!; x[j] = a + b; x[j + h] = a - b; }
  }
  for (let i = 0; i < x.length; i++) x[i] = Math.fround(x[i]! * 2 ** -e);
}
const log2 = (k: number) => Math.round(Math.log2(k));

interface Quantized { readonly width: number; readonly rows: number; readonly blocks: number; readonly st: number; readonly ops: BlockOperand[]; readonly back: Float64Array }

function quantizeRows(t: Tensor, bf: BlockFormat, o: BlockAccuracyOptions): Quantized {
  const k = bf.block, width = t.shape[t.shape.length - 1] ?? t.data.length, rot = o.rotate === 'hadamard';
  if (rot && 2 ** log2(k) !== k) throw new RangeError(`a Hadamard rotation needs a power-of-two block, not ${k}`);
  const rows = t.data.length / width, blocks = Math.ceil(width / k);
  const buf = new Float64Array(k), f32 = new Float32Array(k), ops: BlockOperand[] = [], back = new Float64Array(t.data.length);
  // The tensor scale of what is quantized: the rotated tensor when rotating.
  const rotated = new Float32Array(rows * blocks * k);
  for (let r = 0; r < rows; r++) for (let b = 0; b < blocks; b++) {
    buf.fill(0);
    for (let i = 0; i < Math.min(k, width - b * k); i++) buf[i] = t.data[r * width + b * k + i]!;
    if (rot) hadamard(buf, Math.ceil(log2(k) / 2));
    rotated.set(buf, (r * blocks + b) * k);
  }
  const st = tensorScaleOf(rotated, bf);
  const lfsr = bf.round === 'stochastic' ? new LaneLfsr(o.seed ?? 1, k, k, bf.randomBits ?? 8) : undefined;
  for (let r = 0; r < rows; r++) for (let b = 0; b < blocks; b++) {
    f32.set(rotated.subarray((r * blocks + b) * k, (r * blocks + b + 1) * k));
    const q = quantizeBlock(f32, bf, st, lfsr?.next());
    ops.push({ scale: q.scale, codes: q.codes, tensorScale: st });
    const v = dequantizeBlock(q.scale, q.codes, bf, st);
    buf.set(v);
    if (rot) hadamard(buf, Math.floor(log2(k) / 2));
    for (let i = 0; i < Math.min(k, width - b * k); i++) back[r * width + b * k + i] = buf[i]!;
  }
  return { width, rows, blocks, st, ops, back };
}

export interface BlockAccuracy {
  /** Weights: SQNR (dB) and relative RMSE of quantize → dequantize, pooled over every weight tensor. */
  readonly sqnrDb: number; readonly relRmse: number;
  /** Activations (the pairs' inputs), the same. */
  readonly actSqnrDb: number; readonly actRelRmse: number;
  /** ‖y_q − y‖ / ‖y‖ of y = W·x with both quantized. */
  readonly dotRelErr: number;
  /** Mean error over the weights' RMS: the rounding's bias (≈ 0 for rne and stochastic rounding). */
  readonly bias: number;
}

export function blockAccuracy(set: TensorSet, o: BlockAccuracyOptions): BlockAccuracy {
  const bf = formatOf(o), w = new ErrorAccumulator(), a = new ErrorAccumulator(), d = new ErrorAccumulator();
  let errSum = 0, sq = 0, n = 0;
  for (const t of set.weights) {
    const q = quantizeRows(t, bf, o);
    w.add(t.data, q.back);
    for (let i = 0; i < t.data.length; i++) { errSum += q.back[i]! - t.data[i]!; sq += t.data[i]! ** 2; n++; }
  }
  const step = o.rowStep ?? 16, k = bf.block;
  const back = o.rotate === 'hadamard' ? 2 * Math.ceil(log2(k) / 2) - log2(k) : 0; // (R w)·(R x) = 2^−back · w·x
  for (const { weight, act } of set.pairs) {
    const qw = quantizeRows(weight, bf, o), qx = quantizeRows(act, bf, o);
    a.add(act.data, qx.back);
    const outs = weight.shape[0]!, ref: number[] = [], got: number[] = [];
    for (let r = 0; r < qx.rows; r += step) for (let j = 0; j < outs; j++) {
      let y = 0, sum: Dyadic = ZERO;
      for (let i = 0; i < qw.width; i++) y += weight.data[j * qw.width + i]! * act.data[r * qx.width + i]!;
      for (let b = 0; b < qw.blocks; b++) sum = add(sum, blockDotExact(qw.ops[j * qw.blocks + b]!, bf, qx.ops[r * qx.blocks + b]!, bf));
      ref.push(y);
      got.push(decodeToNumber(FP32, roundTo(FP32, scale(sum, back))));
    }
    d.add(ref, got);
  }
  return { sqnrDb: w.sqnrDb, relRmse: w.relRmse, actSqnrDb: a.sqnrDb, actRelRmse: a.relRmse, dotRelErr: d.relRmse, bias: errSum / n / Math.sqrt(sq / n) };
}

/** The accuracy a blockfmt block reports in sweeps (its parameters are the options). */
export function blockQuantizationError(set: TensorSet, p: BlockAccuracyOptions): Readonly<Record<string, number>> {
  const r = blockAccuracy(set, p);
  return { sqnrDb: r.sqnrDb, relRmse: r.relRmse, actSqnrDb: r.actSqnrDb, dotRelErr: r.dotRelErr, bias: r.bias };
}
