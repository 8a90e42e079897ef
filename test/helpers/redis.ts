// A private Redis for the queue's tests: Debian's redis-server (installed by `npm run tools`) on a free
// local port, without persistence, so a restart loses the queue as a crashed server would.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { once } from 'node:events';

export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.on('connect', () => c.write('PING\r\n'));
    c.on('data', (d) => { resolve(d.toString().startsWith('+PONG')); c.destroy(); });
    c.on('error', () => resolve(false));
  });
}

export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const r: PrivateRedis = {
    port, url: `redis://127.0.0.1:${port}`,
    async start() {
      proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; i < 100 && !(await answers(port)); i++) await new Promise((ok) => setTimeout(ok, 50));
      if (!(await answers(port))) throw new Error(`redis-server did not start on port ${port}`);
    },
    async stop() {
      if (!proc || proc.exitCode !== null) return;
      const exited = once(proc, 'exit');
      proc.kill('SIGKILL'); // as a crash: nothing saved, clients see the connection drop
      await exited;
    },
  };
  await r.start();
  return r;
}
