// What every chart shares: one colour per target in every chart of every report, the fonts, and how
// a long label wraps instead of being cut.

/** Fixed colours (Tableau 10) by target name, so ice40 is the same blue in every chart. */
const TARGET_COLORS: Record<string, string> = {
  ice40: '#4e79a7', xc7: '#f28e2b', 'xc7-nodsp': '#e15759', ecp5: '#59a14f', gowin: '#b07aa1',
};
const SPARE = ['#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];

/** A colour scale for the targets present, each with its fixed colour (an unknown name gets a spare one). */
export function targetColor(targets: readonly string[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(targets)];
  let spare = 0;
  return { domain, range: domain.map((t) => TARGET_COLORS[t] ?? SPARE[spare++ % SPARE.length]!) };
}

/** Report charts are this wide (px, plot area); the page is read at 1400 px. */
export const PLOT_WIDTH = 560;

/** Vega-Lite config for every chart: readable sizes, no label ever shortened with an ellipsis. */
export const CONFIG = {
  font: 'sans-serif',
  title: { fontSize: 14, anchor: 'start', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0, titleLimit: 0, tickCount: 6 },
  legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0, orient: 'bottom', direction: 'horizontal', columns: 3, symbolSize: 120 },
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0 },
  view: { stroke: '#ccc' },
} as const;

/** Words (split at spaces) joined into lines of at most `max` characters, a longer word on a line of its own. */
export function wrapLabel(text: string, max = 34): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ').filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/** Line height (px) of a multi-line axis label. */
export const LABEL_LINE_HEIGHT = 15;

/** Vega axis label expression that writes a label kept as lines joined by '\n' on several lines. */
export const MULTILINE = "split(datum.value, '\\n')";
