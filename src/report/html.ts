// One self-contained HTML page: tables and SVG charts of resources per block and parameters, and
// Fmax. No scripts, no network.

import { fmaxText, latencyText, lutPeriodText, noteOf, paramText, pathText, utilizationText, type Failure } from './markdown.js';
import type { SynthReport } from './schema.js';
import { barChart } from './svg-bars.js';
import { lineChart, type LineSeries } from './svg-lines.js';
import { paretoChart } from './svg-pareto.js';

/** Accuracy metrics the blocks report, how to label them and which way is better. */
export const ACCURACY_METRICS: Record<string, { label: string; higherIsBetter: boolean }> = {
  sqnrDb: { label: 'SQNR (dB)', higherIsBetter: true },
  relRmse: { label: 'relative RMSE', higherIsBetter: false },
  dotRelErr: { label: 'relative error of W·x', higherIsBetter: false },
};

/** Per block, target and accuracy metric: LUTs against the error, with the Pareto front. */
function paretoCharts(reports: readonly SynthReport[], axes: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  const groups = new Map<string, SynthReport[]>();
  for (const r of reports) if (r.accuracy) groups.set(`${r.block}\u0000${r.target}`, [...(groups.get(`${r.block}\u0000${r.target}`) ?? []), r]);
  for (const [key, rs] of groups) {
    const [block, target] = key.split('\u0000') as [string, string];
    const swept = axes[block] ?? [];
    const label = (r: SynthReport) => (swept.length ? swept.map((p) => String(r.params[p])).join(' ') : paramText(r.params));
    for (const [m, meta] of Object.entries(ACCURACY_METRICS)) {
      if (m === 'relRmse' || !rs.every((r) => r.accuracy![m] !== undefined)) continue; // relRmse is SQNR's twin: table only
      out.push(paretoChart(`${block} on ${target}: LUTs against ${meta.label}`, 'LUTs', meta.label,
        rs.map((r) => ({ label: label(r), cost: r.totals.lut, error: r.accuracy![m]! })), meta.higherIsBetter));
    }
  }
  return out;
}


const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const config = (r: SynthReport) => `${r.block} ${paramText(r.params)}`;

const METRICS = [
  { name: 'LUTs', unit: 'cells', of: (r: SynthReport) => r.totals.lut },
  { name: 'Flip-flops', unit: 'cells', of: (r: SynthReport) => r.totals.ff },
  { name: 'Fmax', unit: 'MHz', of: (r: SynthReport) => r.timing.fmaxMHz ?? undefined },
] as const;

/** For a sweep: each metric against each swept parameter of a block, a line per target and other parameters. */
function parameterCharts(reports: readonly SynthReport[], axes: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [block, params] of Object.entries(axes)) {
    const mine = reports.filter((r) => r.block === block);
    for (const p of params) {
      // Numbers in order; names (formats) in the order the sweep gave them.
      const seen = [...new Set(mine.map((r) => r.params[p]))];
      const values = (seen.every((v) => typeof v === 'number') ? (seen as number[]).sort((a, b) => a - b) : seen).map(String);
      const others = params.filter((q) => q !== p);
      for (const m of METRICS) {
        const lines = new Map<string, Array<{ x: string; y: number }>>();
        for (const r of mine) {
          const y = m.of(r);
          if (y === undefined) continue;
          const key = [r.target, ...others.map((q) => `${q}=${String(r.params[q])}`)].join(' · ');
          lines.set(key, [...(lines.get(key) ?? []), { x: String(r.params[p]), y }]);
        }
        if (!lines.size) continue;
        const series: LineSeries[] = [...lines].map(([name, points]) => ({ name, points }));
        out.push(lineChart(`${block}: ${m.name} against ${p}`, p, m.unit, values, series));
      }
    }
  }
  return out;
}

