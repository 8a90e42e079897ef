// One self-contained HTML page: tables and charts of resources, device share and Fmax per block and
// parameters. Charts are Vega-Lite rendered to static SVG here: no scripts, no network.

import { barSpec, type BarRow } from './charts/bars.js';
import { lineSpec, type LinePoint } from './charts/lines.js';
import { paretoSpec } from './charts/pareto.js';
import { renderChart } from './charts/render.js';
import { wrapLabel } from './charts/style.js';
import { deviceShare, fmaxText, latencyText, lutPeriodText, misfitOf, noteOf, paramText, pathText, utilizationText, type Failure } from './markdown.js';
import type { SynthReport } from './schema.js';

/** Accuracy metrics the blocks report, how to label them and which way is better. */
export const ACCURACY_METRICS: Record<string, { label: string; higherIsBetter: boolean }> = {
  sqnrDb: { label: 'SQNR (dB)', higherIsBetter: true },
  relRmse: { label: 'relative RMSE', higherIsBetter: false },
  dotRelErr: { label: 'relative error of W·x', higherIsBetter: false },
};

interface Chart { readonly spec: Parameters<typeof renderChart>[0]; readonly label: string; readonly kind: string }

/** Per block, target and accuracy metric: LUTs against the error, with the Pareto front. */
function paretoCharts(reports: readonly SynthReport[], axes: Record<string, readonly string[]>): Chart[] {
  const out: Chart[] = [];
  const groups = new Map<string, SynthReport[]>();
  for (const r of reports) if (r.accuracy) groups.set(`${r.block}\u0000${r.target}`, [...(groups.get(`${r.block}\u0000${r.target}`) ?? []), r]);
  for (const [key, rs] of groups) {
    const [block, target] = key.split('\u0000') as [string, string];
    const swept = axes[block] ?? [];
    const label = (r: SynthReport) => (swept.length ? swept.map((p) => `${p}=${String(r.params[p])}`).join(' ') : paramText(r.params));
    for (const [m, meta] of Object.entries(ACCURACY_METRICS)) {
      if (m === 'relRmse' || !rs.every((r) => r.accuracy![m] !== undefined)) continue; // relRmse is SQNR's twin: table only
      const title = `${block} on ${target}: LUTs against ${meta.label}`;
      out.push({ label: title, kind: 'pareto', spec: paretoSpec({ title, target, costTitle: 'LUTs', errorTitle: meta.label, higherIsBetter: meta.higherIsBetter,
        points: rs.map((r) => ({ label: label(r), cost: r.totals.lut, error: r.accuracy![m]! })) }) });
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A configuration's label: the block, then its parameters wrapped. */
const configLines = (r: SynthReport) => [r.block, ...(paramText(r.params) ? wrapLabel(paramText(r.params)) : [])];

const METRICS = [
  { name: 'LUTs', unit: 'cells', of: (r: SynthReport) => r.totals.lut },
  { name: 'Flip-flops', unit: 'cells', of: (r: SynthReport) => r.totals.ff },
  { name: 'Fmax', unit: 'MHz', of: (r: SynthReport) => r.timing.fmaxMHz ?? undefined },
] as const;

/** For a sweep: each metric against each swept parameter of a block, a panel per target, a line per other parameters. */
function parameterCharts(reports: readonly SynthReport[], axes: Record<string, readonly string[]>): Chart[] {
  const out: Chart[] = [];
  for (const [block, params] of Object.entries(axes)) {
    const mine = reports.filter((r) => r.block === block);
    for (const p of params) {
      // Numbers in order; names (formats) in the order the sweep gave them.
      const seen = [...new Set(mine.map((r) => r.params[p]))];
      const xs = (seen.every((v) => typeof v === 'number') ? (seen as number[]).sort((a, b) => a - b) : seen).map(String);
      const others = params.filter((q) => q !== p);
      for (const m of METRICS) {
        const points: LinePoint[] = mine.flatMap((r) => {
          const y = m.of(r);
          const misfit = misfitOf(r);
          return y === undefined ? [] : [{ x: String(r.params[p]), y, target: r.target, series: others.map((q) => `${q}=${String(r.params[q])}`).join(' '), ...(misfit ? { misfit } : {}) }];
        });
        if (!points.length) continue;
        const title = `${block}: ${m.name} against ${p}`;
        out.push({ label: title, kind: 'lines', spec: lineSpec({ title, xTitle: p, yTitle: `${m.name} (${m.unit})`, xs, points }) });
      }
    }
  }
  return out;
}

/** Bar charts of every configuration: LUTs, flip-flops, share of the device, Fmax. */
function overviewCharts(reports: readonly SynthReport[]): { resources: Chart[]; timing: Chart[] } {
  const bars = (title: string, axis: string, of: (r: SynthReport) => Omit<BarRow, 'label' | 'target'> | undefined, limit?: { value: number; label: string }): Chart[] => {
    const rows = reports.flatMap((r) => { const v = of(r); return v ? [{ label: configLines(r), target: r.target, ...v }] : []; });
    return rows.length ? [{ label: title, kind: 'bars', spec: barSpec({ title, axis, rows, ...(limit ? { limit } : {}) }) }] : [];
  };
  const misfit = (r: SynthReport) => { const m = misfitOf(r); return m ? { misfit: m } : {}; };
  return {
    resources: [
      ...bars('LUTs by block and target', 'LUTs (cells)', (r) => ({ value: r.totals.lut })),
      ...bars('Flip-flops by block and target', 'flip-flops (cells)', (r) => ({ value: r.totals.ff })),
      ...bars('Share of the device', '% of the device',
        (r) => { const s = deviceShare(r); return s && { value: Math.round(s.percent * 10) / 10, ...misfit(r) }; }, { value: 100, label: 'device full' }),
    ],
    timing: bars('Fmax (ice40: nextpnr after routing; ~ the pre-route estimate, as on other targets)', 'Fmax (MHz)',
      (r) => (r.timing.fmaxMHz === null ? undefined : { value: r.timing.fmaxMHz, prefix: r.timing.source === 'estimate' ? '~' : '', ...misfit(r) })),
  };
}

const render = (cs: readonly Chart[]) => Promise.all(cs.map((c) => renderChart(c.spec, c.label, c.kind)));

export async function htmlReport(title: string, reports: readonly SynthReport[], failures: readonly Failure[], meta: string, axes: Record<string, readonly string[]> = {}): Promise<string> {
  const overview = overviewCharts(reports);
  const [perParameter, pareto, resources, fmax] = await Promise.all([render(parameterCharts(reports, axes)), render(paretoCharts(reports, axes)), render(overview.resources), render(overview.timing)]);
  const accKeys = Object.keys(ACCURACY_METRICS).filter((k) => reports.some((r) => r.accuracy?.[k] !== undefined));
  const iso = reports.some((r) => r.pipelined);
  const rows = reports.map((r) => `<tr><td>${esc(r.block)}</td><td>${esc(paramText(r.params))}</td><td>${r.target}</td><td>${r.totals.lut}</td><td>${r.totals.ff}</td><td>${r.totals.carry}</td><td>${r.totals.bram}</td><td>${r.totals.dsp}</td><td>${fmaxText(r)}</td><td>${r.timing.criticalPathNs ?? ''}</td><td>${r.timing.logicLevels ?? ''}</td><td>${esc(pathText(r))}</td><td>${esc(utilizationText(r))}</td>${iso ? `<td>${latencyText(r)}</td><td>${lutPeriodText(r)}</td>` : ''}<td>${r.wallSeconds.toFixed(1)}</td>${accKeys.map((k) => `<td>${r.accuracy?.[k] !== undefined ? Number(r.accuracy[k]!.toPrecision(4)) : ''}</td>`).join('')}<td>${esc(noteOf(r))}</td></tr>`);
  const failed = failures.map((f) => `<tr><td>${esc(f.block)}</td><td>${f.target}</td><td>${esc(f.reason)}</td></tr>`);
  const misfitNote = reports.some((r) => misfitOf(r)) ? '<p>A red ✕ marks a design that does not fit its device: its bar or point stays, drawn pale, and its Fmax is the pre-route estimate.</p>' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1300px}table{border-collapse:collapse;margin:1em 0;max-width:100%}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;overflow-wrap:anywhere}td:nth-child(-n+3),th{text-align:left}.chart{display:block;margin:1.5em 0;max-width:none}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>${esc(meta)}</p>
${misfitNote}
${pareto.length ? `<h2>Cost against error</h2>\n<p>Error of the golden models on real tensors; filled points and the dashed line are the Pareto front (nothing else is both cheaper and at least as accurate).</p>\n${pareto.join('\n')}` : ''}
${perParameter.length ? `<h2>By parameter</h2>\n${perParameter.join('\n')}` : ''}
<h2>Resources</h2>
<p>Share of the device: on ice40 the placed logic cells of the HX8K; on other targets (synthesized out of context) the largest share of LUTs, flip-flops, block RAM or DSPs of the part named in the table's device column.</p>
${resources.join('\n')}
${fmax.length ? `<h2>Timing</h2>\n${fmax.join('\n')}` : ''}
<h2>Table</h2>
<table><thead><tr><th>block</th><th>parameters</th><th>target</th><th>LUT</th><th>FF</th><th>carry</th><th>BRAM</th><th>DSP</th><th>Fmax (MHz; ~ estimate)</th><th>critical path (ns)</th><th>logic levels</th><th>path</th><th>device</th>${iso ? '<th>added latency</th><th>LUT × period (LUT·ns)</th>' : ''}<th>time (s)</th>${accKeys.map((k) => `<th>${esc(ACCURACY_METRICS[k]!.label)}</th>`).join('')}<th>notes</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
${failed.length ? `<h2>Failed configurations</h2><table><thead><tr><th>block</th><th>target</th><th>reason</th></tr></thead><tbody>${failed.join('\n')}</tbody></table>` : ''}
</body></html>
`;
}
