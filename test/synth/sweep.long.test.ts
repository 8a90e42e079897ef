// `bitforge sweep`, the long tier: the example spec runs, resumes from the cache after being killed
// part-way, and writes the report, rendered in headless Chromium.

import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthReportSchema } from '../../src/report/schema.js';
import { cartesian } from '../../src/sweep/spec.js';
import { renderPage, VIEWPORT_WIDTH } from '../helpers/chromium.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
const example = join(process.cwd(), 'examples', 'sweeps', 'adder-tree.json');
const cache = mkdtempSync(join(tmpdir(), 'bitforge-sweep-cache-')); // cold: every configuration really runs
const env = { BITFORGE_CACHE: cache };

describe('bitforge sweep', () => {
  it('runs the example spec, resumes after being killed, and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-sweep-'));
    // First run: killed once four configurations are done (two more are in flight and are lost).
    const first = execa('node', [cli, 'sweep', example, '--jobs', '2'], { cwd: dir, env, reject: false });
    let seen = '';
    first.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/\[4\/12\]/.test(seen)) first.kill('SIGKILL');
    });
    const killed = await first;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'sweep-adder-tree', 'report.json'))).toBe(false); // nothing half-written

    const second = await execa('node', [cli, 'sweep', example, '--jobs', '2'], { cwd: dir, env, reject: false });
    expect(second.exitCode, second.stderr).toBe(0);
    const m = /\((\d+) ok of which (\d+) from cache, (\d+) failed\)/.exec(second.stdout)!;
    expect(Number(m[1])).toBe(12);
    expect(Number(m[2])).toBeGreaterThanOrEqual(4);
    expect(Number(m[2])).toBeLessThan(12);
    expect(Number(m[3])).toBe(0);
    expect(second.stderr.match(/\(cached\)/g)?.length).toBe(Number(m[2]));

    const json = JSON.parse(readFileSync(join(dir, 'sweep-adder-tree', 'report.json'), 'utf8')) as { axes: unknown; reports: unknown[] };
    const reports = json.reports.map((r) => synthReportSchema.parse(r));
    expect(json.axes).toEqual({ 'examples.adder-tree': ['width', 'n'] });
    const configs = reports.map((r) => `${String(r.params['width'])}/${String(r.params['n'])}/${r.target}`).sort();
    expect(configs).toEqual(cartesian({ w: [8, 16], n: [4, 8, 16], t: ['ice40', 'xc7'] }).map((c) => `${String(c['w'])}/${String(c['n'])}/${String(c['t'])}`).sort());
    // The same registers on both targets.
    for (const r of reports) expect(r.totals.ff).toBe(reports.find((q) => q.target !== r.target && q.params['n'] === r.params['n'] && q.params['width'] === r.params['width'])!.totals.ff);
    // On ice40 every configuration is placed with registered I/O; only n=16 width=16 (280 pins) had to be.
    expect(reports.filter((r) => r.wrapper).length).toBe(6);
    expect(reports.filter((r) => r.wrapper && r.wrapper.reason.includes('exceed the 206 pins')).map((r) => `${String(r.params['n'])}/${String(r.params['width'])}/${r.target}`)).toEqual(['16/16/ice40']);
    const html = readFileSync(join(dir, 'sweep-adder-tree', 'index.html'), 'utf8');
    for (const p of ['width', 'n']) for (const metric of ['LUTs', 'Flip-flops', 'Fmax']) expect(html).toContain(`aria-label="examples.adder-tree: ${metric} against ${p}"`);
    expect(readFileSync(join(dir, 'sweep-adder-tree', 'report.md'), 'utf8')).toContain('in registered wrapper');
    // In Chromium at 1400 px (screenshot in test-results/screenshots/): every label whole and apart; a
    // panel per target, a point per configuration and a line per target × other parameter, none hidden
    // under another (the xc7 Fmax lines are flat at the estimate's last adder, the same for every n).
    const shots = join(process.cwd(), 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    const page = await renderPage(join(dir, 'sweep-adder-tree', 'index.html'), join(shots, 'sweep-adder-tree.png'));
    expect(page.errors).toEqual([]);
    expect(Buffer.from(page.screenshot).readUInt32BE(16)).toBe(VIEWPORT_WIDTH); // the page is no wider than the window
    for (const c of page.charts) expect([c.label, c.clipped, c.overlapping]).toEqual([c.label, [], []]);
    const chart = (label: string) => page.charts.find((c) => c.label === label)!;
    const byWidth = chart('examples.adder-tree: LUTs against width');
    expect([byWidth.marks['points'], byWidth.places['points'], byWidth.marks['lines']]).toEqual([12, 12, 6]);
    const xc7 = (w: number) => new Set(reports.filter((r) => r.target === 'xc7' && r.params['width'] === w).map((r) => r.timing.fmaxMHz));
    expect([xc7(8).size, xc7(16).size]).toEqual([1, 1]);
    const fmaxByN = chart('examples.adder-tree: Fmax against n');
    expect([fmaxByN.marks['points'], fmaxByN.places['points'], fmaxByN.marks['lines']]).toEqual([12, 12, 4]);
    expect(Object.keys(fmaxByN.colors).sort()).toEqual(['ice40', 'xc7']);
  }, 300_000);
});
