// `bitforge build`, the main job, on the whole catalogue: every block synthesized for ice40 and xc7,
// the three reports written, the report page rendered in headless Chromium. The long tier: small
// designs through the same flow are in synth.test.ts.

import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import { synthReportSchema } from '../../src/report/schema.js';
import { renderPage, VIEWPORT_WIDTH } from '../helpers/chromium.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

describe('bitforge build (the main job)', () => {
  it('emits the catalogue, synthesizes it for ice40 and xc7, and writes the three reports', async () => {
    const { mkdirSync, mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const d = mkdtempSync(join(tmpdir(), 'bitforge-build-'));
    const r = await execa('node', [cli, 'build'], { cwd: d, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/reports: reports\/index\.html, report\.json, report\.md \((\d+) ok, 0 failed\)/);
    expect(Number(/\((\d+) ok/.exec(r.stdout)![1])).toBe(2 * catalogue.length);
    const json = JSON.parse(readFileSync(join(d, 'reports', 'report.json'), 'utf8')) as { reports: unknown[]; failures: unknown[] };
    const reports = json.reports.map((x) => synthReportSchema.parse(x));
    expect(reports.map((x) => `${x.block}/${x.target}`).sort()).toEqual(
      catalogue.flatMap((b) => [`${b.name}/ice40`, `${b.name}/xc7`]).sort());
    // On ice40 every block is placed and timed, or (the OCP-sized MX units, the 4 × 4 Loom tile, the
    // 16-lane TensorDash PE, the APack decoder's 16 parallel r·cum products in LUTs, the 16-lane Mokey PE's 64 popcounts, GOBO's
    // PE with 8 bins of 8 lanes of 42-bit fp16 fixed point and a 100-bit accumulator) really needs more logic cells than the HX8K
    // has and says so.
    const placed = reports.filter((y) => y.target === 'ice40' && !y.pnr!.unplaced);
    for (const x of placed) expect(x.pnr!.fmaxMHz).toBeGreaterThan(20);
    for (const x of reports.filter((y) => y.target === 'ice40' && y.pnr!.unplaced)) {
      expect(x.block).toMatch(/^(mx\.|loom\.tile$|tensordash\.pe$|apack\.decoder$|mokey\.pe$|gobo\.pe$)/);
      expect(x.pnr!.logicCells ?? 0).toBeGreaterThan(7680);
    }
    const md = readFileSync(join(d, 'reports', 'report.md'), 'utf8');
    const tree = reports.find((x) => x.block === 'examples.adder-tree' && x.target === 'xc7')!;
    expect(md).toContain(`| examples.adder-tree | n=8 width=16 every=1 | xc7 | ${tree.totals.lut} | ${tree.totals.ff} |`);
    const html = readFileSync(join(d, 'reports', 'index.html'), 'utf8');
    // Timing in every report: nextpnr's where placed, the estimate elsewhere, the path always named.
    for (const x of reports) {
      expect(x.timing.criticalPathNs, `${x.block}/${x.target}`).toBeGreaterThan(0);
      expect(x.timing.from).toBeTruthy();
      expect(x.timing.to).toBeTruthy();
      expect(x.timing.source).toBe(x.target === 'ice40' && !x.pnr!.unplaced ? 'nextpnr' : 'estimate');
    }
    expect(html.match(/<svg /g)).toHaveLength(4); // LUTs, FFs, share of the device, Fmax
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/); // self-contained

    // Rendered by headless Chromium at 1400 px, offline (screenshot in test-results/screenshots/): four
    // charts, a bar per (block, target), every label whole and apart, one colour per target.
    const shots = join(process.cwd(), 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    const page = await renderPage(join(d, 'reports', 'index.html'), join(shots, 'build.png'));
    expect(page.errors).toEqual([]);
    expect(Buffer.from(page.screenshot).readUInt32BE(16)).toBe(VIEWPORT_WIDTH); // the page is no wider than the window
    expect(page.charts.map((c) => c.label)).toEqual(['LUTs by block and target', 'Flip-flops by block and target', 'Share of the device', 'Fmax (ice40: nextpnr after routing; ~ the pre-route estimate, as on other targets)']);
    const n = catalogue.length;
    for (const c of page.charts) {
      expect([c.label, c.clipped, c.overlapping]).toEqual([c.label, [], []]);
      expect([c.label, c.marks['bars'], c.places['bars']]).toEqual([c.label, 2 * n, 2 * n]);
      expect(c.colors['ice40']).toEqual(page.charts[0]!.colors['ice40']);
      expect(c.colors['xc7']).toEqual(page.charts[0]!.colors['xc7']);
    }
    // The blocks too big for the HX8K keep their bars, marked; every report has an Fmax.
    const unplaced = reports.filter((x) => x.pnr?.unplaced).length;
    expect(unplaced).toBeGreaterThan(0);
    expect(page.charts[3]!.marks['misfits']).toBe(unplaced);
    expect([...page.screenshot.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }, 1_800_000);
});
