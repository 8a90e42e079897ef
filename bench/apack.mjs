// APack bench: every int8 tensor of ../shared/data/weights (weights), and the data set's float32
// activations after ReLU quantized to uint8 (per-tensor scale to 255) for the activation side.
// Per tensor: original bits, APack bits (the whole file: header, table and streams), the Shannon
// entropy of the value histogram (the bound for any per-value code), APack / entropy, and Node's
// deflate (level 9, memLevel 9) and brotli (quality 11, window 24) on the same bytes, in the same run.
// Then the RTL: apack.encoder / apack.decoder speed in Verilator and their synthesized cost.
import { brotliCompressSync, constants, deflateSync } from 'node:zlib';
import { loadInt8Tensors, loadTensors } from '../dist/accuracy/tensors.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { decodeTensor, encodeCodes, encodeTensor } from '../dist/blocks/apack/codec/codec.js';
import { apackDecoderBlock } from '../dist/blocks/apack/decoder/block.js';
import { apackEncoderBlock } from '../dist/blocks/apack/encoder/block.js';
import { decoderPacket, encoderPacket } from '../dist/blocks/apack/hw/packets.js';
import { coderParams } from '../dist/blocks/apack/hw/params.js';
import { builtTable } from '../dist/blocks/apack/hw/stimulus-data.js';
import { entropyBits } from '../dist/blocks/apack/table/build.js';
import { runInProcess } from '../dist/cosim/in-process.js';
import { seededRng } from '../dist/cosim/model.js';
import { setupCosim } from '../dist/cosim/setup.js';
import { vectorSource } from '../dist/cosim/vectors.js';
import { synthesizeUnits } from './pool.mjs';

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

/**
 * The RTL's speed, steady state (input always valid, output always ready), on the first 30000
 * values of the largest int8 tensor of each of three models as three sub-tensors (as the tests):
 * values per cycle of apack.encoder and apack.decoder in Verilator.
 */
export async function runApackThroughput() {
  const dir = findShared('data/weights', 'manifest.json');
  const all = loadInt8Tensors(dir);
  const models = [...new Set(all.map((t) => t.model))].slice(0, 3);
  const p = coderParams.parse({});
  const rows = [];
  for (const model of models) {
    const t = all.filter((x) => x.model === model).sort((x, y) => y.data.length - x.data.length)[0];
    const codes = Array.from(t.data.subarray(0, 30_000), (v) => v & 0xff);
    const table = builtTable(codes, p);
    const parts = [0, 1, 2].map((k) => codes.slice(k * 10_000, (k + 1) * 10_000));
    const subs = parts.map((part) => encodeCodes(part, table));
    const bytes = subs.reduce((s, x) => s + x.symbols.length + x.offsets.length, 0);
    for (const [block, packets] of [[apackEncoderBlock, parts.map((part) => encoderPacket(table, part))], [apackDecoderBlock, subs.map((sub, k) => decoderPacket(table, sub, seededRng(k + 1)))]]) {
      const only = { ...block, cosim: { ...block.cosim, stimulus: () => ({ directed: packets, random: () => [] }) } };
      const s = setupCosim(only, p);
      const src = vectorSource(s, { seed: 1, vectors: 0 });
      const steady = { ...src, *chunks(size) { for (const c of src.chunks(size)) yield { ...c, gaps: c.gaps.fill(0), stalls: c.stalls.fill(0) }; } };
      const r = await runInProcess(s, steady);
      if (r.failed) throw new Error(`${block.name} on ${t.name}: ${r.failed} mismatches`);
      rows.push({ block: block.name, tensor: t.name, values: codes.length, streamBytes: bytes, cycles: r.cycles, valuesPerCycle: codes.length / r.cycles, bytesPerValue: bytes / codes.length });
    }
  }
  for (const r of rows) console.log(`${r.block} on ${r.tensor}: ${r.values} values (${r.bytesPerValue.toFixed(3)} stream bytes each) in ${r.cycles} cycles: ${r.valuesPerCycle.toFixed(3)} values per cycle`);
  return rows;
}

/** LUT, FF, BRAM, DSP and Fmax of apack.encoder and apack.decoder (both searches) at S = 16, P = 10, B = 8 and 16, on xc7 and ice40, one run. */
export async function runApackCost() {
  const units = [8, 16].flatMap((bits) => [
    { label: `apack.encoder B=${bits} S=16 P=10`, block: apackEncoderBlock, params: { bits } },
    ...['multiply', 'divide'].map((search) => ({ label: `apack.decoder B=${bits} S=16 P=10 --search ${search}`, block: apackDecoderBlock, params: { bits, search } })),
  ]);
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, ['xc7', 'ice40'])) {
    rows.push({ unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, bram: r.totals.bram, dsp: r.totals.dsp, fmaxMHz: r.pnr?.fmaxMHz ?? null, unplaced: r.pnr?.unplaced ?? null, yosys: r.tools.yosys.version });
  }
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}, BRAM ${r.bram}, DSP ${r.dsp}${r.fmaxMHz ? `, ${r.fmaxMHz} MHz` : ''}${r.unplaced ? ` (${r.unplaced})` : ''}`);
  return rows;
}
