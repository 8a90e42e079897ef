// Line charts as inline SVG: one quantity against one swept parameter, a line per combination of
// the others. Categorical x positions, so numeric and named parameter values chart alike.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export interface LineSeries { readonly name: string; readonly points: ReadonlyArray<{ x: string; y: number }> }

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten at or above `v`. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v)!;
}

export function lineChart(title: string, xLabel: string, unit: string, xs: readonly string[], series: readonly LineSeries[]): string {
  const width = 760, left = 60, right = 20, top = 30, plotH = 220;
  const plotW = width - left - right;
  const legendRows = Math.ceil(series.length / 3);
  const slanted = xs.length > 10; // many labels (e.g. every format of a sweep): written at 45°
  const xLabelH = slanted ? 12 + 6 * Math.max(...xs.map((x) => x.length)) : 16;
  const axisY = top + plotH + xLabelH + 16;
  const height = axisY + 12 + 18 * legendRows;
  const yMax = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y))));
  const xAt = (x: string) => left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotW);
  const yAt = (y: number) => top + plotH - (y / yMax) * plotH;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">`,
    `<text x="0" y="16" font-weight="bold">${esc(title)} (${esc(unit)})</text>`];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4, y = yAt(v);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${Number(v.toPrecision(4))}</text>`);
  }
  for (const x of xs) {
    parts.push(slanted
      ? `<text x="${xAt(x)}" y="${top + plotH + 14}" text-anchor="end" font-size="11" transform="rotate(-45 ${xAt(x)} ${top + plotH + 14})">${esc(x)}</text>`
      : `<text x="${xAt(x)}" y="${top + plotH + 16}" text-anchor="middle" font-size="11">${esc(x)}</text>`);
  }
  parts.push(`<text x="${left + plotW / 2}" y="${axisY}" text-anchor="middle" font-size="12">${esc(xLabel)}</text>`);
  series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length]!;
    const pts = [...s.points].sort((a, b) => xs.indexOf(a.x) - xs.indexOf(b.x));
    if (pts.length > 1) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${xAt(p.x).toFixed(1)},${yAt(p.y).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) parts.push(`<circle cx="${xAt(p.x).toFixed(1)}" cy="${yAt(p.y).toFixed(1)}" r="3.5" fill="${color}"><title>${esc(`${s.name}, ${xLabel}=${p.x}: ${p.y} ${unit}`)}</title></circle>`);
    const lx = (k % 3) * 250, ly = axisY + 12 + Math.floor(k / 3) * 18;
    parts.push(`<rect x="${lx}" y="${ly}" width="12" height="12" fill="${color}"/><text x="${lx + 16}" y="${ly + 11}" font-size="12">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
