// `bitforge sweep --queue`: the sweep's configurations as BullMQ jobs, followed until every one has a
// report or a failure; the same PoolResult as the local pool, so the same progress and reports.
//
// Each job's id is the result cache's key: a configuration queued twice (by one sweep or two) is one
// job, and a report already in the results hash or the local cache is not queued at all. The results
// hash is the truth: the sweep polls it (one HMGET for everything pending), and every few seconds it
// checks the jobs themselves: a failed job is reported with its reason, a job the queue has lost (Redis
// restarted without its data) is queued again. Redis away for longer than GRACE_MS stops the sweep
// with one line; every report already received is in the local cache, so running it again resumes.

import { Queue } from 'bullmq';
import type { Failure } from '../report/markdown.js';
import { synthReportSchema, type SynthReport } from '../report/schema.js';
import { cachedReport, storeReport, TOOL_STAMP } from '../synth/cache.js';
import type { PoolResult, SynthJob } from '../synth/pool.js';
import { blockSource, fmaxOf, synthJobKey } from '../synth/run.js';
import { TARGET_DEFS } from '../synth/targets.js';
import { client, reason } from './connect.js';
import { jobData } from './job.js';
import { QUEUE_NAME, RESULTS_KEY } from './names.js';
import type { QueueAddress } from './url.js';

export class QueueLost extends Error {}

/** Tries per job (the first and two retries), with exponential backoff from BACKOFF_MS. */
export const ATTEMPTS = 3;
const BACKOFF_MS = 5000;
const POLL_MS = 500;
const CHECK_EVERY = 10; // polls between checks of the jobs' states
export const GRACE_MS = 30_000;

type Report = SynthReport & { cached?: boolean };

export interface QueuedRun {
  readonly onDone?: (done: number, total: number, job: SynthJob, report: Report | undefined) => void;
  readonly log: (line: string) => void;
}

/** Rejects after `ms` with a QueueLost: a BullMQ call must not hang while Redis is away. */
const within = <T>(p: Promise<T>, ms: number, what: string) => Promise.race([p, new Promise<never>((_, no) => setTimeout(() => no(new QueueLost(`${what}: no answer within ${ms / 1000} s`)), ms).unref())]);

