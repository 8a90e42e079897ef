// Sweeps through the queue (BullMQ on a private Redis): the --queue URL checked before any work, an
// unreachable Redis in one line within seconds, the same report numbers as the local pool, a known
// report never run twice, a failing job retried with backoff, and a worker refusing a job stamped
// with other tool versions. The long
// tier kills workers and Redis mid-sweep (queue.long.test.ts).

import { Queue } from 'bullmq';
import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobData } from '../../src/queue/job.js';
import { QUEUE_NAME } from '../../src/queue/names.js';
import { parseQueueUrl, QueueUrlError } from '../../src/queue/url.js';
import { synthReportSchema } from '../../src/report/schema.js';
import { privateRedis, type PrivateRedis } from '../helpers/redis.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

describe('--queue URL', () => {
  it('host, port, database, password and TLS are read; the password is never shown', () => {
    expect(parseQueueUrl('redis://10.0.0.5:6380/3')).toEqual({ shown: 'redis://10.0.0.5:6380/3', connection: { host: '10.0.0.5', port: 6380, db: 3 } });
    expect(parseQueueUrl('redis://queue.lab')).toMatchObject({ connection: { host: 'queue.lab', port: 6379, db: 0 } });
    const secret = parseQueueUrl('rediss://:p%40ss@queue.lab:6390');
    expect(secret.connection).toMatchObject({ password: 'p@ss', tls: {} });
    expect(secret.shown).toBe('rediss://:***@queue.lab:6390');
  });

  it.each([
    ['localhost:6379', /expected a redis:\/\/ or rediss:\/\/ URL, got 'localhost:'/],
    ['http://localhost:6379', /expected a redis:\/\/ or rediss:\/\/ URL, got 'http:'/],
    ['redis://', /expected redis:\/\/host:port\[\/db\], got 'redis:\/\/'|no host/],
    ['redis://h:99999', /expected redis:\/\/host:port\[\/db\]/],
    ['redis://h:6379/16', /database after the port must be a number 0\.\.15, got '16'/],
    ['redis://h:6379/x', /database after the port must be a number 0\.\.15, got 'x'/],
    ['redis://:pw@h:6379/?tls=1', /unexpected '\?tls=1' in 'redis:\/\/:\*\*\*@h:6379/],
  ])('%s: refused with the reason', (url, why) => {
    expect(() => parseQueueUrl(url)).toThrow(QueueUrlError);
    expect(() => parseQueueUrl(url)).toThrow(why);
  });

  it('the CLI: a bad URL or an unreachable Redis is one line naming --queue, exit 2, within seconds, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-queue-bad-'));
    const spec = join(process.cwd(), 'examples', 'sweeps', 'adder-tree.json');
    const cases: Array<[string[], RegExp]> = [
      [['sweep', spec, '--queue', 'redis//nowhere', '--out', join(dir, 'a')], /^bitforge: error: --queue: expected redis:\/\/host:port\[\/db\], got 'redis\/\/nowhere'$/],
      [['sweep', spec, '--queue', 'redis://127.0.0.1:1', '--out', join(dir, 'b')], /^bitforge: error: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: connection refused$/],
      [['sweep', spec, '--queue', 'redis://no-such-host.invalid', '--out', join(dir, 'c')], /^bitforge: error: --queue: cannot reach Redis at redis:\/\/no-such-host\.invalid: unknown host$/],
      [['sweep', spec, '--queue', 'redis://127.0.0.1:1', '--jobs', '2'], /^bitforge: error: --jobs: not with --queue/],
      [['worker', '--queue', 'redis://127.0.0.1:1'], /^bitforge: error: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: connection refused$/],
      [['worker', '--queue', 'redis://127.0.0.1:1', '--jobs', '0'], /^bitforge: error: --jobs: expected a positive integer, got '0'$/],
      [['worker', '--queue', 'redis://127.0.0.1:1', '--jobs', '2', '--concurrency', '2'], /^bitforge: error: --concurrency: the same as --jobs; give one of them$/],
      [['worker'], /^bitforge: error: required option '--queue <url>' not specified$/],
    ];
    for (const [args, line] of cases) {
      const t0 = performance.now();
      const r = await execa('node', [cli, ...args], { reject: false, cwd: dir });
      expect([r.exitCode, r.stderr.trim()], args.join(' ')).toEqual([2, expect.stringMatching(line)]);
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
    for (const out of ['a', 'b', 'c']) expect(existsSync(join(dir, out))).toBe(false);
  }, 120_000);
});

