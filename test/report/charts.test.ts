// The report page as a person reads it, in headless Chromium at 1400 px: every label whole and
// inside its chart, no two labels on each other, one colour per target in every chart, value axes
// from zero with round ticks, a marked bar (not a missing one) for a design that does not fit, the
// share of the device, and sweep lines that do not hide each other. Screenshots are saved to
// test-results/screenshots/ (the closing notes link them).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportFiles } from '../../src/report/bundle.js';
import type { SynthReport } from '../../src/report/schema.js';
import { renderPage, VIEWPORT_WIDTH, type RenderedChart, type RenderedPage } from '../helpers/chromium.js';
import { madeReport } from '../helpers/reports.js';

const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

async function page(name: string, reports: SynthReport[], axes: Record<string, string[]> = {}): Promise<RenderedPage> {
  const dir = mkdtempSync(join(tmpdir(), `bitforge-report-${name}-`));
  for (const f of await reportFiles({ title: `bitforge ${name}: synthesis report`, command: `bitforge ${name}`, targets: ['ice40', 'xc7'], reports, failures: [], axes })) writeFileSync(join(dir, f.path), f.content);
  mkdirSync(SHOTS, { recursive: true });
  return renderPage(join(dir, 'index.html'), join(SHOTS, `${name}-report.png`));
}

const pngWidth = (png: Uint8Array) => Buffer.from(png).readUInt32BE(16);
const numbers = (labels: string[]) => labels.map((l) => Number(l.replace(/,/g, '')));

/** Every visible text whole and apart, and each value axis (not a swept parameter's) from 0 in steps of 1, 2, 2.5 or 5 × 10^k. */
function readable(c: RenderedChart, swept: readonly string[] = []) {
  expect(c.clipped, `${c.label}: clipped`).toEqual([]);
  expect(c.overlapping, `${c.label}: overlapping`).toEqual([]);
  for (const ax of c.axes.filter((a) => !swept.includes(a.title) && a.labels.length > 1 && a.labels.every((l) => /^-?[\d,.]+$/.test(l)))) {
    const v = numbers(ax.labels);
    expect(v[0], `${c.label}: ${ax.title} starts at`).toBe(0);
    const step = v[1]! - v[0]!;
    for (let i = 1; i < v.length; i++) expect(v[i]! - v[i - 1]!).toBeCloseTo(step, 9);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9), `${c.label}: step ${step}`).toBe(true);
  }
}

describe('the build report page', () => {
  // Four configurations on two targets; mx.dot e4m3 needs more logic cells than the HX8K has.
  const configs = [
    { block: 'mx.dot', params: { elem: 'e4m3', elemB: '', block: 32, stages: 2, accumulate: 'fp32' }, text: 'mx.dot elem=e4m3 block=32 stages=2 accumulate=fp32', lut: [7571, 6623], ff: [900, 880], fmax: [41.2, 120], unplaced: true },
    { block: 'mx.dot', params: { elem: 'e2m1', elemB: '', block: 32, stages: 2, accumulate: 'fp32' }, text: 'mx.dot elem=e2m1 block=32 stages=2 accumulate=fp32', lut: [2019, 1865], ff: [700, 690], fmax: [52.3, 150] },
    { block: 'minifloat.mul', params: { a: 'e2m1', b: 'e2m1', out: 'e4m3', round: 'rne' }, text: 'minifloat.mul a=e2m1 b=e2m1 out=e4m3 round=rne', lut: [30, 25], ff: [0, 0], fmax: [180, 400] },
    { block: 'examples.adder-tree', params: { n: 8, width: 16, every: 1 }, text: 'examples.adder-tree n=8 width=16 every=1', lut: [120, 112], ff: [60, 60], fmax: [95, 310] },
  ];
  let p: RenderedPage;
  beforeAll(async () => {
    p = await page('build', configs.flatMap((c) => (['ice40', 'xc7'] as const).map((target, i) =>
      madeReport({ block: c.block, params: c.params, target, lut: c.lut[i]!, ff: c.ff[i]!, fmax: c.fmax[i]!, unplaced: target === 'ice40' && c.unplaced === true }))));
  }, 60_000);
  const chart = (label: RegExp) => p.charts.find((c) => label.test(c.label))!;

  it('renders offline, four charts, every label readable at 1400 px', () => {
    expect(p.errors).toEqual([]);
    expect(p.charts.map((c) => c.label)).toEqual(['LUTs by block and target', 'Flip-flops by block and target', 'Share of the device', expect.stringMatching(/^Fmax/)]);
    for (const c of p.charts) readable(c);
    expect(pngWidth(p.screenshot)).toBe(VIEWPORT_WIDTH); // nothing wider than the window
  });

  it('names every configuration in full, and gives each a bar per target', () => {
    for (const c of p.charts) {
      const rows = c.axes.find((a) => a.labels.some((l) => l.startsWith('mx.dot')))!.labels;
      expect(rows.map((l) => l.replace(/\n/g, ' '))).toEqual(configs.map((x) => x.text));
      expect(c.marks['bars'], c.label).toBe(8);
      expect(c.places['bars'], c.label).toBe(8);
      expect(c.legend).toEqual(['ice40', 'xc7']);
    }
  });

  it('one colour per target, the same in every chart', () => {
    const seen = p.charts.map((c) => c.colors);
    for (const c of seen) { expect(c['ice40']).toHaveLength(1); expect(c['xc7']).toHaveLength(1); }
    expect(new Set(seen.map((c) => c['ice40']![0])).size).toBe(1);
    expect(new Set(seen.map((c) => c['xc7']![0])).size).toBe(1);
    expect(seen[0]!['ice40']![0]).not.toBe(seen[0]!['xc7']![0]);
  });

  it('a design that does not fit keeps its bar, marked, and its Fmax is said to be the estimate', () => {
    const fmax = chart(/^Fmax/);
    expect(fmax.marks['misfits']).toBe(1);
    expect(fmax.texts).toContain('~41.2   does not fit the iCE40 HX8K');
    expect(fmax.texts).toContain('52.3'); // placed: nextpnr's, no ~
    expect(fmax.texts).toContain('~150'); // xc7: the estimate
  });

  it('the share of the device: logic cells of the HX8K on ice40, the largest resource share of the xc7a35t on xc7, a line at 100 %', () => {
    const share = chart(/^Share/);
    expect(share.marks['limit']).toBe(1);
    expect(share.texts).toContain('device full');
    const lcs = Math.round(7571 * 1.1); // the made-up reports' logic cells
    expect(share.texts).toContain(`${((lcs / 7680) * 100).toFixed(1)}   does not fit the iCE40 HX8K`);
    expect(share.texts).toContain(((6623 / 20800) * 100).toFixed(1));
    expect(share.marks['misfits']).toBe(1);
  });
});

