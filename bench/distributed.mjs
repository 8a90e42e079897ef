// Sweeps through the queue (BullMQ on a private Redis) against the local pool, on this machine: wall
// time with 1, 2 and 4 worker processes (one synthesis job each) beside `bitforge sweep --jobs 2`, and
// the queue's overhead per job (2 workers against the pool's 2 jobs: the same parallelism). Every run
// starts cold: empty local caches and an empty Redis.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
export const SPECS = ['examples/sweeps/adder-tree.json', 'examples/sweeps/minifloat-vs-int.json'];
export const WORKERS = [1, 2, 4];

async function freePort() {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  s.close();
  return port;
}

async function withRedis(use) {
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' }); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  try { return await use(`redis://127.0.0.1:${port}`); } finally { redis.kill('SIGKILL'); await once(redis, 'exit'); }
}

function sweep(spec, args, cache) {
  const t0 = performance.now();
  const out = mkdtempSync(join(tmpdir(), 'bench-dist-out-'));
  const stdout = execFileSync(process.execPath, [cli, 'sweep', spec, '--out', join(out, 'r'), ...args], { encoding: 'utf8', env: { ...process.env, BITFORGE_CACHE: cache }, stdio: ['ignore', 'pipe', 'ignore'] });
  rmSync(out, { recursive: true, force: true });
  const ok = Number(/\((\d+) ok/.exec(stdout)?.[1] ?? NaN);
  return { seconds: (performance.now() - t0) / 1000, ok };
}

export async function runDistributedBench(log = console.log) {
  const rows = [];
  for (const spec of SPECS) {
    const cold = () => mkdtempSync(join(tmpdir(), 'bench-dist-cache-'));
    const local = sweep(spec, ['--jobs', '2'], cold());
    log(`${spec}: local pool, 2 jobs: ${local.seconds.toFixed(1)} s (${local.ok} configurations)`);
    const row = { spec, configurations: local.ok, localSeconds: local.seconds, queue: {} };
    for (const n of WORKERS) {
      row.queue[n] = await withRedis(async (url) => {
        const workers = Array.from({ length: n }, () => spawn(process.execPath, [cli, 'worker', '--queue', url, '--jobs', '1'], { stdio: 'ignore', env: { ...process.env, BITFORGE_CACHE: cold() } }));
        try {
          return sweep(spec, ['--queue', url], cold()).seconds;
        } finally {
          for (const w of workers) w.kill('SIGKILL');
          await Promise.all(workers.map((w) => once(w, 'exit')));
        }
      });
      log(`${spec}: queue, ${n} worker(s): ${row.queue[n].toFixed(1)} s`);
    }
    row.overheadMsPerJob = ((row.queue[2] - row.localSeconds) * 1000) / row.configurations;
    // The queue alone: every job answered from the workers' (shared) cache, nothing synthesized; beside
    // it the local pool with every report in its cache.
    const warm = cold();
    sweep(spec, ['--jobs', '2'], warm);
    row.localWarmMsPerJob = (sweep(spec, ['--jobs', '2'], warm).seconds * 1000) / row.configurations;
    row.queueWarmMsPerJob = await withRedis(async (url) => {
      const workers = Array.from({ length: 2 }, () => spawn(process.execPath, [cli, 'worker', '--queue', url, '--jobs', '1'], { stdio: 'ignore', env: { ...process.env, BITFORGE_CACHE: warm } }));
      try {
        await new Promise((r) => setTimeout(r, 3000)); // the workers connected: their start-up is not the queue's
        return (sweep(spec, ['--queue', url], cold()).seconds * 1000) / row.configurations;
      } finally {
        for (const w of workers) w.kill('SIGKILL');
        await Promise.all(workers.map((w) => once(w, 'exit')));
      }
    });
    log(`${spec}: every report known: local ${row.localWarmMsPerJob.toFixed(0)} ms, queue ${row.queueWarmMsPerJob.toFixed(0)} ms per configuration`);
    rows.push(row);
  }
  return rows;
}
