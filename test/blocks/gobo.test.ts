// GOBO: the quantizer against its rules (log-density outliers, GOBO's centroid selection) and on the
// tiny-LLaMA's weights (outlier share, error), a layer's decoder stream through the golden model back
// to the dequantized weights, then gobo.decoder in cosimulation. Real layers through the RTL in both
// simulators and the 10^5-beat runs are in gobo.long.test.ts.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors } from '../../src/accuracy/tensors.js';
import { goboDecoderBlock } from '../../src/blocks/gobo/decoder/block.js';
import { decoderGolden } from '../../src/blocks/gobo/decoder/golden.js';
import { params, type GoboParams } from '../../src/blocks/gobo/params.js';
import { goboBits, goboDequantize, goboQuantize } from '../../src/blocks/gobo/quantize.js';
import { layerBeats } from '../../src/blocks/gobo/stream.js';
import { seededRng } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`gobo: seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
const P = (o: Partial<GoboParams> = {}) => params.parse(o);

function gaussian(rng: () => number, n: number, mu: number, sigma: number): Float32Array {
  return Float32Array.from({ length: n }, () => mu + sigma * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
}

describe('the GOBO quantizer', () => {
  it('outliers are exactly the weights of log density below −4; the rest take their nearest of 8 ascending centroids', () => {
    const rng = seededRng(SEED), w = gaussian(rng, 20000, 0.01, 0.05);
    for (let i = 0; i < 30; i++) w[Math.floor(rng() * w.length)] = (rng() < 0.5 ? -1 : 1) * (0.25 + rng());
    const q = goboQuantize(w);
    let m = 0; for (const x of w) m += x; m /= w.length;
    let v = 0; for (const x of w) v += (x - m) ** 2; const s = Math.sqrt(v / w.length);
    // ln N(w) < −4 ⇔ z² > 2(4 − ln(σ√(2π))).
    const zz = 2 * (4 - Math.log(s * Math.sqrt(2 * Math.PI)));
    const expected = [...w.keys()].filter((i) => ((w[i]! - m) / s) ** 2 > zz);
    expect([...q.outlierPositions]).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(30);
    expect([...q.outlierValues]).toEqual(expected.map((i) => w[i]!));
    expect([...q.centroids]).toEqual([...q.centroids].sort((a, b) => a - b));
    const out = new Set(expected);
    w.forEach((x, i) => {
      if (out.has(i)) return;
      const d = Math.abs(x - q.centroids[q.indexes[i]!]!);
      for (const c of q.centroids) expect(d).toBeLessThanOrEqual(Math.abs(x - c));
    });
    const back = goboDequantize(q);
    for (const i of expected) expect(back[i]).toBe(w[i]);
    expect(goboBits(q)).toBe(3 * w.length + 256 + 64 * expected.length);
  });

  it('centroid selection: 8 distinct values are found exactly; the L1 error never exceeds the equal-count bins\' start', () => {
    const vals = [-0.3, -0.2, -0.1, -0.05, 0.05, 0.1, 0.2, 0.3];
    const w = Float32Array.from({ length: 800 }, (_, i) => vals[i % 8]!);
    const q = goboQuantize(w);
    expect([...q.centroids]).toEqual(vals.map(Math.fround));
    expect(q.outlierPositions.length).toBe(0);
    expect([...goboDequantize(q)]).toEqual([...w]);
    // A skewed layer: the L1 error after the rounds is at most the equal-count bins' one.
    const rng = seededRng(SEED + 1), z = Float32Array.from({ length: 5000 }, () => Math.fround(rng() ** 3 - 0.2));
    const r = goboQuantize(z), sorted = Float64Array.from(z).sort(), start: number[] = [];
    for (let k = 0; k < 8; k++) { const lo = k * 625, hi = lo + 625; let s = 0; for (let i = lo; i < hi; i++) s += sorted[i]!; start.push(Math.fround(s / 625)); }
    const l1 = (c: ArrayLike<number>) => { let e = 0; for (const x of z) { let b = Infinity; for (let k = 0; k < 8; k++) b = Math.min(b, Math.abs(x - c[k]!)); e += b; } return e; };
    expect(r.outlierPositions.length).toBe(0);
    expect(l1(r.centroids)).toBeLessThan(l1(start));
    expect(r.rounds).toBeGreaterThan(1);
  });

  it.skipIf(!DATA)('tiny-LLaMA layers: outliers near the paper\'s ~0.1 %, and the decoder stream of a layer decodes (golden) to the dequantized weights', () => {
    const set = loadTensors(DATA!);
    const layers = set.weights.filter((t) => t.name.startsWith('stories260K/') && t.shape.length === 2);
    expect(layers.length).toBeGreaterThan(10);
    let n = 0, outliers = 0;
    for (const t of layers) { const q = goboQuantize(t.data); n += t.data.length; outliers += q.outlierPositions.length; }
    console.log(`gobo: ${layers.length} tiny-LLaMA layers, ${n} weights, outliers ${(100 * outliers / n).toFixed(3)} %`);
    expect(outliers / n).toBeGreaterThan(0);
    expect(outliers / n).toBeLessThan(0.01);
    const t = layers.find((x) => x.name.endsWith('layer0.wq'))!, q = goboQuantize(t.data), p = P();
    const out = decoderGolden(p)(layerBeats(p, q)).flatMap((v) => Array.from({ length: p.lanes }, (_, i) => v[`v${i}`]!));
    const back = goboDequantize(q), bits = new Uint32Array(back.buffer);
    expect(out.slice(0, back.length)).toEqual(Array.from(bits, BigInt));
  });
});

describe('gobo.decoder in cosimulation', () => {
  for (const o of [{}, { lanes: 1 }, { lanes: 3, output: 'fp16' as const }, { lanes: 32 }]) {
    it(`${JSON.stringify(o)}: Verilator`, async () => {
      await cosimClean(goboDecoderBlock, P(o), 'verilator', { seed: SEED, vectors: VECTORS.fast });
    }, 120_000);
  }
  it('the defaults in Icarus', async () => {
    await cosimClean(goboDecoderBlock, P(), 'icarus', { seed: SEED, vectors: 5000 });
  }, 120_000);
});
