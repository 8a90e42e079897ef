// Cost against error as an inline SVG scatter: one point per configuration, the Pareto front (no
// other point is both cheaper and at least as accurate) joined by a line and drawn filled.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface CostPoint { readonly label: string; readonly cost: number; readonly error: number }

/** Indices of the non-dominated points: lower cost is better, and `higherIsBetter` says for error. */
export function paretoFront(points: readonly CostPoint[], higherIsBetter: boolean): number[] {
  const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  return points.map((p, i) => ({ p, i })).filter(({ p, i }) => !points.some((q, j) => j !== i
    && q.cost <= p.cost && !better(p.error, q.error) && (q.cost < p.cost || better(q.error, p.error)))).map(({ i }) => i);
}

const ticks = (lo: number, hi: number) => Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);

export function paretoChart(title: string, costLabel: string, errorLabel: string, points: readonly CostPoint[], higherIsBetter: boolean): string {
  const width = 760, height = 340, left = 70, right = 20, top = 30, bottom = 50;
  const plotW = width - left - right, plotH = height - top - bottom;
  const xs = points.map((p) => p.cost), ys = points.map((p) => p.error);
  const pad = (lo: number, hi: number) => (hi > lo ? [lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05] : [lo - 1, hi + 1]) as [number, number];
  const [x0, x1] = pad(Math.min(0, ...xs), Math.max(...xs)), [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const X = (v: number) => left + ((v - x0) / (x1 - x0)) * plotW, Y = (v: number) => top + plotH - ((v - y0) / (y1 - y0)) * plotH;
  const front = new Set(paretoFront(points, higherIsBetter));
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" class="chart pareto" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">`,
    `<text x="0" y="16" font-weight="bold">${esc(title)}</text>`];
  for (const v of ticks(y0, y1)) parts.push(`<line x1="${left}" x2="${width - right}" y1="${Y(v)}" y2="${Y(v)}" stroke="#ddd"/>`, `<text x="${left - 6}" y="${Y(v) + 4}" text-anchor="end" font-size="11">${Number(v.toPrecision(3))}</text>`);
  for (const v of ticks(x0, x1)) parts.push(`<text x="${X(v)}" y="${top + plotH + 16}" text-anchor="middle" font-size="11">${Math.round(v)}</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${height - 12}" text-anchor="middle" font-size="12">${esc(costLabel)}</text>`,
    `<text x="14" y="${top + plotH / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${top + plotH / 2})">${esc(errorLabel)}${higherIsBetter ? ' (higher is better)' : ' (lower is better)'}</text>`);
  const f = points.filter((_, i) => front.has(i)).sort((a, b) => a.cost - b.cost);
  if (f.length > 1) parts.push(`<polyline class="front" fill="none" stroke="#e15759" stroke-width="1.5" stroke-dasharray="4 3" points="${f.map((p) => `${X(p.cost).toFixed(1)},${Y(p.error).toFixed(1)}`).join(' ')}"/>`);
  points.forEach((p, i) => {
    const on = front.has(i);
    parts.push(`<circle class="${on ? 'front-point' : 'point'}" cx="${X(p.cost).toFixed(1)}" cy="${Y(p.error).toFixed(1)}" r="4.5" fill="${on ? '#e15759' : '#fff'}" stroke="#4e79a7" stroke-width="1.5"><title>${esc(`${p.label}: ${p.cost} ${costLabel}, ${errorLabel} ${Number(p.error.toPrecision(4))}`)}</title></circle>`,
      `<text x="${(X(p.cost) + 7).toFixed(1)}" y="${(Y(p.error) - 6).toFixed(1)}" font-size="11">${esc(p.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
