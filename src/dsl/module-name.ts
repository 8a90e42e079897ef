// Verilog module names from a generator name and its parameters: readable, with a hash of all the
// parameters as a suffix when the name would pass 60 characters or a value cannot be spelt in one.
// Equal parameters always give the same name.

import { createHash } from 'node:crypto';
import { sanitize } from '../ir/names.js';

/** Canonical JSON of parameters: sorted keys, bigints as strings. The dedup key. */
export function paramSignature(params: unknown): string {
  return JSON.stringify(params ?? {}, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'function') throw new TypeError('module parameters must be data, not functions');
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const MAX_NAME = 60;

export function moduleName(base: string, params: unknown): string {
  const stem = sanitize(base);
  const entries = Object.entries((params ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return stem;
  const parts: string[] = [];
  let plain = true;
  for (const [k, v] of entries) {
    if (typeof v === 'number' && Number.isInteger(v)) parts.push(`${k}${v < 0 ? `m${-v}` : v}`);
    else if (typeof v === 'boolean') parts.push(v ? k : `no${k}`);
    else if (typeof v === 'string' && /^[A-Za-z0-9]+$/.test(v)) parts.push(`${k}_${v}`);
    else plain = false; // said by the hash only
  }
  const readable = `${stem}__${parts.join('_')}`.replace(/[^A-Za-z0-9_]/g, '_');
  if (plain && readable.length <= MAX_NAME) return readable;
  // Too long, or values a name cannot spell: as much of the readable name as fits, then a hash of all.
  const hash = createHash('sha256').update(paramSignature(params)).digest('hex').slice(0, 10);
  const prefix = readable.slice(0, Math.max(stem.length + 2, MAX_NAME - hash.length - 1)).replace(/_+$/, '');
  return `${prefix}_${hash}`;
}
