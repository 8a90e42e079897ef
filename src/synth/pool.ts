// Many synthesis jobs at once: at most `jobs` in flight (each tool runs in its own worker thread or
// process); a failing job is recorded with its reason and the others go on.

import type { BlockDef } from '../blocks/block.js';
import type { Failure } from '../report/markdown.js';
import type { SynthReport } from '../report/schema.js';
import { synthesize, type SynthOptions } from './run.js';

export interface SynthJob {
  readonly block: BlockDef;
  readonly params: Record<string, unknown>;
  readonly options: SynthOptions;
}

export interface PoolResult {
  readonly reports: Array<SynthReport & { cached?: boolean }>;
  readonly failures: Failure[];
}

export async function runPool(jobs: readonly SynthJob[], concurrency: number, onDone?: (done: number, total: number, job: SynthJob, report: (SynthReport & { cached?: boolean }) | undefined) => void): Promise<PoolResult> {
  const reports: Array<(SynthReport & { cached?: boolean }) | undefined> = new Array(jobs.length);
  const failures: Array<Failure | undefined> = new Array(jobs.length);
  let next = 0, done = 0;
  async function worker(): Promise<void> {
    while (next < jobs.length) {
      const i = next++;
      const j = jobs[i]!;
      try {
        reports[i] = await synthesize(j.block, j.params, j.options);
      } catch (e) {
        failures[i] = { block: j.block.name, params: j.params, target: j.options.target, reason: (e as Error).message };
      }
      onDone?.(++done, jobs.length, j, reports[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return { reports: reports.filter((r) => r !== undefined), failures: failures.filter((f) => f !== undefined) };
}
