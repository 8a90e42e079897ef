// Mokey's dictionary and quantizer: the normal quantile against tabulated values, the golden
// dictionary's targets checked by integrating the half-normal density, the least-squares fit
// locally optimal, the quantizer's nearest-centroid codes and outliers against brute force, and the
// CLI on files (report, JSON, bad input).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { fitDictionary, GOLDEN, halfNormalTargets, normalQuantile } from '../../src/blocks/mokey/dictionary.js';
import { DEFAULT_THRESHOLD, dequantize, OUTLIER, quantize } from '../../src/blocks/mokey/quantize.js';
import { seededRng } from '../../src/cosim/model.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 41);
console.log(`mokey quantize: seed ${SEED}`);
const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

/** A standard normal draw (Box–Muller). */
const gauss = (rng: () => number) => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());

describe('Mokey dictionary', () => {
  it('normalQuantile matches tabulated values and is odd around 1/2', () => {
    // Abramowitz & Stegun table 26.5 / standard z-tables.
    for (const [p, z] of [[0.975, 1.959963985], [0.99, 2.326347874], [0.995, 2.575829304], [0.8413447461, 1], [0.5, 0], [0.001, -3.090232306]] as const) {
      expect(normalQuantile(p)).toBeCloseTo(z, 7);
    }
    for (const p of [0.01, 0.1, 0.3]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });

  it('the targets are the magnitude quantiles of N(0, 1): the half-normal density integrates to (i + ½)/8 below each', () => {
    const pdf = (x: number) => Math.sqrt(2 / Math.PI) * Math.exp((-x * x) / 2);
    halfNormalTargets().forEach((t, i) => {
      // Simpson's rule on [0, t], 2000 intervals.
      const n = 2000, h = t / n;
      let s = pdf(0) + pdf(t);
      for (let k = 1; k < n; k++) s += (k % 2 ? 4 : 2) * pdf(k * h);
      expect((s * h) / 3, `target ${i}`).toBeCloseTo((i + 0.5) / 8, 8);
    });
  });

  it('the golden dictionary is the least-squares exponential: ascending, positive, and no nearby (A, B, C) fits better', () => {
    const t = halfNormalTargets(), { A, B, C, centroids } = GOLDEN;
    expect(centroids.every((c, i) => c > 0 && (i === 0 || c > centroids[i - 1]!))).toBe(true);
    centroids.forEach((c, i) => expect(c).toBeCloseTo(A * B ** i + C, 12));
    const err = (a: number, b: number, c: number) => t.reduce((s, x, i) => s + (a * b ** i + c - x) ** 2, 0);
    const best = err(A, B, C);
    for (const [da, db, dc] of [[1e-4, 0, 0], [-1e-4, 0, 0], [0, 1e-4, 0], [0, -1e-4, 0], [0, 0, 1e-4], [0, 0, -1e-4]]) {
      expect(err(A + da!, B + db!, C + dc!)).toBeGreaterThan(best);
    }
    // An exact exponential is recovered.
    const d = fitDictionary(Array.from({ length: 8 }, (_, i) => 0.3 * 1.5 ** i - 0.1));
    expect(d.A).toBeCloseTo(0.3, 6);
    expect(d.B).toBeCloseTo(1.5, 6);
    expect(d.C).toBeCloseTo(-0.1, 6);
  });
});

describe('Mokey quantizer', () => {
  it('codes each value with the nearest centroid of (x − μ)/σ and its sign; outliers are exactly those beyond c_7 + threshold', () => {
    const rng = seededRng(SEED);
    for (const threshold of [0, 0.5, DEFAULT_THRESHOLD, 3]) {
      const mu = 0.3, sd = 0.05;
      const x = Float32Array.from({ length: 20_000 }, () => mu + sd * gauss(rng) * (rng() < 0.05 ? 4 : 1)); // some heavy tails
      const q = quantize(x, { threshold });
      let s = 0;
      for (const v of x) s += v;
      const mean = s / x.length;
      expect(q.mean).toBeCloseTo(mean, 10);
      expect(q.std).toBeCloseTo(Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length), 10);
      const c = GOLDEN.centroids;
      let outliers = 0;
      x.forEach((v, i) => {
        const z = (v - q.mean) / q.std;
        if (Math.abs(z) > c[7]! + threshold) { outliers++; expect(q.codes[i]).toBe(OUTLIER); return; }
        const dist = c.map((ck) => Math.abs(Math.abs(z) - ck));
        const k = q.codes[i]! & 7;
        expect(dist[k]!, `value ${i}`).toBeLessThanOrEqual(Math.min(...dist) + 1e-12);
        expect(q.codes[i]! >> 3, `sign of value ${i}`).toBe(z < 0 ? 1 : 0);
      });
      expect(q.outlierPositions.length).toBe(outliers);
      // Outliers come back within half a step of their 16-bit fixed point.
      const back = dequantize(q);
      for (const p of q.outlierPositions) expect(Math.abs(back[p]! - x[p]!)).toBeLessThanOrEqual(q.outlierScale / 2 + 1e-9);
    }
  });

  it('on N(0, 1) about 0.5 % are outliers at the default threshold and the SQNR is that of a 4-bit code', () => {
    const rng = seededRng(SEED + 1);
    const x = Float64Array.from({ length: 100_000 }, () => gauss(rng));
    const q = quantize(x), back = dequantize(q);
    const rate = q.outlierPositions.length / x.length;
    expect(rate).toBeGreaterThan(0.003);
    expect(rate).toBeLessThan(0.008);
    let sig = 0, noise = 0;
    x.forEach((v, i) => { sig += v * v; noise += (v - back[i]!) ** 2; });
    const sqnr = 10 * Math.log10(sig / noise);
    expect(sqnr).toBeGreaterThan(15);
    expect(sqnr).toBeLessThan(25);
  });

  it('an empty tensor and a constant tensor', () => {
    expect(quantize([]).codes.length).toBe(0);
    const q = quantize([2.5, 2.5, 2.5]);
    expect(q.std).toBe(0);
    expect([...dequantize(q)]).toEqual([2.5, 2.5, 2.5]);
  });
});

