// `bitforge build` cold: an empty cache, the whole catalogue on ice40 and xc7, one job per core.
// Where the time goes: per configuration Yosys and nextpnr wall time (from each report's
// toolSeconds), the sum over jobs against wall × jobs (the cores' idle share), the longest job.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli/main.js');

export function runBuildBench() {
  const dir = mkdtempSync(join(tmpdir(), 'bitforge-build-bench-'));
  const cache = join(dir, 'cache');
  const t0 = performance.now();
  const stdout = execFileSync(process.execPath, [CLI, 'build'], { cwd: dir, env: { ...process.env, BITFORGE_CACHE: cache }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const report = JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const jobs = availableParallelism();
  const rows = report.reports.map((r) => ({
    block: r.block, target: r.target, wall: r.wallSeconds, yosys: r.toolSeconds?.yosys ?? null, nextpnr: r.toolSeconds?.nextpnr ?? null,
    lut: r.totals.lut, logicCells: r.pnr?.logicCells ?? null, fmaxMHz: r.pnr?.fmaxMHz ?? null, unplaced: Boolean(r.pnr?.unplaced),
  })).sort((a, b) => b.wall - a.wall);
  const sum = (k, f = () => true) => rows.filter(f).reduce((s, r) => s + (r[k] ?? 0), 0);
  const elaborate = Number(/built \d+ block\(s\), \d+ file\(s\) in \S+ in ([\d.]+) s/.exec(stdout)?.[1] ?? NaN);
  return {
    wall, jobs, configurations: rows.length, failures: report.failures.length, elaborate,
    jobSeconds: sum('wall'), yosysSeconds: sum('yosys'), nextpnrSeconds: sum('nextpnr'),
    unplacedNextpnrSeconds: sum('nextpnr', (r) => r.unplaced), unplaced: rows.filter((r) => r.unplaced).length,
    longest: rows[0], rows,
  };
}
