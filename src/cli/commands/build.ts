// `bitforge build`, the main job: emit the catalogue with default parameters, synthesize it for the
// report targets, and write reports/{index.html, report.json, report.md}.

import { Command } from 'commander';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../../blocks/catalogue.js';
import { emitBlock } from '../../codegen/emit-block.js';
import { reportFiles } from '../../report/bundle.js';
import { runPool } from '../../synth/pool.js';
import { TARGETS, type Target } from '../../synth/targets.js';
import { UserError } from '../user-error.js';
import { writeFiles } from '../../util/write-files.js';
import { checkOutDir } from '../out-option.js';

interface BuildOptions { out: string; reports: string; targets: string; jobs?: string; synth: boolean }

export function buildCommand(): Command {
  return new Command('build')
    .description('the main job: emit the default catalogue into rtl-out/, synthesize it, write reports/')
    .option('--out <dir>', 'Verilog output directory', 'rtl-out')
    .option('--reports <dir>', 'report directory', 'reports')
    .option('--targets <list>', `comma-separated synthesis targets (${TARGETS.join(', ')})`, 'ice40,xc7')
    .option('--jobs <n>', 'synthesis jobs at once (default: all cores)')
    .option('--no-synth', 'emit only')
    .action(async (opts: BuildOptions) => {
      const t0 = performance.now();
      const targets = opts.targets.split(',').map((t) => t.trim()) as Target[];
      for (const t of targets) if (!TARGETS.includes(t)) throw new UserError(`--targets: unknown target '${t}' (expected ${TARGETS.join(', ')})`);
      const jobs = opts.jobs === undefined ? cpus().length : Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs: expected a positive integer, got '${opts.jobs}'`);
      await checkOutDir('--out', opts.out);
      if (opts.synth) await checkOutDir('--reports', opts.reports);
      // Elaborate everything first: one design error means nothing is written.
      const emitted = catalogue.map((b, i) => {
        process.stdout.write(`[${i + 1}/${catalogue.length}] ${b.name}\n`);
        const params = b.params.parse({}) as Record<string, unknown>;
        return { b, params, e: emitBlock(b, params) };
      });
      let files = 0;
      for (const { b, e } of emitted) files += writeFiles(join(opts.out, b.name), e.files).length;
      process.stdout.write(`built ${emitted.length} block(s), ${files} file(s) in ${opts.out}/ in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
      if (!opts.synth) return;

      const synthJobs = emitted.flatMap(({ b, params }) => targets.map((target) => ({ block: b, params, options: { target } })));
      process.stdout.write(`synthesizing ${synthJobs.length} configuration(s) on ${targets.join(', ')} with ${Math.min(jobs, synthJobs.length)} job(s)\n`);
      const { reports, failures } = await runPool(synthJobs, jobs, (done, total, j, r) => {
        const what = r ? `LUT ${r.totals.lut}, FF ${r.totals.ff}${r.timing.fmaxMHz !== null ? `, ${r.timing.source === 'estimate' ? '~' : ''}${r.timing.fmaxMHz} MHz` : ''}${r.cached ? ' (cached)' : ''}` : 'FAILED';
        process.stdout.write(`[${done}/${total}] ${j.block.name} on ${j.options.target}: ${what}\n`);
      });
      writeFiles(opts.reports, await reportFiles({ title: 'bitforge build: synthesis report', command: 'bitforge build', targets, reports, failures }));
      for (const f of failures) process.stdout.write(`FAILED ${f.block} on ${f.target}: ${f.reason}\n`);
      process.stdout.write(`reports: ${join(opts.reports, 'index.html')}, report.json, report.md (${reports.length} ok, ${failures.length} failed) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      if (failures.length) process.exitCode = 1;
    });
}
