// Temporary files and folders removed when the process is interrupted (Ctrl-C, SIGTERM), so an
// interrupted run leaves nothing half-built behind; the normal path removes or publishes them itself.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pending = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const p of pending) rmSync(p, { recursive: true, force: true });
  pending.clear();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Removes `path` if the process is interrupted before `release(path)`. */
export function removeOnInterrupt(path: string): void {
  if (!installed) {
    installed = true;
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  pending.add(path);
}

/** The path was published or removed: nothing to do on an interrupt. */
export function release(path: string): void {
  pending.delete(path);
}

/** A fresh folder in the system's temporary directory for `use`, removed after it (or on an interrupt). */
export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  removeOnInterrupt(dir);
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    release(dir);
  }
}
