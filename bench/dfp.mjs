// INT16 dynamic fixed point bench (Das et al., ICLR 2018). Accuracy: y = W·x on the tiny-LLaMA
// transformer pairs (every 16th activation row × every weight row) against the float64 product of the
// float32 tensors, for DFP16 through dfp.fma's golden model (INT32 partials, FP32 combination) with
// per-tensor exponents (the paper) and per-row exponents, next to a float32 MAC (each product and
// add rounded) and bf16 operands with a float32 MAC (the mixed-precision baseline). Cost: dfp.fma
// next to int.mac 16×16 and float32 / bf16 MACs on xc7 (without and with DSPs) and ice40, per
// multiply-accumulate.
import { ErrorAccumulator } from '../dist/accuracy/metrics.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { dfpCombine, dfpFmaPartials, dfpQuantize } from '../dist/numerics/dfp.js';

const bitsOf = (x) => new Uint32Array(x.buffer, x.byteOffset, x.length);
const bf16 = (x) => { const b = new Uint32Array(new Float32Array([x]).buffer)[0]; const r = (b + 0x7fff + ((b >>> 16) & 1)) >>> 16; return new Float32Array(new Uint32Array([r << 16]).buffer)[0]; };

/** Pairs of element lists → dfp.fma beats (two pairs per beat). */
function beatsOf(qa, qb) {
  const out = [];
  for (let i = 0; i < qa.length; i += 2) out.push([qa[i], qb[i], qa[i + 1] ?? 0, qb[i + 1] ?? 0]);
  return out;
}

export function runDfpAccuracy() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('dfp bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const set = loadTensors(dir);
  const acc = { tensor: new ErrorAccumulator(), row: new ErrorAccumulator(), fp32: new ErrorAccumulator(), bf16: new ErrorAccumulator() };
  let dots = 0, partials = 0, partialsRow = 0, overflowTensor = 0, overflowRow = 0, maxAbsPartial = 0;
  for (const { weight, act } of set.pairs) {
    const [outs, n] = weight.shape;
    const W = dfpQuantize(bitsOf(weight.data)), X = dfpQuantize(bitsOf(act.data));
    const Wr = [], ref = [], got = { tensor: [], row: [], fp32: [], bf16: [] };
    for (let j = 0; j < outs; j++) Wr.push(dfpQuantize(bitsOf(weight.data.subarray(j * n, (j + 1) * n))));
    for (let r = 0; r * n < act.data.length; r += 16) {
      const x = act.data.subarray(r * n, (r + 1) * n), Xr = dfpQuantize(bitsOf(x));
      for (let j = 0; j < outs; j++) {
        const w = weight.data.subarray(j * n, (j + 1) * n);
        let exact = 0, f32 = 0, b16 = 0;
        for (let i = 0; i < n; i++) {
          exact += w[i] * x[i];
          f32 = Math.fround(f32 + Math.fround(w[i] * x[i]));
          b16 = Math.fround(b16 + Math.fround(bf16(w[i]) * bf16(x[i])));
        }
        const pt = dfpFmaPartials(beatsOf(W.values.subarray(j * n, (j + 1) * n), X.values.subarray(r * n, (r + 1) * n)), W.exp, X.exp);
        const pr = dfpFmaPartials(beatsOf(Wr[j].values, Xr.values), Wr[j].exp, Xr.exp);
        ref.push(exact); got.tensor.push(dfpCombine(pt)); got.row.push(dfpCombine(pr)); got.fp32.push(f32); got.bf16.push(b16);
        dots++; partials += pt.length; partialsRow += pr.length;
        if (pt.length > 1) overflowTensor++;
        if (pr.length > 1) overflowRow++;
        for (const p of [...pt, ...pr]) maxAbsPartial = Math.max(maxAbsPartial, Math.abs(Number(p.partial)));
      }
    }
    for (const k of Object.keys(acc)) acc[k].add(ref, got[k]);
  }
  const r = { data: dir, pairs: set.pairs.length, dots, partialsPerDot: { tensor: partials / dots, row: partialsRow / dots }, overflowDots: { tensor: overflowTensor, row: overflowRow }, maxAbsPartialLog2: Math.log2(maxAbsPartial),
    relRmse: Object.fromEntries(Object.entries(acc).map(([k, a]) => [k, a.relRmse])), sqnrDb: Object.fromEntries(Object.entries(acc).map(([k, a]) => [k, a.sqnrDb])) };
  console.log(`dfp: ${dots} dots on ${r.pairs} pairs; W·x SQNR DFP16 per tensor ${r.sqnrDb.tensor.toFixed(2)} dB, per row ${r.sqnrDb.row.toFixed(2)} dB, float32 MAC ${r.sqnrDb.fp32.toFixed(2)} dB, bf16×bf16 + float32 ${r.sqnrDb.bf16.toFixed(2)} dB; early partials in ${overflowTensor} dots (per-tensor exponents) and ${overflowRow} (per row) (largest |partial| 2^${r.maxAbsPartialLog2.toFixed(1)})`);
  return r;
}

/** Cost per multiply-accumulate: dfp.fma does two per cycle, the others one. */
export async function runDfpCost() {
  const { dfpFmaBlock } = await import('../dist/blocks/dfp/fma/block.js');
  const { dfpQuantizeBlock } = await import('../dist/blocks/dfp/quantize/block.js');
  const { intMacBlock } = await import('../dist/blocks/int/mac/block.js');
  const { minifloatMacBlock } = await import('../dist/blocks/minifloat/mac/block.js');
  const { synthesizeUnits } = await import('./pool.mjs');
  const units = [
    { key: 'fma', label: 'dfp.fma (2 INT16 pairs / cycle, INT32, partials; Booth)', block: dfpFmaBlock, params: {}, macs: 2 },
    { key: 'fma-op', label: 'dfp.fma, `*` multipliers (DSPs on xc7)', block: dfpFmaBlock, params: { multiplier: 'operator' }, macs: 2 },
    { key: 'int16', label: 'int.mac 16×16 (Booth, n = 1024)', block: intMacBlock, params: { aBits: 16, bBits: 16 }, macs: 1 },
    { key: 'fp32', label: 'minifloat.mac fp32 × fp32 → fp32 (RNE every step)', block: minifloatMacBlock, params: { a: 'e8m23', b: 'e8m23', acc: 'e8m23' }, macs: 1 },
    { key: 'bf16', label: 'minifloat.mac bf16 × bf16 → fp32', block: minifloatMacBlock, params: { a: 'e8m7', b: 'e8m7', acc: 'e8m23' }, macs: 1 },
    { key: 'quantize', label: 'dfp.quantize B = 16 (fp32 → DFP16)', block: dfpQuantizeBlock, params: { block: 16 }, macs: 0 },
  ];
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, ['xc7-nodsp', 'xc7', 'ice40'])) {
    rows.push({ key: u.key, unit: u.label, target, macs: u.macs, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, dsp: r.totals.dsp, fmaxMHz: r.timing.fmaxMHz ?? null, fmaxSource: r.timing.source, unplaced: r.pnr?.unplaced ?? null });
  }
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}, DSP ${r.dsp}, ${r.fmaxMHz ?? '–'} MHz (${r.fmaxSource})${r.unplaced ? ` (${r.unplaced})` : ''}`);
  return rows;
}
