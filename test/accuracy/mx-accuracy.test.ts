// MX accuracy on tensors: exact cases by construction, the ordering the MX literature reports on
// real weights, the Pareto front's dominance rule, and a sweep with accuracy data end to end
// (report columns, one chart per block and target, one point per configuration, bad data = one line).

import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mxDotError, mxQuantizationError } from '../../src/accuracy/mx.js';
import { loadTensors, TensorDataError, type TensorSet } from '../../src/accuracy/tensors.js';
import { paretoFront } from '../../src/report/charts/pareto.js';
import { findShared } from '../../src/accuracy/shared-dir.js';

const DATA = findShared('data/weights', 'manifest.json') ?? '';
if (!DATA) console.warn('accuracy: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor checks');
const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

const synthetic = (values: number[], width: number): TensorSet => {
  const t = { name: 't', shape: [values.length / width, width], data: Float32Array.from(values) };
  return { dir: '-', weights: [t], pairs: [{ name: 'p', weight: t, act: t }] };
};

describe('MX accuracy', () => {
  it('a tensor made of e2m1 values times a power of two quantizes exactly: no noise, relative RMSE 0', () => {
    const e2m1 = [0, 0.5, 1, 1.5, 2, 3, 4, 6];
    const vals = Array.from({ length: 64 }, (_, i) => (i % 3 ? -1 : 1) * e2m1[i % 8]! * 2 ** -5);
    const r = mxQuantizationError(synthetic(vals, 32), { elem: 'e2m1', block: 32 });
    expect(r.relRmse).toBe(0);
    expect(r.sqnrDb).toBe(Infinity);
  });

  it('a row that does not fill its last block is padded with zeros, which change nothing', () => {
    const vals = Array.from({ length: 40 }, (_, i) => Math.sin(i + 1));
    const a = mxQuantizationError(synthetic(vals, 40), { elem: 'e4m3', block: 32 });
    const b = mxQuantizationError(synthetic([...vals.slice(0, 32), ...vals.slice(32), ...new Array(24).fill(0)], 64), { elem: 'e4m3', block: 32 });
    expect(a.sqnrDb).toBeCloseTo(b.sqnrDb, 12);
  });

  it('W·x of tensors that are exact MX values is exact', () => {
    const vals = Array.from({ length: 64 }, (_, i) => [1, -2, 0.5, 3][i % 4]!);
    expect(mxDotError(synthetic(vals, 32), { elem: 'e2m1', block: 32, rowStep: 1 }).dotRelErr).toBe(0);
  });

  it('the Pareto front keeps exactly the points nothing beats on both cost and error', () => {
    const pts = [{ label: 'a', cost: 10, error: 20 }, { label: 'b', cost: 20, error: 30 }, { label: 'c', cost: 20, error: 25 }, { label: 'd', cost: 30, error: 30 }, { label: 'e', cost: 5, error: 10 }];
    expect(paretoFront(pts, true).map((i) => pts[i]!.label)).toEqual(['a', 'b', 'e']); // higher error value is better (SQNR)
    expect(paretoFront(pts, false).map((i) => pts[i]!.label)).toEqual(['e']);
  });

  it('a directory without manifest.json is a one-line error naming it', () => {
    expect(() => loadTensors('/nonexistent')).toThrow(TensorDataError);
    expect(() => loadTensors('/nonexistent')).toThrow(/\/nonexistent: no manifest\.json/);
  });

  describe.skipIf(!DATA)('on the real tensors of ../shared/data/weights', () => {
    it('reads every float32 weight tensor and the transformer\'s weight × activation pairs', () => {
      const set = loadTensors(DATA);
      expect(set.weights.length).toBeGreaterThan(100);
      expect(set.pairs.length).toBe(35); // 5 layers × (wq, wk, wv, wo, w1, w3, w2)
    });

    it('MXINT8 < MXFP6 e2m3 < MXFP8 e4m3 < MXFP4 in error, as the MX literature reports for weights', () => {
      const set = loadTensors(DATA);
      const sq = (elem: string) => mxQuantizationError(set, { elem, block: 32 }).sqnrDb;
      const [i8, e2m3, e4m3, e2m1] = ['int8', 'e2m3', 'e4m3', 'e2m1'].map(sq) as [number, number, number, number];
      console.log(`SQNR dB: int8 ${i8.toFixed(2)}, e2m3 ${e2m3.toFixed(2)}, e4m3 ${e4m3.toFixed(2)}, e2m1 ${e2m1.toFixed(2)}`);
      expect(i8).toBeGreaterThan(e2m3);
      expect(e2m3).toBeGreaterThan(e4m3);
      expect(e4m3).toBeGreaterThan(e2m1);
      // Each mantissa bit is worth about 6 dB: e2m3 vs e2m1 differ by two.
      expect(e2m3 - e2m1).toBeGreaterThan(9);
    });

    it('a sweep with accuracy data writes the metrics and a cost-against-error chart with one point per configuration', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bitforge-acc-sweep-'));
      const spec = join(dir, 'spec.json');
      // The smallest quantizer on the quickest flow: the sweep's plumbing is the point, not the hardware.
      writeFileSync(spec, JSON.stringify({ name: 'acc', targets: ['gowin'], accuracy: { data: DATA },
        sweeps: [{ block: 'mx.quantize', params: { elem: ['e2m1', 'e4m3', 'int8'], block: 1, stages: 0 } }] }));
      const r = await execa('node', [cli, 'sweep', spec, '--out', join(dir, 'out')], { reject: false, env: { BITFORGE_CACHE: join(dir, 'cache') } });
      expect(r.exitCode, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { reports: Array<{ params: { elem: string }; accuracy: Record<string, number> }> };
      expect(report.reports).toHaveLength(3);
      for (const x of report.reports) expect(Object.keys(x.accuracy).sort()).toEqual(['relRmse', 'sqnrDb']);
      const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
      const chart = /<svg[^>]*class="chart pareto"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
      const points = /<g class="mark-symbol role-mark points_marks"[\s\S]*?<\/g>/.exec(chart)?.[0] ?? '';
      const fills = [...points.matchAll(/<path [^>]*fill="([^"]+)"/g)].map((m) => m[1]);
      expect(fills).toHaveLength(3); // one point per configuration
      expect(fills).toContain('#b07aa1'); // the front, filled in gowin's colour
      expect(chart).toContain('front_marks'); // and joined by a line
      expect(readFileSync(join(dir, 'out', 'report.md'), 'utf8')).toMatch(/\| sqnrDb \|/);
    }, 300_000);

    it('a spec whose data directory is wrong fails before synthesis, in one line, writing nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bitforge-acc-bad-'));
      const spec = join(dir, 'spec.json');
      writeFileSync(spec, JSON.stringify({ targets: ['xc7'], accuracy: { data: 'missing' }, block: 'mx.quantize', params: { block: 4 } }));
      const r = await execa('node', [cli, 'sweep', spec, '--out', join(dir, 'out')], { reject: false });
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/accuracy\.data: .*missing: no manifest\.json/);
      expect(readdirSync(dir)).toEqual(['spec.json']);
    });
  });
});
