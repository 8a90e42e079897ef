// Cost against error: one point per configuration, labelled; the Pareto front (no other point is
// both cheaper and at least as accurate) drawn filled and joined by a dashed line.

import type { TopLevelSpec } from 'vega-lite';
import { PLOT_WIDTH, targetColor } from './style.js';

export interface CostPoint { readonly label: string; readonly cost: number; readonly error: number }

/** Indices of the non-dominated points: lower cost is better, and `higherIsBetter` says for error. */
export function paretoFront(points: readonly CostPoint[], higherIsBetter: boolean): number[] {
  const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  return points.map((p, i) => ({ p, i })).filter(({ p, i }) => !points.some((q, j) => j !== i
    && q.cost <= p.cost && !better(p.error, q.error) && (q.cost < p.cost || better(q.error, p.error)))).map(({ i }) => i);
}

export interface ParetoChart {
  readonly title: string;
  readonly target: string;
  readonly costTitle: string;
  readonly errorTitle: string;
  readonly higherIsBetter: boolean;
  readonly points: readonly CostPoint[];
}

export function paretoSpec(c: ParetoChart): TopLevelSpec {
  const front = new Set(paretoFront(c.points, c.higherIsBetter));
  const values = c.points.map((p, i) => ({ ...p, front: front.has(i), error: Number(p.error.toPrecision(4)) }));
  // Configurations with the same cost and error share one label, so that no two labels lie on each other.
  const labels = new Map<string, { cost: number; error: number; label: string }>();
  for (const v of values) {
    const key = `${v.cost}/${v.error}`;
    const had = labels.get(key);
    labels.set(key, { cost: v.cost, error: v.error, label: had ? `${had.label}; ${v.label}` : v.label });
  }
  const color = targetColor([c.target]).range[0]!;
  const x = { field: 'cost', type: 'quantitative', title: c.costTitle, scale: { zero: true, nice: true } } as const;
  const y = { field: 'error', type: 'quantitative', title: `${c.errorTitle} (${c.higherIsBetter ? 'higher' : 'lower'} is better)`, scale: { zero: true, nice: true } } as const;
  return {
    title: c.title, width: PLOT_WIDTH, height: 280,
    data: { values },
    encoding: { x, y },
    layer: [
      { transform: [{ filter: 'datum.front' }], name: 'front', mark: { type: 'line', strokeDash: [5, 3], color }, encoding: { order: { field: 'cost' } } },
      { name: 'points', mark: { type: 'point', size: 70, strokeWidth: 1.5, color, opacity: 1 }, encoding: {
        fill: { condition: { test: 'datum.front', value: color }, value: 'white' },
      } },
      { data: { values: [...labels.values()] }, name: 'labels', mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 11 }, encoding: { text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