describe('bitforge mokey quantize', () => {
  it('reports μ, σ, outliers and SQNR, writes JSON, and refuses bad input in one line', async () => {
    const d = mkdtempSync(join(tmpdir(), 'bitforge-mokey-'));
    const rng = seededRng(SEED + 2);
    const x = Float32Array.from({ length: 4096 }, () => gauss(rng));
    writeFileSync(join(d, 'w.f32'), Buffer.from(x.buffer));
    const r = await execa('node', [cli, 'mokey', 'quantize', 'w.f32', '-o', 'w.json'], { cwd: d, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4096 float32 values/);
    expect(r.stdout).toMatch(/SQNR \d+\.\d+ dB/);
    const j = JSON.parse(readFileSync(join(d, 'w.json'), 'utf8')) as { values: number; codes: string; outliers: { positions: number[] } };
    expect(j.values).toBe(4096);
    expect(j.codes.length).toBe(4096 + j.outliers.positions.length); // ff takes two characters
    writeFileSync(join(d, 'odd.f32'), Buffer.alloc(7));
    writeFileSync(join(d, 'nan.f32'), Buffer.from(Float32Array.of(1, NaN).buffer));
    for (const [args, msg] of [[['odd.f32'], /not a whole number of float32/], [['nan.f32'], /value 1 is NaN/], [['w.f32', '--threshold', '-1'], /--threshold/], [['none.f32'], /cannot read none\.f32/]] as const) {
      const e = await execa('node', [cli, 'mokey', 'quantize', ...args], { cwd: d, reject: false });
      expect(e.exitCode).toBe(2);
      expect(e.stderr.trim().split('\n')).toHaveLength(1);
      expect(e.stderr).toMatch(msg);
    }
  });
});