export function htmlReport(title: string, reports: readonly SynthReport[], failures: readonly Failure[], meta: string, axes: Record<string, readonly string[]> = {}): string {
  const perParameter = parameterCharts(reports, axes);
  const pareto = paretoCharts(reports, axes);
  const accKeys = Object.keys(ACCURACY_METRICS).filter((k) => reports.some((r) => r.accuracy?.[k] !== undefined));
  const targets = [...new Set(reports.map((r) => r.target))];
  const chart = (metric: 'lut' | 'ff', name: string) => barChart(name, 'cells', targets.map((t) => ({
    name: t, bars: reports.filter((r) => r.target === t).map((r) => ({ label: config(r), value: r.totals[metric] })),
  })));
  const fmaxSeries = targets.map((t) => ({
    // A design that does not fit the device keeps its bar, the estimate's, marked as such.
    name: t, bars: reports.filter((r) => r.target === t && r.timing.fmaxMHz !== null).map((r) => ({ label: config(r), value: r.timing.fmaxMHz!, ...(r.pnr?.unplaced ? { note: 'does not fit: estimate' } : {}) })),
  })).filter((s) => s.bars.length);
  const fmax = fmaxSeries.length ? barChart('Fmax (ice40: nextpnr after routing; other targets: the pre-route estimate)', 'MHz', fmaxSeries) : '';
  const iso = reports.some((r) => r.pipelined);
  const rows = reports.map((r) => `<tr><td>${esc(r.block)}</td><td>${esc(paramText(r.params))}</td><td>${r.target}</td><td>${r.totals.lut}</td><td>${r.totals.ff}</td><td>${r.totals.carry}</td><td>${r.totals.bram}</td><td>${r.totals.dsp}</td><td>${fmaxText(r)}</td><td>${r.timing.criticalPathNs ?? ''}</td><td>${r.timing.logicLevels ?? ''}</td><td>${esc(pathText(r))}</td><td>${utilizationText(r)}</td>${iso ? `<td>${latencyText(r)}</td><td>${lutPeriodText(r)}</td>` : ''}<td>${r.wallSeconds.toFixed(1)}</td>${accKeys.map((k) => `<td>${r.accuracy?.[k] !== undefined ? Number(r.accuracy[k]!.toPrecision(4)) : ''}</td>`).join('')}<td>${esc(noteOf(r))}</td></tr>`);
  const failed = failures.map((f) => `<tr><td>${esc(f.block)}</td><td>${f.target}</td><td>${esc(f.reason)}</td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:nth-child(-n+3),th{text-align:left}.chart{display:block;margin:1.5em 0}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>${esc(meta)}</p>
${pareto.length ? `<h2>Cost against error</h2>\n<p>Error of the golden models on real tensors; filled points and the dashed line are the Pareto front (nothing else is both cheaper and at least as accurate).</p>\n${pareto.join('\n')}` : ''}
${perParameter.length ? `<h2>By parameter</h2>\n${perParameter.join('\n')}` : ''}
<h2>Resources</h2>
${chart('lut', 'LUTs by block and target')}
${chart('ff', 'Flip-flops by block and target')}
${fmax ? `<h2>Timing</h2>\n${fmax}` : ''}
<h2>Table</h2>
<table><thead><tr><th>block</th><th>parameters</th><th>target</th><th>LUT</th><th>FF</th><th>carry</th><th>BRAM</th><th>DSP</th><th>Fmax (MHz; ~ estimate)</th><th>critical path (ns)</th><th>logic levels</th><th>path</th><th>device</th>${iso ? '<th>added latency</th><th>LUT × period (LUT·ns)</th>' : ''}<th>time (s)</th>${accKeys.map((k) => `<th>${esc(ACCURACY_METRICS[k]!.label)}</th>`).join('')}<th>notes</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
${failed.length ? `<h2>Failed configurations</h2><table><thead><tr><th>block</th><th>target</th><th>reason</th></tr></thead><tbody>${failed.join('\n')}</tbody></table>` : ''}
</body></html>
`;
}
