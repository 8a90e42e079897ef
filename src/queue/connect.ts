// Reaching Redis: a first PING within a few seconds, or one clear line (bad host, refused, wrong
// password), before a sweep enqueues or a worker waits.

import { Redis } from 'ioredis';
import type { QueueAddress } from './url.js';

export class QueueUnreachable extends Error {}

export const CONNECT_TIMEOUT_MS = 5000;

/** A client for our own reads and writes: fails fast while Redis is away instead of queueing commands. */
export function client(a: QueueAddress): Redis {
  return new Redis({ ...a.connection, lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1, enableOfflineQueue: false,
    retryStrategy: (n) => Math.min(200 * n, 1000) });
}

export async function checkReachable(a: QueueAddress): Promise<void> {
  const r = new Redis({ ...a.connection, lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let first: unknown; // the socket's own error (refused, unknown host) says more than the closed connection after it
  r.on('error', (e) => { first ??= e; });
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw new QueueUnreachable(`cannot reach Redis at ${a.shown}: ${reason(first ?? e)}`);
  } finally {
    r.disconnect();
  }
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ECONNREFUSED') return 'connection refused';
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return 'unknown host';
  if (/Protocol error/.test(err.message ?? '')) return 'something answers there, but not Redis (wrong port?)';
  if (/NOAUTH/.test(err.message ?? '')) return 'Redis wants a password: redis://:PASSWORD@host:port';
  if (/WRONGPASS|invalid password|invalid username-password/i.test(err.message ?? '')) return 'wrong password';
  if (/ETIMEDOUT|timed? ?out/i.test(`${err.code ?? ''} ${err.message}`)) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  return (err.message || String(e)).split('\n')[0]!;
}
