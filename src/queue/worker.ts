// `bitforge worker`: takes synthesis jobs from the queue and runs them with this machine's tools
// (and its local result cache). A job whose report is already in the results hash is not run again;
// a job stamped with other tool versions is refused (failed at once, with the reason). A worker that
// dies mid-job loses its lock: BullMQ's stalled-job check gives the job to another worker.

import { Worker, UnrecoverableError, type Job } from 'bullmq';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { paramText } from '../report/markdown.js';
import { synthReportSchema, type SynthReport } from '../report/schema.js';
import { TOOL_STAMP } from '../synth/cache.js';
import { synthesizeSource } from '../synth/run.js';
import { reason } from './connect.js';
import { sourceOf, stampProblem, type JobData } from './job.js';
import { QUEUE_NAME, RESULTS_KEY } from './names.js';
import type { QueueAddress } from './url.js';

export interface WorkerOptions {
  /** Jobs run at once in this process. */
  readonly concurrency: number;
  /** How long a job's lock lasts without renewal: a dead worker's job moves on after about this long (twice at most). */
  readonly lockMs: number;
  readonly log: (line: string) => void;
}

export interface RunningWorker {
  /** Finish the running jobs, take no more. */
  close(): Promise<void>;
  /** Stop now: the running jobs go back to the queue when their locks expire. */
  closeNow(): Promise<void>;
}

/** A stored report that reads back valid (a damaged one is recomputed and overwritten). */
function known(json: string | null): boolean {
  if (json === null) return false;
  try { return synthReportSchema.safeParse(JSON.parse(json)).success; } catch { return false; }
}

export function startWorker(a: QueueAddress, o: WorkerOptions): RunningWorker {
  const me = `${hostname()}:${process.pid}`;
  // Results are written even if Redis is away for a moment: this client waits for it.
  const results = new Redis({ ...a.connection, maxRetriesPerRequest: null });
  let lost = false;
  const onError = (e: unknown) => {
    if (!lost) o.log(`lost Redis at ${a.shown}: ${reason(e)}; retrying`);
    lost = true;
  };
  results.on('error', onError);
  results.on('ready', () => { if (lost) o.log(`Redis at ${a.shown} is back`); lost = false; });

  const run = async (job: Job<JobData>): Promise<{ key: string }> => {
    const key = job.id!;
    const problem = stampProblem(job.data.stamp, TOOL_STAMP);
    const what = [job.data.source.name, paramText(job.data.source.params), 'on', job.data.options.target].filter(Boolean).join(' ');
    if (problem) {
      o.log(`refused ${what}: ${problem}`);
      throw new UnrecoverableError(`refused by worker ${me}: ${problem}`);
    }
    if (known(await results.hget(RESULTS_KEY, key))) {
      o.log(`known ${what} (${key})`);
      return { key };
    }
    o.log(`start ${what} (${key})`);
    const t0 = performance.now();
    const { cached, ...report } = await synthesizeSource(sourceOf(job.data), job.data.options);
    const r: SynthReport = synthReportSchema.parse(report);
    await results.hset(RESULTS_KEY, key, JSON.stringify(r));
    o.log(`${cached ? 'cached' : 'ran'} ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${key})`);
    return { key };
  };

  const w = new Worker<JobData, { key: string }>(QUEUE_NAME, run, {
    connection: a.connection, concurrency: o.concurrency, lockDuration: o.lockMs, stalledInterval: o.lockMs, maxStalledCount: 2,
  });
  w.on('error', onError);
  w.on('failed', (job, e) => { if (job && !(e instanceof UnrecoverableError)) o.log(`failed ${job.data.source.name} on ${job.data.options.target} (try ${job.attemptsMade} of ${job.opts.attempts ?? 1}): ${e.message.split('\n')[0]}`); });
  o.log(`worker ${me} on ${a.shown}: ${o.concurrency} job(s) at once; tools ${TOOL_STAMP}`);
  return {
    close: async () => { await w.close(); results.disconnect(); },
    closeNow: async () => { await w.close(true); results.disconnect(); },
  };
}
