// The queue under faults, with three worker processes on a private Redis: the 12-configuration
// example sweep gives the local pool's numbers while one worker is killed (kill -9) mid-job; a
// configuration queued twice, by one spec and by two sweeps at once, runs once; a failing one is
// retried, then reported while the others complete; Redis killed and
// restarted mid-sweep, the sweep carries on; Redis gone for good, the sweep stops with one line and
// the same command resumes once it is back.

import { execa, type ResultPromise } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthReportSchema } from '../../src/report/schema.js';
import { privateRedis, type PrivateRedis } from '../helpers/redis.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
const example = join(process.cwd(), 'examples', 'sweeps', 'adder-tree.json');

describe('sweep --queue with three workers, under faults', () => {
  let redis: PrivateRedis;
  let dir: string;
  const workers: Array<ResultPromise | undefined> = [];
  const logs: string[] = [];
  const startWorker = (w: number) => {
    logs[w] = '';
    const p = execa('node', [cli, 'worker', '--queue', redis.url, '--jobs', '1', '--lock-seconds', '5'], { reject: false, env: { BITFORGE_CACHE: join(dir, `worker${w}-cache`) } });
    p.stdout!.on('data', (d: Buffer) => { logs[w] += d.toString(); });
    workers[w] = p;
    return p;
  };
  beforeAll(async () => {
    redis = await privateRedis();
    dir = mkdtempSync(join(tmpdir(), 'bitforge-queue-long-'));
    for (const w of [0, 1, 2]) startWorker(w);
  });
  afterAll(async () => {
    for (const w of workers) w?.kill('SIGTERM');
    await Promise.all(workers);
    await redis.stop();
  });

  const ran = (key?: string) => logs.join('').split('\n').filter((l) => l.startsWith('worker: ran ') && (key === undefined || l.includes(`(${key})`)));
  const numbers = (out: string) => (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { reports: unknown[] }).reports.map((x) => synthReportSchema.parse(x))
    .map((r) => ({ params: r.params, target: r.target, totals: r.totals, fmax: r.timing.fmaxMHz, pnr: r.pnr?.fmaxMHz ?? null, lcs: r.pnr?.logicCells ?? null }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const spec = (name: string, body: object) => {
    const f = join(dir, `${name}.json`);
    writeFileSync(f, JSON.stringify({ name, ...body }));
    return f;
  };
  const sweep = (file: string, out: string, cache: string) => execa('node', [cli, 'sweep', file, '--queue', redis.url, '--out', join(dir, out)], { reject: false, env: { BITFORGE_CACHE: join(dir, cache) } });

  it('the example sweep: the local pool\'s numbers, though a worker is killed mid-job', async () => {
    const local = await execa('node', [cli, 'sweep', example, '--out', join(dir, 'local')], { reject: false, env: { BITFORGE_CACHE: join(dir, 'local-cache') } });
    expect(local.exitCode, local.stderr).toBe(0);

    const run = sweep(example, 'queued', 'sweep-cache');
    // Worker 0 dies (kill -9) as soon as it has started a job.
    const killed = await new Promise<string>((resolve) => {
      const t = setInterval(() => {
        const m = /^worker: start .* \((\w+)\)$/m.exec(logs[0]!);
        if (m) { clearInterval(t); workers[0]!.kill('SIGKILL'); resolve(m[1]!); }
      }, 20);
    });
    const r = await run;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(12 ok of which 0 from cache, 0 failed\)/);
    expect(numbers(join(dir, 'queued'))).toEqual(numbers(join(dir, 'local')));
    // The killed worker's job was given to another one once its lock expired.
    expect(logs[0]).not.toMatch(new RegExp(`^worker: ran .*\\(${killed}\\)$`, 'm'));
    expect(ran(killed)).toHaveLength(1);
    expect(ran()).toHaveLength(12);
    startWorker(0);
  }, 900_000);

  it('a configuration queued twice (twice in one spec, and by two sweeps at once) runs once', async () => {
    const body = { targets: ['gowin'], sweeps: [
      { block: 'examples.adder-tree', params: { width: [5, 6], n: [2, 3] } },
      { block: 'examples.adder-tree', params: { width: 6, n: [3, 2] } }, // two of the above again
    ] };
    const before = ran().length;
    const [a, b] = await Promise.all([sweep(spec('twice', body), 'twice-a', 'twice-a-cache'), sweep(spec('twice', body), 'twice-b', 'twice-b-cache')]);
    for (const x of [a, b]) {
      expect(x.exitCode, x.stderr).toBe(0);
      expect(x.stdout).toMatch(/\(6 ok of which \d+ from cache, 0 failed\)/);
    }
    expect(numbers(join(dir, 'twice-a'))).toEqual(numbers(join(dir, 'twice-b')));
    const lines = ran().slice(before);
    expect(lines).toHaveLength(4); // 4 distinct configurations
    expect(new Set(lines.map((l) => /\((\w+)\)$/.exec(l)![1])).size).toBe(4);
  }, 600_000);

  it('a configuration that fails is retried, then reported with its reason while the others complete (exit 1)', async () => {
    // mx.dot with OCP's 32-element blocks needs far more than 10 s of Yosys; the adder trees do not.
    const file = spec('fails', { targets: ['gowin'], timeoutSeconds: 10, sweeps: [
      { block: 'examples.adder-tree', params: { width: [14, 15], n: 2 } },
      { block: 'mx.dot', params: { block: 32 } },
    ] });
    const r = await sweep(file, 'fails', 'fails-cache');
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\(2 ok of which 0 from cache, 1 failed\)/);
    expect(r.stdout).toMatch(/^FAILED mx\.dot .* on gowin: yosys did not finish within 10 s and was stopped$/m);
    expect(logs.join('')).toMatch(/^worker: failed mx\.dot on gowin \(try 3 of 3\): yosys did not finish within 10 s/m);
  }, 600_000);

  it('Redis killed and restarted mid-sweep: the sweep re-queues what Redis lost and finishes', async () => {
    const run = sweep(spec('restart', { block: 'examples.adder-tree', params: { width: [5, 7], n: [4, 5, 6] }, targets: ['gowin'] }), 'restart', 'restart-cache');
    let err = '';
    run.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    while (!/\[1\/6\]/.test(err)) await new Promise((ok) => setTimeout(ok, 50));
    await redis.stop();
    await new Promise((ok) => setTimeout(ok, 3000));
    await redis.start();
    const r = await run;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(6 ok of which 0 from cache, 0 failed\)/);
    expect(r.stderr).toMatch(/sweep: lost Redis at redis:\/\/127\.0\.0\.1:\d+: .*; waiting up to 30 s for it/);
    expect(r.stderr).toMatch(/sweep: Redis at redis:\/\/127\.0\.0\.1:\d+ is back after \d+ s; checking the queue/);
  }, 600_000);

  it('Redis gone for good: one line, exit 1; back, the same command resumes from what was finished', async () => {
    // Eight configurations on three workers: when the first is done, at least four have not started,
    // so the sweep cannot finish before Redis goes (with four it sometimes did under load).
    const file = spec('gone', { block: 'examples.adder-tree', params: { width: [9, 10], n: [4, 5, 6, 7] }, targets: ['gowin'] });
    const run = sweep(file, 'gone', 'gone-cache');
    let err = '';
    run.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    while (!/\[1\/8\]/.test(err)) await new Promise((ok) => setTimeout(ok, 50));
    await redis.stop();
    try {
      const t0 = performance.now();
      const r = await run;
      expect(performance.now() - t0).toBeLessThan(60_000);
      expect(r.exitCode).toBe(1);
      const last = r.stderr.trim().split('\n').at(-1)!;
      expect(last).toMatch(/^bitforge: lost Redis at redis:\/\/127\.0\.0\.1:\d+ for 30 s \(.*\); \d configuration\(s\) unfinished, the finished ones are in the local cache: run the same command again to resume$/);
    } finally {
      await redis.start(); // the tests after this one need it, whatever happened here
    }
    const again = await sweep(file, 'gone', 'gone-cache');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\(8 ok of which [1-8] from cache, 0 failed\)/);
  }, 600_000);

  it('Ctrl-C on the sweep: its jobs not yet started leave the queue, running ones keep their reports, the same command resumes', async () => {
    const file = spec('interrupted', { block: 'examples.adder-tree', params: { width: [11, 12, 13], n: [2, 3] }, targets: ['gowin'] });
    const run = sweep(file, 'interrupted', 'interrupted-cache');
    let err = '';
    run.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    while (!/sweep: queued 6 job\(s\)/.test(err)) await new Promise((ok) => setTimeout(ok, 50));
    run.kill('SIGINT');
    const r = await run;
    expect(r.exitCode).toBe(130);
    const line = r.stderr.trim().split('\n').at(-1)!;
    expect(line).toMatch(/^sweep: interrupted: removed ([1-6]) waiting job\(s\) from the queue; running jobs finish and keep their reports; the same command resumes$/);
    const { Queue } = await import('bullmq');
    const q = new Queue('bitforge-synth', { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      expect(await q.getJobCounts('waiting', 'delayed', 'prioritized')).toMatchObject({ waiting: 0, delayed: 0, prioritized: 0 });
    } finally {
      await q.close();
    }
    const again = await sweep(file, 'interrupted', 'interrupted-cache');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\(6 ok of which \d+ from cache, 0 failed\)/);
  }, 600_000);
});
