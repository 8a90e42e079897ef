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
import { DEFAULT_THRESHOLD, dequantize, OUTLIER, quantize } from '../dist/blocks/mokey/quantize.js';

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

/**
 * Cost of mokey.pe next to one int.mac 8×8 and one minifloat.mac e4m3 (Kulisch), on xc7 and ice40,
 * in one run. A Mokey lane does one 4-bit × 4-bit multiply-accumulate per cycle, so a lane is the
 * MAC-equivalent. Per lane two ways: the 16-lane PE's total over 16 (the shared counters, bank and
 * post-processing spread over the lanes), and the marginal lane (16 lanes less 1 lane, over 15).
 */
export async function runMokeyCost() {
  const { mokeyPeBlock } = await import('../dist/blocks/mokey/pe/block.js');
  const { intMacBlock } = await import('../dist/blocks/int/mac/block.js');
  const { minifloatMacBlock } = await import('../dist/blocks/minifloat/mac/block.js');
  const { synthesizeUnits } = await import('./pool.mjs');
  const units = [
    { key: 'pe1', label: 'mokey.pe L=1', block: mokeyPeBlock, params: { lanes: 1 } },
    { key: 'pe16', label: 'mokey.pe L=16 (defaults: C=16, F=16, outlier lane)', block: mokeyPeBlock, params: { lanes: 16 } },
    { key: 'pe16m4', label: 'mokey.pe L=16, post-macs 4', block: mokeyPeBlock, params: { lanes: 16, postMacs: 4 } },
    { key: 'int8', label: 'int.mac 8×8', block: intMacBlock, params: { aBits: 8, bBits: 8 } },
    { key: 'e4m3', label: 'minifloat.mac e4m3 × e4m3 (Kulisch)', block: minifloatMacBlock, params: { a: 'e4m3', b: 'e4m3' } },
  ];
  const targets = ['xc7', 'ice40'];
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, targets)) {
    rows.push({ key: u.key, unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, dsp: r.totals.dsp, fmaxMHz: r.pnr?.fmaxMHz ?? null, unplaced: r.pnr?.unplaced ?? null });
  }
  const perLane = targets.map((target) => {
    const get = (key) => rows.find((r) => r.key === key && r.target === target);
    const pe1 = get('pe1'), pe16 = get('pe16'), int8 = get('int8'), e4m3 = get('e4m3');
    const lane = { lut: pe16.lut / 16, ff: pe16.ff / 16 }, marginal = { lut: (pe16.lut - pe1.lut) / 15, ff: (pe16.ff - pe1.ff) / 15 };
    return {
      target, lane, marginal, int8: { lut: int8.lut, ff: int8.ff }, e4m3: { lut: e4m3.lut, ff: e4m3.ff },
      laneOverInt8Lut: lane.lut / int8.lut, marginalOverInt8Lut: marginal.lut / int8.lut, marginalOverE4m3Lut: marginal.lut / e4m3.lut,
      dsp16: pe16.dsp,
    };
  });
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}, DSP ${r.dsp}${r.fmaxMHz ? `, ${r.fmaxMHz} MHz` : ''}${r.unplaced ? ` (${r.unplaced})` : ''}`);
  for (const x of perLane) console.log(`mokey cost on ${x.target}: per lane ${x.lane.lut.toFixed(0)} LUT / ${x.lane.ff.toFixed(0)} FF (marginal ${x.marginal.lut.toFixed(0)} / ${x.marginal.ff.toFixed(0)}); int.mac 8×8 ${x.int8.lut} / ${x.int8.ff}; minifloat.mac e4m3 ${x.e4m3.lut} / ${x.e4m3.ff}`);
  return { rows, perLane };
}

/** Cycles per dot product (cycle model, params.ts bankCycles): lanes, outlier pairs or the bank, whichever is longest. */
export async function runMokeyCycles() {
  const { bankCycles } = await import('../dist/blocks/mokey/pe/params.js');
  const dir = findShared('data/weights', 'manifest.json');
  const set = loadTensors(dir);
  // Per dot product its beats (code pairs over L lanes, or its outlier pairs), worked out once.
  const lanes = 16, beatsPerDot = [];
  let pairs = 0, outliers = 0;
  for (const { weight, act } of set.pairs) {
    const [outs, width] = weight.shape;
    const qw = quantize(weight.data), qx = quantize(act.data);
    for (let r = 0; r * width < act.data.length; r += 16) {
      for (let j = 0; j < outs; j++) {
        let o = 0;
        for (let i = 0; i < width; i++) if (qw.codes[j * width + i] === OUTLIER || qx.codes[r * width + i] === OUTLIER) o++;
        beatsPerDot.push(Math.max(1, Math.ceil((width - o) / lanes), o));
        pairs += width; outliers += o;
      }
    }
  }
  const rows = [1, 4, 24].map((postMacs) => {
    const bank = bankCycles({ postMacs, stages: 0 }); // the PE as synthesized above: no term-loop stages
    const cycles = beatsPerDot.reduce((s, b) => s + Math.max(b, bank), 0);
    return { lanes, postMacs, bankCycles: bank, pairsPerCycle: pairs / cycles, laneUse: (pairs - outliers) / (cycles * lanes), outlierPairs: outliers / pairs };
  });
  for (const r of rows) console.log(`mokey cycles on the ${set.pairs.length} transformer pairs, L=${r.lanes}, post-macs ${r.postMacs}: ${r.pairsPerCycle.toFixed(2)} pairs per cycle (lanes ${(100 * r.laneUse).toFixed(1)} % busy), outlier pairs ${(100 * r.outlierPairs).toFixed(2)} %`);
  return rows;
}
