// `bitforge worker --queue redis://…`: runs sweep jobs from the queue on this machine until stopped.
// Ctrl-C (or SIGTERM) finishes the running jobs first; a second one stops at once, and those jobs go
// to another worker once their locks expire.

import { Command } from 'commander';
import { cpus } from 'node:os';
import { queueAddress, reachable } from '../queue-option.js';
import { UserError } from '../user-error.js';

const positive = (flag: string, v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`${flag}: expected a positive integer, got '${v}'`);
  return n;
};

export function workerCommand(): Command {
  return new Command('worker')
    .description('run sweep jobs from a queue (BullMQ on Redis) with this machine\'s tools, until stopped')
    .requiredOption('--queue <url>', 'the sweeps\' queue: redis://[:password@]host:port[/db]')
    .option('--jobs <n>', 'synthesis jobs at once (default: all cores)')
    .option('--concurrency <n>', 'the same as --jobs (BullMQ\'s name for it)')
    .option('--lock-seconds <s>', 'a job\'s lock: a killed worker\'s job goes to another worker after about this long', '30')
    .action(async (opts: { queue: string; jobs?: string; concurrency?: string; lockSeconds: string }) => {
      if (opts.jobs !== undefined && opts.concurrency !== undefined) throw new UserError('--concurrency: the same as --jobs; give one of them');
      const n = opts.jobs ?? opts.concurrency;
      const concurrency = n === undefined ? cpus().length : positive(opts.jobs !== undefined ? '--jobs' : '--concurrency', n);
      const lockSeconds = positive('--lock-seconds', opts.lockSeconds);
      const queue = queueAddress(opts.queue);
      await reachable(queue);
      const log = (line: string) => process.stdout.write(`worker: ${line}\n`);
      const { startWorker } = await import('../../queue/worker.js'); // BullMQ loads only here
      const w = startWorker(queue, { concurrency, lockMs: lockSeconds * 1000, log });
      await new Promise<void>((resolve) => {
        let stops = 0;
        const stop = (signal: NodeJS.Signals) => {
          if (++stops === 1) {
            log(`${signal}: finishing the running jobs (again to stop now)`);
            void w.close().then(resolve);
          } else {
            void w.closeNow().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
          }
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      log('stopped');
    });
}