export async function runQueued(a: QueueAddress, jobs: readonly SynthJob[], o: QueuedRun): Promise<PoolResult> {
  const reports: Array<Report | undefined> = new Array(jobs.length);
  const failures: Array<Failure | undefined> = new Array(jobs.length);
  let done = 0;
  const finish = (i: number, r: Report | undefined, why?: string) => {
    if (r) reports[i] = r;
    else failures[i] = { block: jobs[i]!.block.name, params: jobs[i]!.params, target: jobs[i]!.options.target, reason: why ?? 'failed' };
    o.onDone?.(++done, jobs.length, jobs[i]!, r);
  };

  // Elaborate here (a design error fails its configuration at once), then the local cache.
  const pending = new Map<string, { indices: number[]; data: ReturnType<typeof jobData> }>();
  jobs.forEach((j, i) => {
    try {
      const src = blockSource(j.block, j.params, fmaxOf(j.options), j.options.target);
      const key = synthJobKey(src, j.options);
      const hit = cachedReport(key);
      if (hit) return finish(i, { ...hit, cached: true });
      const p = pending.get(key);
      if (p) p.indices.push(i);
      else pending.set(key, { indices: [i], data: jobData(TOOL_STAMP, src, j.options) });
    } catch (e) {
      finish(i, undefined, (e as Error).message);
    }
  });
  if (!pending.size) return collect(reports, failures);

  const redis = client(a);
  redis.on('error', () => {}); // seen as failed commands below
  // Made when there is something to queue: BullMQ's Queue must not be closed while it is still
  // connecting (its connection then emits an error after its listeners are gone).
  let made: Queue | undefined;
  const queueOf = () => {
    if (!made) {
      made = new Queue(QUEUE_NAME, { connection: a.connection });
      made.on('error', () => {});
    }
    return made;
  };
  let stopping = false;
  const received = (key: string, json: string, known: boolean) => {
    let parsed;
    try { parsed = synthReportSchema.safeParse(JSON.parse(json)); } catch { return; }
    if (!parsed.success) return; // a damaged entry: the job's worker writes it again
    const r = parsed.data;
    storeReport(key, r);
    for (const i of pending.get(key)!.indices) finish(i, known ? { ...r, cached: true } : r);
    pending.delete(key);
  };
  /** Reports in the results hash for the pending keys. */
  const poll = async (known: boolean) => {
    const keys = [...pending.keys()];
    const got = await redis.hmget(RESULTS_KEY, ...keys);
    keys.forEach((k, n) => { if (got[n]) received(k, got[n]!, known); });
  };
  /** Failed jobs reported; jobs the queue does not have (any more) added. */
  const check = async (first: boolean) => {
    const add: string[] = [];
    for (const [key, p] of pending) {
      const job = await within(queueOf().getJob(key), 10_000, 'reading a job');
      const state = job ? await within(job.getState(), 10_000, 'reading a job') : 'unknown';
      if (state === 'failed' && first) { await job!.remove(); add.push(key); } // an earlier sweep's failure: try again
      else if (state === 'failed') { for (const i of p.indices) finish(i, undefined, job!.failedReason); pending.delete(key); }
      else if (state === 'unknown') add.push(key);
    }
    // A job that finished since the last poll is gone from the queue too: its report is in the hash.
    if (add.length && !first) await poll(false);
    // Largest designs first (as the local pool), so that a big one does not start last.
    const size = (key: string) => pending.get(key)!.data.source.verilog.reduce((n, f) => n + f.content.length, 0) * (TARGET_DEFS[pending.get(key)!.data.options.target].placeAndRoute ? 2 : 1);
    const missing = add.filter((key) => pending.has(key)).sort((x, y) => size(y) - size(x));
    if (missing.length) {
      await within(queueOf().addBulk(missing.map((key) => ({ name: 'synth', data: pending.get(key)!.data, opts: {
        jobId: key, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: BACKOFF_MS }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 },
      } }))), 30_000, 'queueing jobs');
      if (!first) o.log(`queued again ${missing.length} job(s) the queue no longer had`);
    }
    return missing.length;
  };

  // Ctrl-C: the jobs not yet started leave the queue; running ones finish and keep their reports.
  const interrupt = (signal: NodeJS.Signals) => {
    stopping = true;
    void (async () => {
      let removed = 0;
      for (const key of pending.keys()) {
        try {
          const job = await within(queueOf().getJob(key), 3000, 'reading a job');
          if (job && ['waiting', 'delayed', 'prioritized', 'waiting-children'].includes(await job.getState())) { await job.remove(); removed++; }
        } catch { /* running, or Redis away: left as it is */ }
      }
      o.log(`interrupted: removed ${removed} waiting job(s) from the queue; running jobs finish and keep their reports; the same command resumes`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    try {
      await redis.connect();
      await poll(true);
      if (pending.size) {
        const queued = await check(true);
        o.log(`queued ${queued} job(s) on ${a.shown}${pending.size > queued ? `; ${pending.size - queued} already there` : ''}`);
      }
    } catch (e) {
      throw new QueueLost(`lost Redis at ${a.shown} while queueing: ${reason(e)}; run the same command again to resume`);
    }
    let polls = 0, lostAt: number | undefined, lostWhy = '';
    while (pending.size && !stopping) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (stopping) break;
      try {
        await poll(false);
        if (lostAt !== undefined) {
          o.log(`Redis at ${a.shown} is back after ${((Date.now() - lostAt) / 1000).toFixed(0)} s; checking the queue`);
          lostAt = undefined;
          polls = CHECK_EVERY - 1; // check at once
        }
        if (++polls % CHECK_EVERY === 0 && pending.size) await check(false);
      } catch (e) {
        if (lostAt === undefined) {
          lostAt = Date.now();
          lostWhy = reason(e);
          o.log(`lost Redis at ${a.shown}: ${lostWhy}; waiting up to ${GRACE_MS / 1000} s for it`);
        } else if (Date.now() - lostAt > GRACE_MS) {
          throw new QueueLost(`lost Redis at ${a.shown} for ${GRACE_MS / 1000} s (${lostWhy}); ${jobs.length - done} configuration(s) unfinished, the finished ones are in the local cache: run the same command again to resume`);
        }
      }
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    if (!stopping) {
      redis.disconnect();
      const q = made;
      if (q) await within(q.close(), 5000, 'closing the queue').catch(() => q.disconnect());
    }
  }
  if (stopping) await new Promise(() => {}); // the interrupt handler exits
  return collect(reports, failures);
}

const collect = (reports: Array<Report | undefined>, failures: Array<Failure | undefined>): PoolResult =>
  ({ reports: reports.filter((r) => r !== undefined), failures: failures.filter((f) => f !== undefined) });
