// Vega-Lite spec → static SVG at report time: compiled to Vega and rendered headless (no canvas, no
// browser, no network). The page embeds the SVG: no scripts run when it is read.

import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, LABEL_LINE_HEIGHT, MULTILINE } from './style.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
let charts = 0;

/**
 * Vega writes a multi-line label downwards from its anchor; on a left axis, lift each label by half
 * its extra lines so that it is centred on its row.
 */
function centreMultilineLabels(node: unknown): void {
  if (Array.isArray(node)) { node.forEach(centreMultilineLabels); return; }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  for (const axis of Array.isArray(o['axes']) ? (o['axes'] as Array<Record<string, any>>) : []) {
    const update = axis['encode']?.['labels']?.['update'];
    if (axis['orient'] === 'left' && typeof update?.['text']?.['signal'] === 'string' && update['text']['signal'].includes(MULTILINE)) {
      update['dy'] = { signal: `-(length(${MULTILINE}) - 1) * ${LABEL_LINE_HEIGHT / 2}` };
    }
  }
  for (const v of Object.values(o)) if (v && typeof v === 'object') centreMultilineLabels(v);
}

/** The chart as an <svg> with class `chart <kind>` and its title as aria-label. */
export async function renderChart(spec: TopLevelSpec, label: string, kind: string): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vl.compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  centreMultilineLabels(compiled);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // Several charts share one page: their clip-path and gradient ids must not collide.
  const prefix = `c${++charts}_`;
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}${id})`)
    .replace(/^<svg ([^>]*?)class="marks"/, `<svg $1class="chart ${kind}" role="img" aria-label="${esc(label)}"`);
}
