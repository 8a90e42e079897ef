// Many synthesis jobs at once: at most `jobs` in flight (each tool runs in its own process); a failing
// job is recorded with its reason and the others go on. Jobs start longest first (estimated from the
// emitted Verilog's size, place-and-route targets counting double), so that a big design does not
// start last and leave the other cores idle; reports come back in job order.

import type { EmittableBlock } from '../codegen/emit-block.js';
import type { Failure } from '../report/markdown.js';
import type { SynthReport } from '../report/schema.js';
import { blockSource, fmaxOf, synthesizeSource, type SynthOptions, type SynthSource } from './run.js';
import { TARGET_DEFS } from './targets.js';

export interface SynthJob {
  readonly block: EmittableBlock;
  readonly params: Record<string, unknown>;
  readonly options: SynthOptions;
}

export interface PoolResult {
  readonly reports: Array<SynthReport & { cached?: boolean }>;
  readonly failures: Failure[];
}

type Prepared = { src: SynthSource; cost: number } | { error: Error; cost: number };

function prepare(j: SynthJob): Prepared {
  try {
    const src = blockSource(j.block, j.params, fmaxOf(j.options), j.options.target);
    const bytes = src.verilog.reduce((n, f) => n + f.content.length, 0);
    return { src, cost: bytes * (TARGET_DEFS[j.options.target].placeAndRoute ? 2 : 1) };
  } catch (e) {
    return { error: e as Error, cost: 0 };
  }
}

export async function runPool(jobs: readonly SynthJob[], concurrency: number, onDone?: (done: number, total: number, job: SynthJob, report: (SynthReport & { cached?: boolean }) | undefined) => void): Promise<PoolResult> {
  const reports: Array<(SynthReport & { cached?: boolean }) | undefined> = new Array(jobs.length);
  const failures: Array<Failure | undefined> = new Array(jobs.length);
  const prepared = jobs.map(prepare);
  const order = jobs.map((_, i) => i).sort((a, b) => prepared[b]!.cost - prepared[a]!.cost || a - b);
  let next = 0, done = 0;
  async function worker(): Promise<void> {
    while (next < order.length) {
      const i = order[next++]!;
      const j = jobs[i]!, p = prepared[i]!;
      try {
        if ('error' in p) throw p.error;
        reports[i] = await synthesizeSource(p.src, j.options);
      } catch (e) {
        failures[i] = { block: j.block.name, params: j.params, target: j.options.target, reason: (e as Error).message };
      }
      onDone?.(++done, jobs.length, j, reports[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return { reports: reports.filter((r) => r !== undefined), failures: failures.filter((f) => f !== undefined) };
}
