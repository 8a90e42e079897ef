// Grouped horizontal bar charts as inline SVG, generated here: the report page needs no network.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Bar { readonly label: string; readonly value: number; readonly note?: string }

const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948'];

/** One bar per (label, series); labels down the left, values printed at the bar ends. */
export function barChart(title: string, unit: string, series: ReadonlyArray<{ name: string; bars: readonly Bar[] }>): string {
  const labels = [...new Set(series.flatMap((s) => s.bars.map((b) => b.label)))];
  const max = Math.max(1, ...series.flatMap((s) => s.bars.map((b) => b.value)));
  const barH = 14, gap = 10, left = 260, width = 760, plot = width - left - 70;
  const groupH = series.length * barH + gap;
  const height = 40 + labels.length * groupH + 20 * Math.ceil(series.length / 4);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">`,
    `<text x="0" y="16" font-weight="bold">${esc(title)} (${esc(unit)})</text>`];
  labels.forEach((label, i) => {
    const y0 = 30 + i * groupH;
    parts.push(`<text x="${left - 8}" y="${y0 + (series.length * barH) / 2 + 4}" text-anchor="end" font-size="12">${esc(label)}</text>`);
    series.forEach((s, k) => {
      const b = s.bars.find((x) => x.label === label);
      if (!b) return;
      const w = Math.max(1, (b.value / max) * plot);
      parts.push(`<rect x="${left}" y="${y0 + k * barH}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${COLORS[k % COLORS.length]}"><title>${esc(`${label} · ${s.name}: ${b.value} ${unit}`)}</title></rect>`,
        `<text x="${left + w + 4}" y="${y0 + k * barH + barH - 4}" font-size="11">${b.value}${b.note ? ` (${esc(b.note)})` : ''}</text>`);
    });
  });
  const ly = 30 + labels.length * groupH + 4;
  series.forEach((s, k) => {
    const x = (k % 4) * 180, y = ly + Math.floor(k / 4) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLORS[k % COLORS.length]}"/><text x="${x + 16}" y="${y + 11}" font-size="12">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