describe('the sweep report page', () => {
  const ns = [2, 4, 8, 16], widths = [8, 16];
  // Same flip-flops and Fmax on xc7 for every n: the lines and points lie on each other unless drawn apart.
  const reports = widths.flatMap((width) => ns.flatMap((n) => (['ice40', 'xc7'] as const).map((target) => madeReport({
    block: 'examples.adder-tree', params: { n, width, every: 1 }, target, lut: Math.round(n * width * (target === 'ice40' ? 1.1 : 0.6)), ff: n * width,
    fmax: target === 'ice40' ? 200 - n * 5 : 300, accuracy: { sqnrDb: 10 + n + width / 4, relRmse: 0.1 },
  }))));
  let p: RenderedPage;
  beforeAll(async () => { p = await page('sweep', reports, { 'examples.adder-tree': ['n', 'width'] }); }, 60_000);
  const chart = (label: string) => p.charts.find((c) => c.label === label)!;

  it('renders offline: cost against error, each metric against each parameter, then the overview; every label readable', () => {
    expect(p.errors).toEqual([]);
    expect(p.charts.map((c) => c.label).slice(0, 8)).toEqual([
      'examples.adder-tree on ice40: LUTs against SQNR (dB)', 'examples.adder-tree on xc7: LUTs against SQNR (dB)',
      ...['n', 'width'].flatMap((x) => ['LUTs', 'Flip-flops', 'Fmax'].map((m) => `examples.adder-tree: ${m} against ${x}`))].slice(0, 8));
    for (const c of p.charts) readable(c, ['n', 'width']);
    expect(pngWidth(p.screenshot)).toBe(VIEWPORT_WIDTH);
  });

  it('a panel per target and a line per other parameter; no point hides another', () => {
    const byN = chart('examples.adder-tree: Fmax against n');
    expect(byN.texts).toEqual(expect.arrayContaining(['ice40', 'xc7', 'width=8', 'width=16']));
    expect(byN.marks['points']).toBe(16);
    expect(byN.marks['lines']).toBe(4); // 2 widths × 2 targets
    const byWidth = chart('examples.adder-tree: Fmax against width');
    expect(byWidth.marks['lines']).toBe(8); // 4 n × 2 targets, the 4 xc7 lines all at 300 MHz
    expect(byWidth.places['points']).toBe(16);
    for (const c of [byN, byWidth]) expect(Object.keys(c.colors).sort()).toEqual(['ice40', 'xc7']);
    // The x axis writes the swept values.
    expect(byN.axes.filter((a) => a.title === 'n').map((a) => a.labels)).toEqual([['2', '4', '8', '16'], ['2', '4', '8', '16']]);
  });

  it('cost against error: a point per configuration, the front filled, labels named and apart', () => {
    const ice40 = chart('examples.adder-tree on ice40: LUTs against SQNR (dB)');
    expect(ice40.marks['points']).toBe(8);
    // (n, width) with SQNR 10 + n + width/4 and LUTs n·width·1.1: only (4, 16), (8, 16) and (2, 16)... are dominated.
    expect(ice40.texts).toEqual(expect.arrayContaining(['n=2 width=8', 'n=16 width=16']));
    expect(ice40.marks['front']).toBe(1);
  });
});
