// Synthesis results as Markdown tables: one row per (block, parameters, target).
import type { SynthReport } from './schema.js';

export interface Failure { readonly block: string; readonly params: Record<string, unknown>; readonly target: string; readonly reason: string }

/** What the numbers include besides the block, said in the row. */
export const noteOf = (r: SynthReport) => [r.wrapper ? `in registered wrapper (+${r.wrapper.totals.lut} LUT, +${r.wrapper.totals.ff} FF, in logic cells and Fmax only)` : '', r.pnr?.unplaced ? `no Fmax: ${r.pnr.unplaced}` : ''].filter(Boolean).join('; ');

/** Fmax with where it comes from: nextpnr after routing, or `~` for the pre-route estimate. */
export const fmaxText = (r: SynthReport) => r.timing.fmaxMHz === null ? '' : `${r.timing.source === 'estimate' ? '~' : ''}${r.timing.fmaxMHz}`;
export const pathText = (r: SynthReport) => r.timing.from === null ? '' : `${r.timing.from} → ${r.timing.to}`;

/**
 * The design's share of the device: placed logic cells on ice40 (the place-and-route figure), else
 * its largest share of a resource of the target's reference part. Over 100 %: it does not fit.
 */
export function deviceShare(r: SynthReport): { percent: number; what: string; device: string } | undefined {
  if (r.pnr?.utilization != null) return { percent: r.pnr.utilization * 100, what: 'logic cells', device: r.pnr.device };
  const u = r.utilization;
  if (!u) return undefined;
  const [what, share] = (['lut', 'ff', 'bram', 'dsp'] as const).map((k) => [k, u[k]] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  return { percent: share * 100, what: { lut: 'LUTs', ff: 'flip-flops', bram: 'block RAM', dsp: 'DSPs' }[what], device: u.device };
}
/** Why the design has no place on its device, or undefined. */
export const misfitOf = (r: SynthReport) => {
  const s = deviceShare(r);
  return r.pnr?.unplaced ? `does not fit the ${r.pnr.device}` : s && s.percent > 100 ? `does not fit the ${s.device}` : undefined;
};
export const utilizationText = (r: SynthReport) => {
  const s = deviceShare(r);
  return s ? `${s.percent.toFixed(1)} % (${s.what}, ${s.device})` : '';
};

/** Iso-frequency columns (sweeps with fmax): cycles added by pipelining, and LUTs × the achieved period. */
export const latencyText = (r: SynthReport) => (r.pipelined ? String(r.pipelined.latency) : '');
export const lutPeriodText = (r: SynthReport) => (r.timing.fmaxMHz ? String(Math.round((r.totals.lut * 1000) / r.timing.fmaxMHz)) : '');

/** `a=e4m3 b=e5m2`; a parameter left empty (mx.dot's elemB: the same as elem) is not shown as `elemB=`. */
export const paramText = (p: Record<string, unknown>) => Object.entries(p).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}=${String(v)}`).join(' ');

export function markdownReport(title: string, reports: readonly SynthReport[], failures: readonly Failure[], meta: string): string {
  const models = [...new Map(reports.map((r) => [r.target, r.timing.model])).entries()];
  const acc = [...new Set(reports.flatMap((r) => Object.keys(r.accuracy ?? {})))];
  const iso = reports.some((r) => r.pipelined);
  const isoHead = iso ? ' added latency | LUT × period (LUT·ns) |' : '', isoRule = iso ? '---:|---:|' : '';
  const isoCells = (r: SynthReport) => (iso ? ` ${latencyText(r)} | ${lutPeriodText(r)} |` : '');
  const lines = [
    `# ${title}`, '', meta, '',
    `| block | parameters | target | LUT | FF | carry | BRAM (18 Kb) | DSP | Fmax (MHz) | critical path (ns) | logic levels | path | device |${isoHead} tools | time (s) |${acc.map((k) => ` ${k} |`).join('')} notes |`,
    `|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|${isoRule}---|---:|${acc.map(() => '---:|').join('')}---|`,
    ...reports.map((r) => `| ${r.block} | ${paramText(r.params)} | ${r.target} | ${r.totals.lut} | ${r.totals.ff} | ${r.totals.carry} | ${r.totals.bram} | ${r.totals.dsp} | ${fmaxText(r)} | ${r.timing.criticalPathNs ?? ''} | ${r.timing.logicLevels ?? ''} | ${pathText(r)} | ${utilizationText(r)} |${isoCells(r)} ${r.tools.yosys.version.split(' (')[0]}${r.tools.nextpnr ? `, ${r.tools.nextpnr.version}` : ''} | ${r.wallSeconds.toFixed(1)} |${acc.map((k) => ` ${r.accuracy?.[k] !== undefined ? Number(r.accuracy[k]!.toPrecision(4)) : ''} |`).join('')} ${noteOf(r)} |`),
    '',
    'Fmax: nextpnr after routing where the design was placed; `~` marks the pre-route estimate (critical path and logic levels are always the estimate\'s):',
    ...models.map(([t, m]) => `- ${t}: ${m}`),
    '',
  ];
  if (failures.length) {
    lines.push('## Failed configurations', '', '| block | parameters | target | reason |', '|---|---|---|---|');
    for (const f of failures) lines.push(`| ${f.block} | ${paramText(f.params)} | ${f.target} | ${f.reason.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
