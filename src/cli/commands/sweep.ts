// `bitforge sweep <spec.json>`: the cartesian product of a spec's parameter lists and targets through
// the synthesis job pool. Results are cached by content hash, so an interrupted sweep resumes; a
// failing configuration is reported with its reason and the others go on.

import { Command } from 'commander';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { reportFiles } from '../../report/bundle.js';
import { paramText } from '../../report/markdown.js';
import { loadTensors, TensorDataError, type TensorSet } from '../../accuracy/tensors.js';
import { runPool, type SynthJob } from '../../synth/pool.js';
import type { SynthReport } from '../../report/schema.js';
import { ToolError } from '../../util/tool-error.js';
import { queueAddress, reachable } from '../queue-option.js';
import type { QueueAddress } from '../../queue/url.js';
import { withAccuracy } from '../../sweep/accuracy.js';
import { loadSweepSpec, SweepSpecError } from '../../sweep/spec.js';
import { progressReporter } from '../progress.js';
import { UserError } from '../user-error.js';
import { writeFiles } from '../../util/write-files.js';
import { checkOutDir } from '../out-option.js';

export function sweepCommand(): Command {
  return new Command('sweep')
    .description('synthesize every combination of a sweep spec\'s parameters and targets; write a report')
    .argument('<spec>', 'sweep spec JSON, e.g. examples/sweeps/adder-tree.json')
    .option('--jobs <n>', 'synthesis jobs at once (default: all cores)')
    .option('--out <dir>', 'report directory (default: sweep-<spec name>)')
    .option('--data <dir>', 'weights directory for accuracy metrics (overrides the spec\'s accuracy.data)')
    .option('--queue <url>', 'run the configurations on `bitforge worker`s through BullMQ on Redis: redis://host:port[/db]')
    .action(async (file: string, opts: { jobs?: string; out?: string; data?: string; queue?: string }) => {
      const t0 = performance.now();
      const jobs = opts.jobs === undefined ? cpus().length : Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs: expected a positive integer, got '${opts.jobs}'`);
      if (opts.queue !== undefined && opts.jobs !== undefined) throw new UserError('--jobs: not with --queue (each worker\'s own --jobs says how many it runs at once)');
      const queue = opts.queue === undefined ? undefined : queueAddress(opts.queue);
      const specName = basename(file).replace(/\.json$/, '');
      let plan;
      try {
        plan = await loadSweepSpec(file, specName);
      } catch (e) {
        if (e instanceof SweepSpecError) throw new UserError(e.message);
        throw e;
      }
      // Tensors are read before anything is synthesized: a bad data directory fails at once.
      const dataDir = opts.data ?? plan.accuracyData;
      let data: TensorSet | undefined;
      if (dataDir) {
        try {
          data = loadTensors(dataDir);
        } catch (e) {
          if (e instanceof TensorDataError) throw new UserError(`${opts.data ? '--data' : `${file}: accuracy.data`}: ${e.message}`);
          throw e;
        }
      }
      const out = opts.out ?? `sweep-${specName}`;
      await checkOutDir('--out', out);
      if (queue) await reachable(queue);
      const targets = [...new Set(plan.configs.map((c) => c.target))];
      const where = queue ? `through the queue on ${queue.shown}` : `with ${Math.min(jobs, plan.configs.length)} job(s)`;
      process.stdout.write(`sweep '${plan.name}': ${plan.configs.length} configuration(s) on ${targets.join(', ')} ${where}\n`);
      const progress = progressReporter('sweep', 'configurations', { eachItem: true });
      const synthJobs: SynthJob[] = plan.configs.map((c) => ({ block: c.block, params: c.params, options: { target: c.target, wrapper: plan.wrapper, ...(plan.timeoutMs ? { timeoutMs: plan.timeoutMs } : {}), ...(c.fmaxMHz !== undefined ? { fmaxMHz: c.fmaxMHz } : {}) } }));
      const onDone = (done: number, total: number, j: SynthJob, r: (SynthReport & { cached?: boolean }) | undefined) => {
        const what = r ? `LUT ${r.totals.lut}, FF ${r.totals.ff}${r.timing.fmaxMHz !== null ? `, ${r.timing.source === 'estimate' ? '~' : ''}${r.timing.fmaxMHz} MHz` : ''}${r.wrapper ? ', wrapped' : ''}${r.cached ? ' (cached)' : ''}` : 'FAILED';
        progress.update(done, total, `${j.block.name} ${paramText(j.params)}${j.options.fmaxMHz ? ` fmax=${j.options.fmaxMHz}` : ''} on ${j.options.target}: ${what}`);
      };
      let { reports, failures } = queue ? await runQueuedSweep(queue, synthJobs, onDone) : await runPool(synthJobs, jobs, onDone);
      progress.stop();
      if (data) {
        const t1 = performance.now();
        reports = withAccuracy(reports, data);
        process.stdout.write(`accuracy: ${data.weights.length} weight tensors, ${data.pairs.length} weight × activation pairs from ${data.dir} in ${((performance.now() - t1) / 1000).toFixed(1)} s\n`);
      }
      writeFiles(out, await reportFiles({ title: `bitforge sweep: ${plan.name}`, command: `bitforge sweep ${file}${opts.data ? ` --data ${opts.data}` : ''}`, targets, reports, failures, axes: plan.axes }));
      for (const f of failures) process.stdout.write(`FAILED ${f.block} ${paramText(f.params)} on ${f.target}: ${f.reason}\n`);
      const cached = reports.filter((r) => r.cached).length;
      process.stdout.write(`reports: ${join(out, 'index.html')}, report.json, report.md (${reports.length} ok of which ${cached} from cache, ${failures.length} failed) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      if (failures.length) process.exitCode = 1;
    });
}

/** Through the queue; BullMQ loads only here. Losing Redis is one line, exit 1: not a mistake in the call. */
async function runQueuedSweep(queue: QueueAddress, jobs: SynthJob[], onDone: Parameters<typeof runPool>[2]) {
  const { runQueued, QueueLost } = await import('../../queue/submit.js');
  return runQueued(queue, jobs, { ...(onDone ? { onDone } : {}), log: (line) => process.stderr.write(`sweep: ${line}\n`) }).catch((e: unknown) => {
    if (e instanceof QueueLost) throw new ToolError(e.message);
    throw e;
  });
}
