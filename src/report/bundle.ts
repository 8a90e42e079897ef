// The three report files written by `bitforge build` and `bitforge sweep`: report.json (the
// validated per-configuration reports), report.md and a self-contained index.html.

import type { DesignFile } from '../codegen/index.js';
import { htmlReport } from './html.js';
import { markdownReport, type Failure } from './markdown.js';
import type { SynthReport } from './schema.js';

export interface ReportBundle {
  readonly title: string;
  readonly command: string;
  readonly targets: readonly string[];
  readonly reports: ReadonlyArray<SynthReport & { cached?: boolean }>;
  readonly failures: readonly Failure[];
  /** Swept parameters per block (charts against each). */
  readonly axes?: Record<string, readonly string[]>;
}

export async function reportFiles(b: ReportBundle): Promise<DesignFile[]> {
  const generated = new Date().toISOString();
  const reports = b.reports.map(({ cached: _c, ...r }) => r);
  const meta = `${b.command} · ${generated} · targets ${b.targets.join(', ')} · ${reports[0]?.tools.yosys.version ?? ''}`;
  const json = { schema: 'bitforge.report/1', title: b.title, command: b.command, generated, targets: b.targets, axes: b.axes ?? {}, reports, failures: b.failures };
  return [
    { path: 'report.json', content: JSON.stringify(json, null, 2) + '\n' },
    { path: 'report.md', content: markdownReport(b.title, reports, b.failures, meta) },
    { path: 'index.html', content: await htmlReport(b.title, reports, b.failures, meta, b.axes) },
  ];
}
