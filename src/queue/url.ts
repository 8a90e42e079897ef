// `--queue redis://[:password@]host:port[/db]`: checked before anything connects, and written back
// without its password wherever bitforge prints it.

import type { RedisOptions } from 'ioredis';

export class QueueUrlError extends Error {}

export interface QueueAddress {
  /** For messages: the URL without its password. */
  readonly shown: string;
  readonly connection: RedisOptions;
}

export function parseQueueUrl(text: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new QueueUrlError(`expected redis://host:port[/db], got '${text}'`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new QueueUrlError(`expected a redis:// or rediss:// URL, got '${u.protocol}' in '${text}'`);
  if (!u.hostname) throw new QueueUrlError(`no host in '${text}'`);
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!/^\d*$/.test(dbText) || !Number.isInteger(db) || db > 15) throw new QueueUrlError(`the database after the port must be a number 0..15, got '${dbText}' in '${redact(u)}'`);
  if (u.search || u.hash) throw new QueueUrlError(`unexpected '${u.search}${u.hash}' in '${redact(u)}'`);
  return {
    shown: redact(u),
    connection: {
      host: u.hostname.replace(/^\[|\]$/g, ''), port, db,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

function redact(u: URL): string {
  const c = new URL(u.href);
  if (c.password) c.password = '***';
  return c.href.replace(/\/$/, '');
}
