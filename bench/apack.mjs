// APack bench: every int8 tensor of ../shared/data/weights (weights), and the data set's float32
// activations after ReLU quantized to uint8 (per-tensor scale to 255) for the activation side.
// Per tensor: original bits, APack bits (the whole file: header, table and streams), the Shannon
// entropy of the value histogram (the bound for any per-value code), APack / entropy, and Node's
// deflate (level 9, memLevel 9) and brotli (quality 11, window 24) on the same bytes, in the same run.
import { brotliCompressSync, constants, deflateSync } from 'node:zlib';
import { loadInt8Tensors, loadTensors } from '../dist/accuracy/tensors.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { decodeTensor, encodeTensor } from '../dist/blocks/apack/codec/codec.js';
import { entropyBits } from '../dist/blocks/apack/table/build.js';

export const PAPER = { weights: 0.6, activations: 0.48 }; // compressed / 8-bit size

function measure(name, kind, raw, values, dtype) {
  const t0 = performance.now();
  const packed = encodeTensor(raw, { dtype });
  const t1 = performance.now();
  const back = decodeTensor(packed).raw;
  const t2 = performance.now();
  if (Buffer.compare(Buffer.from(back), Buffer.from(raw)) !== 0) throw new Error(`apack bench: ${name} did not round trip`);
  const deflate = deflateSync(raw, { level: 9, memLevel: 9 }).length;
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length;
  const H = entropyBits(values);
  return {
    tensor: name, kind, values: values.length, originalBits: 8 * raw.length, apackBits: 8 * packed.length, entropyBits: H,
    apackOverEntropy: H > 0 ? (8 * packed.length) / H : null, deflateBits: 8 * deflate, brotliBits: 8 * brotli,
    encodeMBs: raw.length / 1e6 / ((t1 - t0) / 1e3), decodeMBs: raw.length / 1e6 / ((t2 - t1) / 1e3),
  };
}

export function runApackBench() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('apack bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const rows = [];
  for (const t of loadInt8Tensors(dir)) {
    rows.push(measure(t.name, 'int8 weight', new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), t.data, 'int8'));
  }
  const acts = new Map();
  for (const pr of loadTensors(dir).pairs) acts.set(pr.act.name, pr.act);
  for (const a of acts.values()) {
    let m = 0;
    for (const x of a.data) m = Math.max(m, x);
    const q = Uint8Array.from(a.data, (x) => Math.round((Math.max(0, x) / (m || 1)) * 255));
    rows.push(measure(a.name, 'fp32 activation after ReLU → uint8', q, q, 'uint8'));
  }
  const sum = (kind, key) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + r[key], 0);
  const totals = [...new Set(rows.map((r) => r.kind))].map((kind) => ({
    kind, tensors: rows.filter((r) => r.kind === kind).length,
    apackOverOriginal: sum(kind, 'apackBits') / sum(kind, 'originalBits'), apackOverEntropy: sum(kind, 'apackBits') / sum(kind, 'entropyBits'),
    deflateOverOriginal: sum(kind, 'deflateBits') / sum(kind, 'originalBits'), brotliOverOriginal: sum(kind, 'brotliBits') / sum(kind, 'originalBits'),
  }));
  const big = rows.filter((r) => r.values >= 1e5 && r.apackOverEntropy !== null);
  const worstBig = Math.max(...big.map((r) => r.apackOverEntropy));
  for (const t of totals) console.log(`apack ${t.kind}: ${(100 * t.apackOverOriginal).toFixed(1)} % of the original (entropy ratio ${t.apackOverEntropy.toFixed(4)}); deflate ${(100 * t.deflateOverOriginal).toFixed(1)} %, brotli ${(100 * t.brotliOverOriginal).toFixed(1)} %`);
  console.log(`apack: worst APack / entropy over the ${big.length} tensors of ≥ 10^5 values: ${worstBig.toFixed(4)} (target ≤ 1.03)`);
  return { data: dir, rows, totals, worstBig, bigTensors: big.length };
}
