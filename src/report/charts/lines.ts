// One quantity against one swept parameter: a panel per target (the target's colour throughout), a
// line per combination of the other swept parameters (told apart by dash and point shape). Panels
// keep one target's line from hiding another's where both have the same values.

import type { TopLevelSpec } from 'vega-lite';
import { PLOT_WIDTH, targetColor } from './style.js';

export interface LinePoint {
  readonly x: string;
  readonly y: number;
  readonly target: string;
  /** The other swept parameters, `n=8 width=16`; '' when there are none. */
  readonly series: string;
  readonly misfit?: string;
}

export interface LineChart {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** x values in axis order. */
  readonly xs: readonly string[];
  readonly points: readonly LinePoint[];
}

export function lineSpec(c: LineChart): TopLevelSpec {
  const targets = [...new Set(c.points.map((p) => p.target))];
  const series = [...new Set(c.points.map((p) => p.series))];
  const slanted = c.xs.length > 10 || c.xs.some((x) => x.length > 6);
  const width = Math.max(240, Math.floor((PLOT_WIDTH + 100) / targets.length) - 40);
  // x is the value's place in xs, each line dodged a little sideways so that lines with equal values
  // lie side by side instead of one over the other; the axis writes the values' names.
  const dodge = (k: number) => (series.length > 1 ? (k - (series.length - 1) / 2) * Math.min(0.12, 0.5 / series.length) : 0);
  const values = c.points.map((p) => ({ ...p, misfit: p.misfit ?? null, seriesName: p.series || c.title, at: c.xs.indexOf(p.x) + dodge(series.indexOf(p.series)) }));
  const x = {
    field: 'at', type: 'quantitative', title: c.xTitle, scale: { domain: [-0.5, c.xs.length - 0.5], nice: false, zero: false },
    axis: { values: c.xs.map((_, i) => i), labelExpr: `${JSON.stringify(c.xs)}[datum.value]`, labelAngle: slanted ? -45 : 0, grid: false },
  } as const;
  const y = { field: 'y', type: 'quantitative', title: c.yTitle, scale: { zero: true, nice: true } } as const;
  const many = series.length > 1;
  // The other parameters: one legend, by dash on the lines and by shape on the points.
  const other = { field: 'seriesName', title: 'other parameters', sort: series };
  return {
    title: c.title,
    data: { values },
    facet: { column: { field: 'target', title: null, sort: targets, header: { labelFontWeight: 'bold' } } },
    spec: {
      width, height: 220,
      encoding: { x, y, color: { field: 'target', title: 'target', scale: targetColor(targets), legend: null } },
      layer: [
        { name: 'lines', mark: { type: 'line', strokeWidth: 2 }, encoding: { order: { field: 'at' }, detail: { field: 'seriesName' }, ...(many ? { strokeDash: other } : {}) } },
        { name: 'points', mark: { type: 'point', filled: true, size: 60, opacity: 1 }, encoding: many ? { shape: other } : {} },
        { transform: [{ filter: 'datum.misfit' }], name: 'misfits', mark: { type: 'point', shape: 'cross', color: '#d62728', filled: true, size: 110 }, },
      ],
    },
    resolve: { scale: { x: 'shared', y: 'shared' } },
  } as TopLevelSpec;
}
