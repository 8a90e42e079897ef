// Grouped horizontal bars: one row per configuration (its label on as many lines as it needs), a
// bar per target in the target's colour, the value written at the bar's end. A design that does not
// fit its device keeps its bar, pale, with a red cross and the words "does not fit".

import type { TopLevelSpec } from 'vega-lite';
import { LABEL_LINE_HEIGHT, MULTILINE, PLOT_WIDTH, targetColor } from './style.js';

export interface BarRow {
  /** Lines of the row's label (block, then parameters). */
  readonly label: readonly string[];
  readonly target: string;
  readonly value: number;
  /** Written before the value: `~` for an estimate. */
  readonly prefix?: string;
  readonly misfit?: string;
}

export interface BarChart {
  readonly title: string;
  /** The value axis title, with its unit. */
  readonly axis: string;
  readonly rows: readonly BarRow[];
  /** A vertical rule (100 % of the device), labelled. */
  readonly limit?: { readonly value: number; readonly label: string };
}

export function barSpec(c: BarChart): TopLevelSpec {
  const targets = [...new Set(c.rows.map((r) => r.target))];
  const lines = Math.max(1, ...c.rows.map((r) => r.label.length));
  const labels = new Set(c.rows.map((r) => r.label.join('\n'))).size;
  const step = Math.max(targets.length * 18, lines * LABEL_LINE_HEIGHT) + 12;
  const values = c.rows.map((r) => ({
    label: r.label.join('\n'), target: r.target, value: r.value,
    text: `${r.prefix ?? ''}${Number(r.value.toPrecision(6))}${r.misfit ? `   ${r.misfit}` : ''}`, misfit: r.misfit ?? null,
  }));
  const y = { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelExpr: MULTILINE, labelFontSize: 12, labelLineHeight: LABEL_LINE_HEIGHT, labelBaseline: 'middle' } } as const;
  const x = { field: 'value', type: 'quantitative', title: c.axis, scale: { zero: true, nice: true } } as const;
  return {
    title: c.title, width: PLOT_WIDTH, height: labels * step,
    data: { values },
    layer: [
      { encoding: { y, yOffset: { field: 'target', sort: targets }, x }, layer: [
        { name: 'bars', mark: { type: 'bar' }, encoding: {
          color: { field: 'target', title: 'target', scale: targetColor(targets) },
          opacity: { condition: { test: 'datum.misfit', value: 0.35 }, value: 1 },
        } },
        { name: 'values', mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'text' } } },
        { transform: [{ filter: 'datum.misfit' }], name: 'misfits', mark: { type: 'point', shape: 'cross', color: '#d62728', filled: true, size: 90 } },
      ] },
      // The device's limit: its own data, so it adds no row.
      ...(c.limit ? [{ data: { values: [{ limit: c.limit.value, limitText: c.limit.label }] }, encoding: { x: { field: 'limit', type: 'quantitative' } }, layer: [
        { name: 'limit', mark: { type: 'rule', color: '#d62728', strokeDash: [4, 3] } },
        { name: 'limitLabel', mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, y: 0, dy: -2, color: '#d62728', fontSize: 11 }, encoding: { text: { field: 'limitText' } } },
      ] }] : []),
    ],
  } as TopLevelSpec;
}
