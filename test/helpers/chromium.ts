// Opens a report page in headless Chromium (Debian's package, installed by `npm run tools`) through
// puppeteer-core, offline, at 1400 px: any request that is not the page's own file fails the check.
// It reads back what a person would see: every chart's marks, labels, colours, and any text that is
// clipped by its chart or the window, or that overlaps another label of its axis.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

export interface RenderedChart {
  readonly label: string;
  readonly kind: string;
  readonly width: number;
  readonly height: number;
  /** Visible data marks (bars, points, lines, text) by layer name: `bars`, `points`, `misfits`, …. */
  readonly marks: Record<string, number>;
  /** Distinct places (centres, to 1 px) of the marks of each layer: fewer than marks when one hides another. */
  readonly places: Record<string, number>;
  /** Axis labels as written, a multi-line label's lines joined by '\n'; per axis. */
  readonly axes: Array<{ title: string; labels: string[] }>;
  readonly legend: string[];
  /** Colour (fill, or stroke for lines) of each target's data marks: target → the colours seen. */
  readonly colors: Record<string, string[]>;
  /** Visible texts reaching outside the chart or the window. */
  readonly clipped: string[];
  /** Pairs of labels of one axis or legend that overlap. */
  readonly overlapping: string[];
  /** Every visible text of the chart. */
  readonly texts: string[];
}

export interface RenderedPage {
  /** Every console error, uncaught exception and blocked or failed request. */
  readonly errors: string[];
  readonly charts: RenderedChart[];
  readonly screenshot: Uint8Array;
}

const chromiumPath = () => execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();

export const VIEWPORT_WIDTH = 1400;

export async function renderPage(file: string, screenshotTo: string): Promise<RenderedPage> {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(), headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`exception: ${String(e)}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    const url = pathToFileURL(file).href;
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url() === url) void r.continue();
      else { errors.push(`network request: ${r.url()}`); void r.abort(); }
    });
    await page.setViewport({ width: VIEWPORT_WIDTH, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    const charts = await page.$$eval('svg', (svgs, viewport) => svgs.map((s) => {
      type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };
      const visible = (e: Element) => {
        for (let n: Element | null = e; n && n !== s.parentElement; n = n.parentElement) {
          const st = getComputedStyle(n);
          if (st.opacity === '0' || st.display === 'none' || st.visibility === 'hidden') return false;
        }
        const b = e.getBoundingClientRect();
        return b.width > 0 || b.height > 0;
      };
      const textOf = (t: Element) => { const spans = [...t.querySelectorAll('tspan')]; return spans.length ? spans.map((x) => x.textContent ?? '').join('\n') : (t.textContent ?? ''); };
      const box = s.getBoundingClientRect();
      const texts = [...s.querySelectorAll('text')].filter((t) => visible(t) && textOf(t).trim());
      const clipped = texts.filter((t) => {
        const b = t.getBoundingClientRect();
        return b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1 || b.right > viewport || b.left < 0;
      }).map(textOf);
      const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const overlapping: string[] = [];
      for (const g of s.querySelectorAll('g.role-axis-label, g.role-legend, g.mark-text.role-mark')) {
        const ts = [...g.querySelectorAll('text')].filter(visible);
        for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) {
          if (overlap(ts[i]!.getBoundingClientRect(), ts[j]!.getBoundingClientRect())) overlapping.push(`${textOf(ts[i]!)} | ${textOf(ts[j]!)}`);
        }
      }
      const marks: Record<string, number> = {};
      const centres: Record<string, Set<string>> = {};
      const colors: Record<string, string[]> = {};
      for (const g of s.querySelectorAll('g.role-mark')) {
        const name = [...g.classList].find((c) => c.endsWith('_marks'))?.replace(/_marks$/, '').replace(/^child__column_\w+?_/, '') ?? '?';
        const items = [...g.children].filter((c) => c.tagName !== 'g' && !c.classList.contains('background') && !c.classList.contains('foreground') && visible(c));
        marks[name] = (marks[name] ?? 0) + items.length;
        for (const it of items) {
          const b = it.getBoundingClientRect();
          (centres[name] ??= new Set()).add(`${Math.round(b.left + b.width / 2)},${Math.round(b.top + b.height / 2)}`);
          const target = /target: ([\w-]+)/.exec(it.getAttribute('aria-label') ?? '')?.[1];
          const color = it.getAttribute('fill') && it.getAttribute('fill') !== 'none' ? it.getAttribute('fill') : it.getAttribute('stroke');
          if (target && color && name !== 'misfits' && name !== 'values') colors[target] = [...new Set([...(colors[target] ?? []), color])];
        }
      }
      const axes = [...s.querySelectorAll('g.role-axis[aria-roledescription="axis"]')].map((a) => ({
        title: textOf(a.querySelector('.role-axis-title text') ?? document.createElement('text')),
        labels: [...a.querySelectorAll('.role-axis-label text')].filter(visible).map(textOf),
      }));
      return {
        label: s.getAttribute('aria-label') ?? '', kind: [...s.classList].filter((c) => c !== 'chart').join(' '), width: box.width, height: box.height,
        marks, places: Object.fromEntries(Object.entries(centres).map(([k, v]) => [k, v.size])), axes, legend: [...s.querySelectorAll('.role-legend-label text')].map(textOf), colors, clipped, overlapping, texts: texts.map(textOf),
      };
    }), VIEWPORT_WIDTH);
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
    writeFileSync(screenshotTo, screenshot);
    return { errors, charts, screenshot };
  } finally {
    await browser.close();
  }
}
