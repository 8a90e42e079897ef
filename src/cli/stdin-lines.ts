// Streaming hex-line commands (convert, decode, mx quantize): stdin is read line by line and output is
// written in chunks, so millions of lines never sit in memory.

import { createInterface } from 'node:readline';
import { UserError } from './user-error.js';

const HEX = /^(0x)?[0-9a-fA-F]{1,8}$/;

/** Runs `fn` on each non-empty stdin line, writing its result; buffered output, backpressure-aware. */
export async function mapLines(fn: (line: string, n: number) => string): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buf: string[] = [];
  let n = 0;
  const flush = async () => {
    if (!buf.length) return;
    const ok = process.stdout.write(buf.join('\n') + '\n');
    buf = [];
    if (!ok) await new Promise((r) => process.stdout.once('drain', r));
  };
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    try {
      buf.push(fn(line, n));
    } catch (e) {
      await flush(); // the lines before the bad one are already converted: emit them, then stop
      throw e;
    }
    if (buf.length >= 4096) await flush();
  }
  await flush();
}

export function parseHex(line: string, n: number, bits: number, what: string): number {
  if (!HEX.test(line)) throw new UserError(`line ${n}: '${line.slice(0, 40)}' is not a hex ${what}`);
  const v = parseInt(line.replace(/^0x/, ''), 16);
  if (v >= 2 ** bits) throw new UserError(`line ${n}: ${line} does not fit in ${bits} bits (${what})`);
  return v;
}
