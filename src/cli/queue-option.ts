// `--queue redis://…` for sweep and worker: the URL checked, then Redis reached, before any work;
// either problem is one line naming the flag, exit 2. The Redis client loads only for these commands.

import { parseQueueUrl, QueueUrlError, type QueueAddress } from '../queue/url.js';
import { UserError } from './user-error.js';

export function queueAddress(text: string): QueueAddress {
  try {
    return parseQueueUrl(text);
  } catch (e) {
    if (e instanceof QueueUrlError) throw new UserError(`--queue: ${e.message}`);
    throw e;
  }
}

export async function reachable(a: QueueAddress): Promise<void> {
  const { checkReachable, QueueUnreachable } = await import('../queue/connect.js'); // BullMQ and ioredis load only when used
  try {
    await checkReachable(a);
  } catch (e) {
    if (e instanceof QueueUnreachable) throw new UserError(`--queue: ${e.message}`);
    throw e;
  }
}