describe('sweep --queue with two workers', () => {
  let redis: PrivateRedis;
  let dir: string;
  const workers: ResultPromise[] = [];
  const logs: string[] = ['', ''];
  beforeAll(async () => {
    redis = await privateRedis();
    dir = mkdtempSync(join(tmpdir(), 'bitforge-queue-'));
    for (const w of [0, 1]) {
      const p = execa('node', [cli, 'worker', '--queue', redis.url, '--jobs', '1'], { reject: false, env: { BITFORGE_CACHE: join(dir, `worker${w}-cache`) } });
      p.stdout!.on('data', (d: Buffer) => { logs[w] += d.toString(); });
      workers.push(p);
    }
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers);
    await redis.stop();
  });

  const spec = () => {
    const f = join(dir, 'tiny.json');
    writeFileSync(f, JSON.stringify({ name: 'tiny', block: 'examples.adder-tree', params: { width: [4, 8], n: [2, 4] }, targets: ['gowin'] }));
    return f;
  };
  const numbers = (out: string) => (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { reports: unknown[] }).reports.map((x) => synthReportSchema.parse(x))
    .map((r) => ({ params: r.params, target: r.target, totals: r.totals, fmax: r.timing.fmaxMHz, path: r.timing.criticalPathNs })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it('gives the local pool\'s numbers; run again with an empty local cache, every report comes from Redis and nothing runs', async () => {
    const local = await execa('node', [cli, 'sweep', spec(), '--out', join(dir, 'local')], { reject: false, env: { BITFORGE_CACHE: join(dir, 'local-cache') } });
    expect(local.exitCode, local.stderr).toBe(0);
    const queued = await execa('node', [cli, 'sweep', spec(), '--queue', redis.url, '--out', join(dir, 'queued')], { reject: false, env: { BITFORGE_CACHE: join(dir, 'sweep-cache') } });
    expect(queued.exitCode, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/4 configuration\(s\) on gowin through the queue on redis:\/\/127\.0\.0\.1:\d+/);
    expect(queued.stdout).toMatch(/\(4 ok of which 0 from cache, 0 failed\)/);
    expect(queued.stderr).toMatch(/sweep: queued 4 job\(s\)/);
    expect(numbers(join(dir, 'queued'))).toEqual(numbers(join(dir, 'local')));
    const ran = () => (logs.join('').match(/^worker: ran /gm) ?? []).length;
    expect(ran()).toBe(4);
    expect(logs.every((l) => /^worker: ran /m.test(l))).toBe(true); // both workers took jobs

    const again = await execa('node', [cli, 'sweep', spec(), '--queue', redis.url, '--out', join(dir, 'again')], { reject: false, env: { BITFORGE_CACHE: join(dir, 'fresh-cache') } });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\(4 ok of which 4 from cache, 0 failed\)/);
    expect(ran()).toBe(4);
    expect(numbers(join(dir, 'again'))).toEqual(numbers(join(dir, 'local')));
  }, 240_000);

  it('a job that fails is retried with backoff, then failed with the tool\'s reason', async () => {
    const { TOOL_STAMP } = await import('../../src/synth/cache.js');
    const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const src = { name: 'hand.broken', params: {}, top: 'm', ports: [], verilog: [{ path: 'm.v', content: 'module m(; endmodule\n' }] };
      const t0 = performance.now();
      const job = await q.add('synth', jobData(TOOL_STAMP, src, { target: 'gowin' }), { jobId: 'broken', attempts: 3, backoff: { type: 'exponential', delay: 1000 } });
      let state = await job.getState();
      for (let i = 0; i < 600 && state !== 'failed'; i++) { await new Promise((ok) => setTimeout(ok, 100)); state = await job.getState(); }
      expect(state).toBe('failed');
      const failed = (await q.getJob('broken'))!;
      expect(failed.attemptsMade).toBe(3);
      expect(failed.failedReason).toMatch(/yosys/i);
      expect(performance.now() - t0).toBeGreaterThan(1000 + 2000); // the backoff between the tries
      expect((logs.join('').match(/^worker: failed hand\.broken on gowin \(try \d of 3\): /gm) ?? []).length).toBe(3);
    } finally {
      await q.close();
    }
  }, 90_000);

  it('a worker refuses a job stamped with other tool versions, and says why', async () => {
    const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const src = { name: 'hand.made', params: {}, top: 'm', ports: [], verilog: [{ path: 'm.v', content: 'module m; endmodule\n' }] };
      const job = await q.add('synth', jobData('5/@yowasp/yosys@0.1.0,@yowasp/nextpnr-ice40@0.1.0', src, { target: 'gowin' }), { jobId: 'refuse-me' });
      let state = await job.getState();
      for (let i = 0; i < 200 && state !== 'failed'; i++) { await new Promise((ok) => setTimeout(ok, 100)); state = await job.getState(); }
      expect(state).toBe('failed');
      const failed = (await q.getJob('refuse-me'))!;
      expect(failed.failedReason).toMatch(/^refused by worker [^:]+:\d+: the sweep's tools \(@yowasp\/yosys@0\.1\.0,@yowasp\/nextpnr-ice40@0\.1\.0\) differ from this worker's \(@yowasp\/yosys@0\.55\.\d+,@yowasp\/nextpnr-ice40@[\d.]+\)$/);
      expect(failed.attemptsMade).toBe(1); // not retried: another try would be refused the same way
      expect(logs.join('')).toMatch(/^worker: refused hand\.made on gowin: the sweep's tools/m);
    } finally {
      await q.close();
    }
  }, 60_000);
});
