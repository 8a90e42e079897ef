// Opens a report page in headless Chromium (Debian's package, installed by `npm run tools`) through
// puppeteer-core, offline: any request that is not the page's own file fails the check.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

export interface RenderedPage {
  /** Every console error, uncaught exception and blocked or failed request. */
  readonly errors: string[];
  /** Per <svg>: its aria-label, rendered size, and how many of its marks (rect, circle, polyline) have a visible size. */
  readonly charts: Array<{ label: string; width: number; height: number; visibleMarks: number }>;
  readonly screenshot: Uint8Array;
}

const chromiumPath = () => execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();

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
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    const charts = await page.$$eval('svg', (svgs) => svgs.map((s) => {
      const box = s.getBoundingClientRect();
      const marks = [...s.querySelectorAll('rect, circle, polyline')].filter((m) => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
      return { label: s.getAttribute('aria-label') ?? '', width: box.width, height: box.height, visibleMarks: marks.length };
    }));
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
    writeFileSync(screenshotTo, screenshot);
    return { errors, charts, screenshot };
  } finally {
    await browser.close();
  }
}
